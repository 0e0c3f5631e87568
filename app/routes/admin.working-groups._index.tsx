import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readFlash } from "~/auth/flash.server";
import { requireUser } from "~/auth/session.server";
import { NotificationBanner } from "~/components/notification-banner";
import { Table } from "~/components/table";
import i18next from "~/i18n/i18next.server";
import { Day, ProgressTag } from "~/working-groups/components";
import { isRag } from "~/working-groups/progress";
import { listWorkingGroupsFor } from "~/working-groups/working-groups.server";

/**
 * Where working groups record progress: admins and officers see all five groups,
 * a group member only their own (listWorkingGroupsFor), each action's tasks with
 * their RAG, last update and a link to record a new one.
 */
export const handle = { i18n: ["common", "working-groups"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, "working-groups.progress");
  const t = await i18next.getFixedT(request, "working-groups");
  const groups = await listWorkingGroupsFor(context.db, user);
  const flash = await readFlash(request, context);
  const value = flash.value;
  const done =
    value?.progressCode && value.progressGroup
      ? { code: value.progressCode, group: value.progressGroup, rag: isRag(value.progressRag) ? value.progressRag : null, current: value.progressCurrent === "yes" }
      : null;
  return json(
    {
      pageTitle: t("staff.title"),
      member: user.role === "group_member",
      done,
      groups: groups.map((group) => ({
        id: group.id,
        slug: group.slug,
        name: group.name,
        actions: group.actions.map((action) => ({
          id: action.id,
          letter: action.letter,
          title: action.title,
          tasks: action.tasks.map((task) => ({ id: task.id, code: task.code, description: task.description, rag: task.rag, lastUpdate: task.updates[0]?.at ?? null })),
        })),
      })),
    },
    done ? { headers: { "Set-Cookie": flash.clear } } : undefined,
  );
}

export default function StaffWorkingGroups() {
  const { t } = useTranslation("working-groups");
  const { member, done, groups } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        {done ? (
          <NotificationBanner type="success" heading={t("staff.done.heading", { code: done.code })}>
            <p className="govuk-body">{done.current && done.rag ? t("staff.done.current", { rag: t(`rag.${done.rag}`) }) : t("staff.done.earlier")}</p>
            <p className="govuk-body">
              <a className="govuk-notification-banner__link" href={`/working-groups/${done.group}#task-${done.code}`}>
                {t("staff.done.see")}
              </a>
            </p>
          </NotificationBanner>
        ) : null}
        <h1 className="govuk-heading-l">{t("staff.title")}</h1>
        <p className="govuk-body">{t("staff.intro")}</p>
        {member ? <p className="govuk-body">{groups.length ? t("staff.introMember") : t("staff.noGroups")}</p> : null}

        {groups.map((group) => (
          <section key={group.id} aria-labelledby={`group-${group.slug}`} className="govuk-!-margin-top-8">
            <h2 className="govuk-heading-m" id={`group-${group.slug}`}>
              {group.name}
            </h2>
            <p className="govuk-body">
              <a className="govuk-link" href={`/working-groups/${group.slug}`}>
                {t("staff.publicLink", { name: group.name })}
              </a>
            </p>
            {group.actions.map((action) => (
              <Table
                key={action.id}
                caption={t("staff.actionCaption", { letter: action.letter, title: action.title })}
                captionSize="s"
                firstCellIsHeader
                columns={[{ header: t("staff.columns.task") }, { header: t("staff.columns.status") }, { header: t("staff.columns.lastUpdate") }, { header: t("staff.columns.record") }]}
                rowKeys={action.tasks.map((task) => String(task.id))}
                rows={action.tasks.map((task) => [
                  <>
                    <span className="govuk-!-display-block">{task.code}</span>
                    <span className="govuk-body-s">{task.description}</span>
                  </>,
                  <ProgressTag key="rag" rag={task.rag} />,
                  task.lastUpdate ? <Day key="day" date={task.lastUpdate} /> : t("staff.never"),
                  <a key="record" className="govuk-link" href={`/admin/working-groups/${group.slug}/tasks/${task.code}/update`}>
                    {t("staff.record")}
                    <span className="govuk-visually-hidden"> {t("staff.recordFor", { code: task.code })}</span>
                  </a>,
                ])}
              />
            ))}
          </section>
        ))}
      </div>
    </div>
  );
}
