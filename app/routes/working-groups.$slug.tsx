import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { formatDate } from "~/utils/dates";
import { httpError } from "~/utils/http.server";
import { Day, ProgressTag, RagKey, RagSummary } from "~/working-groups/components";
import { ragCounts } from "~/working-groups/progress";
import { getWorkingGroupProgress } from "~/working-groups/working-groups.server";

/**
 * One working group's part of the improvement plan, read by families with no
 * sign-in: each action, its tasks with their RAG, due date and outcome, and every
 * update the group recorded, newest first, like the written statement of action's
 * delivery update. Nothing here says who recorded an update.
 */
export const handle = { i18n: ["common", "working-groups"] };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const group = await getWorkingGroupProgress(context.db, params.slug ?? "");
  if (!group) throw await httpError(request, 404, "not-found");
  const rag = ragCounts(group.actions.flatMap((a) => a.tasks.map((task) => task.rag)));
  return json({ pageTitle: group.name, group, rag });
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;
type Task = Loaded["group"]["actions"][number]["tasks"][number];

function TaskSection({ task }: { task: Task }) {
  const { t } = useTranslation("working-groups");
  const headingId = `task-${task.code}`;
  return (
    <section aria-labelledby={headingId} className="govuk-!-margin-bottom-7">
      <h3 className="govuk-heading-s govuk-!-margin-bottom-2" id={headingId}>
        {t("public.group.task", { code: task.code })}
      </h3>
      <p className="govuk-body">{task.description}</p>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("public.group.status")}</dt>
          <dd className="govuk-summary-list__value">
            <ProgressTag rag={task.rag} />
          </dd>
        </div>
        {task.lead_role ? (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("public.group.taskLead")}</dt>
            <dd className="govuk-summary-list__value">{task.lead_role}</dd>
          </div>
        ) : null}
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("public.group.due")}</dt>
          <dd className="govuk-summary-list__value">{task.due_text || (task.due_date ? <Day date={task.due_date} /> : t("public.group.dueNotSet"))}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("public.group.outcome")}</dt>
          <dd className="govuk-summary-list__value">{task.outcome ? <Paragraphs text={task.outcome} /> : t("public.group.noOutcome")}</dd>
        </div>
      </dl>
      <h4 className="govuk-heading-s">{t("public.group.updatesHeading", { code: task.code })}</h4>
      {task.updates.length === 0 ? (
        <p className="govuk-body">{t("public.group.noUpdates")}</p>
      ) : (
        <>
          <p className="govuk-body govuk-visually-hidden">{t("public.group.updatesIntro")}</p>
          <ol className="govuk-list">
            {task.updates.map((update) => (
              <li key={update.id} className="govuk-inset-text govuk-!-margin-top-2">
                <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
                  <UpdateDate date={update.at} />
                </p>
                <p className="govuk-body govuk-!-margin-bottom-1">
                  <ProgressTag rag={update.rag} />
                </p>
                <Paragraphs text={update.outcome} />
                {update.evidence_url ? (
                  <p className="govuk-body govuk-!-margin-bottom-0">
                    <EvidenceLink href={update.evidence_url} code={task.code} date={update.at} />
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/** Text as the group wrote it, a paragraph for each line. */
function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n+/)
        .filter((line) => line.trim())
        .map((line, index) => (
          <p className="govuk-body" key={index}>
            {line}
          </p>
        ))}
    </>
  );
}

function UpdateDate({ date }: { date: string }) {
  const { t } = useTranslation("working-groups");
  const [before, after] = t("public.group.updateOn", { date: "\u0000" }).split("\u0000");
  return (
    <>
      {before}
      <Day date={date} />
      {after}
    </>
  );
}

function EvidenceLink({ href, code, date }: { href: string; code: string; date: string }) {
  const { t, i18n } = useTranslation("working-groups");
  // Only http(s) addresses are stored (progress.ts, and a check constraint); rel keeps our address from the other site.
  return (
    <a className="govuk-link" href={href} rel="noreferrer noopener">
      {t("public.group.evidence")}
      <span className="govuk-visually-hidden">
        {" "}
        {t("public.group.evidenceFor", { code, date: formatDate(`${date}T12:00:00Z`, i18n.language) })}
      </span>
    </a>
  );
}

export default function WorkingGroup() {
  const { t } = useTranslation("working-groups");
  const { group, rag } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs items={[{ text: t("public.index.title"), href: "/working-groups" }, { text: group.name }]} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">{t("public.group.caption", { number: group.number })}</span>
          <h1 className="govuk-heading-xl">{group.name}</h1>
          <p className="govuk-body-l">{group.purpose}</p>
          {group.lead_role ? <p className="govuk-body">{t("public.group.lead", { role: group.lead_role })}</p> : null}
          <p className="govuk-body">{t("public.group.intro")}</p>

          <h2 className="govuk-heading-m">{t("public.group.summary")}</h2>
          <RagSummary counts={rag} />

          {group.actions.length > 0 ? (
            <nav aria-labelledby="actions-contents">
              <h2 className="govuk-heading-s" id="actions-contents">
                {t("public.group.contents")}
              </h2>
              <ul className="govuk-list">
                {group.actions.map((action) => (
                  <li key={action.id}>
                    <a className="govuk-link" href={`#action-${action.letter}`}>
                      {t("public.group.action", { letter: action.letter, title: action.title })}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : (
            <p className="govuk-body">{t("public.group.noActions")}</p>
          )}

          {group.actions.map((action) => (
            <section key={action.id} aria-labelledby={`action-${action.letter}`} className="govuk-!-margin-top-8">
              <h2 className="govuk-heading-l" id={`action-${action.letter}`}>
                {t("public.group.action", { letter: action.letter, title: action.title })}
              </h2>
              {action.lead_role ? <p className="govuk-body">{t("public.group.actionLead", { role: action.lead_role })}</p> : null}
              {action.tasks.length === 0 ? <p className="govuk-body">{t("public.group.noTasks")}</p> : null}
              {action.tasks.map((task) => (
                <TaskSection key={task.id} task={task} />
              ))}
            </section>
          ))}

          <h2 className="govuk-heading-m govuk-!-margin-top-8">{t("public.index.keyHeading")}</h2>
          <RagKey />
          <p className="govuk-body">
            <a className="govuk-link" href="/working-groups">
              {t("public.group.back")}
            </a>
          </p>
        </div>
      </div>
    </>
  );
}
