import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { can } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Button } from "~/components/button";
import { Select } from "~/components/forms/select";
import { NotificationBanner } from "~/components/notification-banner";
import { Table } from "~/components/table";
import { getFormOptions, listActivities, listQuarters } from "~/co-production/co-production.server";
import { LevelTag, QuarterName, StatusTag } from "~/co-production/components";
import { readDone } from "~/co-production/routes.server";
import { activityPath, COPRO_ADMIN } from "~/co-production/urls";
import { levels, parseQuarterKey } from "~/co-production/rules";
import i18next from "~/i18n/i18next.server";
import { formatDate } from "~/utils/dates";

export const handle = { i18n: ["common", "co-production"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, "co-production.read");
  const t = await i18next.getFixedT(request, "co-production");
  const url = new URL(request.url);
  const groupParam = url.searchParams.get("group") ?? "";
  const levelParam = url.searchParams.get("level") ?? "";
  const quarter = parseQuarterKey(url.searchParams.get("quarter"));
  const level = (levels as readonly string[]).includes(levelParam) ? (levelParam as (typeof levels)[number]) : null;
  const workingGroupId = /^\d{1,9}$/.test(groupParam) ? Number(groupParam) : null;
  const [rows, options, quarters] = await Promise.all([listActivities(context.db, { workingGroupId, level, quarter }), getFormOptions(context.db), listQuarters(context.db)]);
  const { done, headers } = await readDone(request, context);
  return json(
    {
      pageTitle: t("admin.list.title"),
      done,
      canEdit: can(user.role, "co-production.edit"),
      canConfirm: can(user.role, "co-production.confirm"),
      filters: { group: workingGroupId ? String(workingGroupId) : "", level: level ?? "", quarter: quarter?.key ?? "" },
      groups: options.groups,
      quarters,
      activities: rows.map((r) => ({ id: r.id, title: r.title, heldOn: r.held_on, group: r.group_name, level: r.level, confirmed: r.level_confirmed_at !== null, status: r.status })),
    },
    { headers },
  );
}

export default function CoProductionList() {
  const { t, i18n } = useTranslation("co-production");
  const { done, canEdit, canConfirm, filters, groups, quarters, activities } = useLoaderData<typeof loader>();
  const filtered = Boolean(filters.group || filters.level || filters.quarter);
  return (
    <>
      <Breadcrumbs items={[{ text: t("admin.staffArea"), href: "/admin" }, { text: t("admin.list.title") }]} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {done ? <NotificationBanner type="success" heading={t(`admin.done.${done}`)} /> : null}
          <h1 className="govuk-heading-l">{t("admin.list.title")}</h1>
          <p className="govuk-body">{t("admin.list.intro")}</p>
          {canConfirm ? <p className="govuk-body">{t("admin.list.confirmIntro")}</p> : null}
          {canEdit ? (
            <p className="govuk-body">
              <Link className="govuk-button" to={`${COPRO_ADMIN}/new`}>
                {t("admin.list.new")}
              </Link>
            </p>
          ) : null}
          <p className="govuk-body">
            <a className="govuk-link" href="/co-production">
              {t("admin.list.publicPage")}
            </a>
          </p>
        </div>
      </div>
      <Form method="get" className="govuk-!-margin-bottom-6">
        <h2 className="govuk-heading-m">{t("admin.list.filterHeading")}</h2>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select name="group" label={t("admin.list.group")} defaultValue={filters.group} options={[{ value: "", label: t("admin.list.any") }, ...groups.map((g) => ({ value: String(g.id), label: g.name }))]} />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select name="level" label={t("admin.list.level")} defaultValue={filters.level} options={[{ value: "", label: t("admin.list.any") }, ...levels.map((l) => ({ value: l, label: t(`levels.${l}`) }))]} />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select
              name="quarter"
              label={t("admin.list.quarter")}
              defaultValue={filters.quarter}
              options={[{ value: "", label: t("admin.list.any") }, ...quarters.map((q) => ({ value: q, label: QuarterName.text(q, t) }))]}
            />
          </div>
        </div>
        <div className="govuk-button-group">
          <Button variant="secondary">{t("admin.list.apply")}</Button>
          {filtered ? (
            <Link className="govuk-link" to={COPRO_ADMIN}>
              {t("admin.list.clear")}
            </Link>
          ) : null}
        </div>
      </Form>
      {activities.length ? (
        <Table
          caption={t(filtered ? "admin.list.captionFiltered" : "admin.list.caption", { count: activities.length })}
          captionSize="m"
          columns={[{ header: t("admin.list.activity") }, { header: t("admin.list.date") }, { header: t("admin.list.group") }, { header: t("admin.list.level") }, { header: t("admin.list.status") }]}
          rowKeys={activities.map((a) => a.id)}
          rows={activities.map((a) => [
            <Link className="govuk-link" to={activityPath(a.id)} key="title">
              {a.title}
            </Link>,
            formatDate(a.heldOn, i18n.language),
            a.group ?? t("admin.noGroup"),
            <LevelTag level={a.level} confirmed={a.confirmed} key="level" />,
            <StatusTag status={a.status} key="status" />,
          ])}
        />
      ) : (
        <p className="govuk-body">{t(filtered ? "admin.list.noneFiltered" : "admin.list.none")}</p>
      )}
    </>
  );
}
