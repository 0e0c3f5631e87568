import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readDone } from "~/area/area-admin.server";
import { getAreaDetails } from "~/area/area-details.server";
import { listDistricts, listHealthAreas } from "~/area/places.server";
import { listActions, listAreasOfConcern } from "~/area/plan.server";
import { listWorkingGroups } from "~/area/working-groups.server";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { NotificationBanner } from "~/components/notification-banner";
import { SummaryList } from "~/components/summary-list";
import { Table } from "~/components/table";
import { RagTag } from "~/components/tag";
import i18next from "~/i18n/i18next.server";
import { formatDate } from "~/utils/dates";

export const handle = { i18n: ["common", "admin", "area-admin"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "area.edit");
  const t = await i18next.getFixedT(request, "area-admin");
  // One after another: small queries, one connection.
  const details = await getAreaDetails(context.db);
  const healthAreas = await listHealthAreas(context.db);
  const districts = await listDistricts(context.db);
  const workingGroups = await listWorkingGroups(context.db);
  const concerns = await listAreasOfConcern(context.db);
  const actions = await listActions(context.db);
  const { done, headers } = await readDone(request, context);
  return json(
    {
      pageTitle: t("overview.title"),
      details: details ?? { name: "", serviceName: "", partnershipName: "", contactEmail: "" },
      healthAreas,
      districts,
      workingGroups,
      concerns,
      actions,
      done,
    },
    { headers },
  );
}

/** "Change" for the eye; "Change district Burnley" for a screen reader. */
function ChangeLink({ href, hidden }: { href: string; hidden: string }) {
  const { t } = useTranslation("area-admin");
  return (
    <a className="govuk-link" href={href}>
      {t("change")}
      <span className="govuk-visually-hidden"> {hidden}</span>
    </a>
  );
}

const hiddenHeader = (text: string) => <span className="govuk-visually-hidden">{text}</span>;

export default function AreaOverview() {
  const { t, i18n } = useTranslation("area-admin");
  const { details, healthAreas, districts, workingGroups, concerns, actions, done } = useLoaderData<typeof loader>();
  const sections = [
    { id: "details", text: t("overview.details.heading") },
    { id: "health-areas", text: t("overview.healthAreas.heading") },
    { id: "districts", text: t("overview.districts.heading") },
    { id: "working-groups", text: t("overview.workingGroups.heading") },
    { id: "areas-of-concern", text: t("overview.concerns.heading") },
    { id: "actions", text: t("overview.actions.heading") },
  ];
  const detailFields = ["name", "serviceName", "partnershipName", "contactEmail"] as const;
  return (
    <>
      <Breadcrumbs items={[{ text: t("staffArea"), href: "/admin" }, { text: t("overview.title") }]} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {done ? (
            <NotificationBanner type={done.message === "unchanged" ? "important" : "success"} heading={t(`done.${done.message}`, { name: done.name })} />
          ) : null}
          <h1 className="govuk-heading-l">{t("overview.title")}</h1>
          <p className="govuk-body">{t("overview.intro")}</p>
          <h2 className="govuk-heading-s">{t("overview.contents")}</h2>
          <ul className="govuk-list">
            {sections.map((section) => (
              <li key={section.id}>
                <a className="govuk-link" href={`#${section.id}`}>
                  {section.text}
                </a>
              </li>
            ))}
          </ul>

          <h2 className="govuk-heading-m govuk-!-margin-top-8" id="details">
            {t("overview.details.heading")}
          </h2>
          <SummaryList
            rows={detailFields.map((field) => ({
              key: t(`details.${field}`),
              value: details[field] || t("notSet"),
              actions: [{ href: "/admin/area/details", visuallyHiddenText: t("overview.details.changeHidden", { field: t(`details.${field}`).toLowerCase() }) }],
            }))}
          />

          <h2 className="govuk-heading-m govuk-!-margin-top-8" id="health-areas">
            {t("overview.healthAreas.heading")}
          </h2>
          <p className="govuk-body">{t("overview.healthAreas.intro")}</p>
          <Table
            caption={t("overview.healthAreas.caption")}
            captionSize="s"
            firstCellIsHeader
            columns={[
              { header: t("fields.name") },
              { header: t("fields.slug") },
              { header: t("overview.healthAreas.districts"), numeric: true },
              { header: hiddenHeader(t("fields.actions")) },
            ]}
            rowKeys={healthAreas.map((h) => String(h.id))}
            rows={healthAreas.map((h) => [
              h.name,
              <code key="slug">{h.slug}</code>,
              h.district_count,
              <ChangeLink key="change" href={`/admin/area/health-areas/${h.id}`} hidden={t("overview.healthAreas.changeHidden", { name: h.name })} />,
            ])}
          />
          <p className="govuk-body">
            <a className="govuk-link" href="/admin/area/health-areas/new">
              {t("overview.healthAreas.add")}
            </a>
          </p>

          <h2 className="govuk-heading-m govuk-!-margin-top-8" id="districts">
            {t("overview.districts.heading")}
          </h2>
          <Table
            caption={t("overview.districts.caption")}
            captionSize="s"
            firstCellIsHeader
            columns={[{ header: t("fields.name") }, { header: t("fields.slug") }, { header: t("fields.healthArea") }, { header: hiddenHeader(t("fields.actions")) }]}
            rowKeys={districts.map((d) => String(d.id))}
            rows={districts.map((d) => [
              d.name,
              <code key="slug">{d.slug}</code>,
              d.health_area_name ?? t("none"),
              <ChangeLink key="change" href={`/admin/area/districts/${d.id}`} hidden={t("overview.districts.changeHidden", { name: d.name })} />,
            ])}
          />
          <p className="govuk-body">
            <a className="govuk-link" href="/admin/area/districts/new">
              {t("overview.districts.add")}
            </a>
          </p>

          <h2 className="govuk-heading-m govuk-!-margin-top-8" id="working-groups">
            {t("overview.workingGroups.heading")}
          </h2>
          <Table
            caption={t("overview.workingGroups.caption")}
            captionSize="s"
            columns={[{ header: t("fields.number"), numeric: true }, { header: t("fields.name") }, { header: t("fields.leadRole") }, { header: hiddenHeader(t("fields.actions")) }]}
            rowKeys={workingGroups.map((g) => String(g.id))}
            rows={workingGroups.map((g) => [
              g.number,
              g.name,
              g.lead_role || t("notSet"),
              <ChangeLink key="change" href={`/admin/area/working-groups/${g.id}`} hidden={t("overview.workingGroups.changeHidden", { name: g.name })} />,
            ])}
          />

          <h2 className="govuk-heading-m govuk-!-margin-top-8" id="areas-of-concern">
            {t("overview.concerns.heading")}
          </h2>
          <Table
            caption={t("overview.concerns.caption")}
            captionSize="s"
            columns={[{ header: t("fields.number"), numeric: true }, { header: t("fields.title") }, { header: t("fields.plainTitle") }, { header: hiddenHeader(t("fields.actions")) }]}
            rowKeys={concerns.map((c) => String(c.id))}
            rows={concerns.map((c) => [
              c.number,
              c.title,
              c.plain_title || t("notSet"),
              <ChangeLink key="change" href={`/admin/area/concerns/${c.id}`} hidden={t("overview.concerns.changeHidden", { number: c.number })} />,
            ])}
          />
        </div>
      </div>

      <h2 className="govuk-heading-m govuk-!-margin-top-8" id="actions">
        {t("overview.actions.heading")}
      </h2>
      <p className="govuk-body">{t("overview.actions.intro")}</p>
      {actions.map((action) => {
        const measures = action.success_measures.split("\n").filter(Boolean);
        return (
          <section key={action.id} className="govuk-!-margin-bottom-9" aria-labelledby={`action-${action.id}`}>
            <h3 className="govuk-heading-s" id={`action-${action.id}`}>
              {t("overview.actions.actionHeading", { letter: action.letter, title: action.title })}
            </h3>
            <p className="govuk-body">
              <a className="govuk-link" href={`/admin/area/actions/${action.id}`}>
                {t("overview.actions.change", { letter: action.letter })}
              </a>
            </p>
            <SummaryList
              rows={[
                { key: t("fields.leadRole"), value: action.lead_role || t("notSet") },
                {
                  key: t("fields.workingGroups"),
                  value: action.workingGroups.length ? action.workingGroups.map((g) => g.name).join(", ") : t("none"),
                },
                {
                  key: t("fields.areasOfConcern"),
                  value: action.areasOfConcern.length ? (
                    <ul className="govuk-list">
                      {action.areasOfConcern.map((c) => (
                        <li key={c.id}>
                          {c.number}. {c.plain_title}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    t("none")
                  ),
                },
                {
                  key: t("fields.successMeasures"),
                  value: measures.length ? (
                    <ul className="govuk-list govuk-list--bullet">
                      {measures.map((m, i) => (
                        <li key={i}>{m}</li>
                      ))}
                    </ul>
                  ) : (
                    t("none")
                  ),
                },
              ]}
            />
            {action.tasks.length ? (
              <Table
                caption={t("overview.actions.tasksCaption", { letter: action.letter })}
                captionSize="s"
                firstCellIsHeader
                columns={[
                  { header: t("fields.code") },
                  { header: t("fields.description") },
                  { header: t("fields.due") },
                  { header: t("fields.rag") },
                  { header: hiddenHeader(t("fields.actions")) },
                ]}
                rowKeys={action.tasks.map((task) => String(task.id))}
                rows={action.tasks.map((task) => [
                  task.code,
                  task.description,
                  <>
                    {task.due_text || (task.due_date ? null : t("notSet"))}
                    {task.due_date ? (
                      <span className="govuk-!-display-block govuk-body-s govuk-!-margin-bottom-0">
                        <time dateTime={task.due_date}>{formatDate(task.due_date, i18n.language)}</time>
                      </span>
                    ) : null}
                  </>,
                  <RagTag key="rag" status={task.rag} />,
                  <ChangeLink key="change" href={`/admin/area/tasks/${task.id}`} hidden={t("overview.actions.changeTaskHidden", { code: task.code })} />,
                ])}
              />
            ) : (
              <p className="govuk-body">{t("overview.actions.noTasks", { letter: action.letter })}</p>
            )}
            <p className="govuk-body">
              <a className="govuk-link" href={`/admin/area/actions/${action.id}/tasks/new`}>
                {t("overview.actions.addTask", { letter: action.letter })}
              </a>
            </p>
          </section>
        );
      })}
    </>
  );
}
