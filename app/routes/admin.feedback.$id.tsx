import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readFlash, setFlash } from "~/auth/flash.server";
import { can } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import { FeedbackActivities } from "~/co-production/feedback-links";
import { activitiesForFeedback } from "~/co-production/feedback-links.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Button } from "~/components/button";
import { Checkboxes } from "~/components/forms/checkboxes";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Radios } from "~/components/forms/radios";
import { Select } from "~/components/forms/select";
import { TextInput } from "~/components/forms/text-input";
import { Textarea } from "~/components/forms/textarea";
import { NotificationBanner } from "~/components/notification-banner";
import { SummaryList } from "~/components/summary-list";
import { formatSize } from "~/feedback/attachments";
import { recordFileChecked } from "~/feedback/attachments.server";
import { ActionChoices, LinkedInHistory } from "~/feedback/links";
import { StatusTag, useFaceWords } from "~/feedback/triage-components";
import { ResponseSection } from "~/feedback/response-section";
import { approveResponse, getResponse, isGroupLead, writeResponse } from "~/feedback/response.server";
import { markFeedbackSeen } from "~/feedback/news.server";
import { addNote, assignGroup, changeStatus, getTriageItem, setLinks } from "~/feedback/triage.server";
import { INBOX_PATH, NOTE_MAX, triageStatuses } from "~/feedback/triage";
import { Verbatim } from "~/feedback/verbatim";
import i18next from "~/i18n/i18next.server";
import { publicOrigin } from "~/revisits/notice.server";
import { ukToday } from "~/surveys/uk-time";
import { FlagByHand } from "~/safeguarding/flag-form";
import { FLAGGED_FLASH, flagFromForm } from "~/safeguarding/flag-route.server";
import { readForm } from "~/security/csrf.server";
import { formatDate, formatDateTime, formatDayInWords } from "~/utils/dates";
import { formValues, type FieldErrors, type FormValues } from "~/utils/form-data";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "admin", "feedback", "feedback-loop", "safeguarding", "co-production"] };

const DONE_FLASH = "feedbackTriageDone";
const intents = ["assign", "status", "links", "respond", "approve", "note"] as const;
/** Where each form's errors are listed, in page order. */
const FIELD_ORDER = [
  "group",
  "status",
  "statusNote",
  "concerns",
  "actions",
  "tasks",
  "themes",
  "form",
  "outcome",
  "whyNot",
  "plain",
  "easyRead",
  "note",
  "reason",
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, "feedback.triage");
  const view = await getTriageItem(context.db, params.id ?? "", user);
  // Unknown, flagged for safeguarding, or another group's: the same answer for each.
  if (!view) throw await httpError(request, 404, "not-found");
  // Opened: no longer new to this person (docs/decisions/034).
  await markFeedbackSeen(context.db, { userId: user.id, itemId: view.item.id, now: context.now() });
  const t = await i18next.getFixedT(request, "feedback");
  const flash = await readFlash(request, context);
  const done = flash.value?.[DONE_FLASH] ?? (flash.value?.[FLAGGED_FLASH] === "1" ? "flagged" : null);
  return json(
    {
      pageTitle: t("triage.title", { reference: view.item.reference }),
      ...view,
      today: ukToday(context.now()),
      done,
      canFlag: can(user.role, "safeguarding.flag"),
      response: (await getResponse(context.db, view.item.id)) ?? null,
      isLead: await isGroupLead(context.db, { userId: user.id, groupId: view.item.workingGroupId }),
      canWriteYswd: can(user.role, "you-said-we-did.edit"),
      coproduction: await activitiesForFeedback(context.db, view.item.id),
    },
    { headers: done ? { "Set-Cookie": flash.clear } : {} },
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "feedback.triage");
  const id = params.id ?? "";
  // A group member acts only on their groups' items; the loader's check answers for both.
  if (!(await getTriageItem(context.db, id, user))) throw await httpError(request, 404, "not-found");
  const formData = await readForm(request, context);
  const intent = formData.get("intent");
  const back = `${INBOX_PATH}/${id}`;
  if (intent === "flag") return flagFromForm(request, context, { user, feedbackItemId: id, formData, backTo: INBOX_PATH });
  if (intent === "file-checked") {
    // Already recorded (a second click, or someone else first): the page says so; nothing changes.
    await recordFileChecked(context.db, { id, by: { userId: user.id, requestId: context.requestId }, now: context.now() });
    return redirect(back, { headers: { "Set-Cookie": await setFlash(context, { [DONE_FLASH]: "fileChecked" }) } });
  }
  if (!intents.includes(intent as (typeof intents)[number])) throw await httpError(request, 400, "bad-request");
  const by = { userId: user.id, requestId: context.requestId };
  const now = context.now();
  const text = (name: string) => String(formData.get(name) ?? "");
  const result = await (() => {
    switch (intent as (typeof intents)[number]) {
      case "assign": {
        const groupId = Number(text("group"));
        if (!Number.isInteger(groupId) || groupId <= 0)
          return { ok: false, reason: "invalid", errors: { group: "triage.errors.groupMissing" } } as const;
        return assignGroup(context.db, { id, groupId, by, now, origin: publicOrigin(request) });
      }
      case "status":
        return changeStatus(context.db, { id, to: text("status"), note: text("statusNote"), by, now });
      case "links": {
        const concernIds = formData.getAll("concerns").map((v) => Number(v));
        const actionIds = formData.getAll("actions").map((v) => Number(v));
        const taskIds = formData.getAll("tasks").map((v) => Number(v));
        if (concernIds.some((n) => !Number.isInteger(n)))
          return { ok: false, reason: "invalid", errors: { concerns: "triage.errors.concernUnknown" } } as const;
        if (actionIds.some((n) => !Number.isInteger(n)))
          return { ok: false, reason: "invalid", errors: { actions: "feedback-loop:links.errors.actionUnknown" } } as const;
        if (taskIds.some((n) => !Number.isInteger(n)))
          return { ok: false, reason: "invalid", errors: { tasks: "triage.errors.taskUnknown" } } as const;
        return setLinks(context.db, { id, concernIds, actionIds, taskIds, themes: text("themes"), by, now });
      }
      case "respond":
        return writeResponse(context.db, {
          id,
          input: { outcome: text("outcome"), plain: text("plain"), easyRead: text("easyRead"), reason: text("whyNot") },
          by,
          now,
          origin: publicOrigin(request),
        });
      case "approve":
        return approveResponse(context.db, { id, by, now, origin: publicOrigin(request) });
      case "note":
        return addNote(context.db, { id, note: text("note"), by, now });
    }
  })();
  if (!result.ok && result.reason === "not-found") throw await httpError(request, 404, "not-found");
  // Approving is for a lead of the item's group alone.
  if (!result.ok && result.reason === "forbidden") throw await httpError(request, 403, "forbidden");
  if (!result.ok)
    return json(
      {
        errors: result.errors as FieldErrors,
        values: {
          ...formValues(formData),
          concerns: formData.getAll("concerns").map(String),
          actions: formData.getAll("actions").map(String),
          tasks: formData.getAll("tasks").map(String),
        } as FormValues,
      },
      { status: 400 },
    );
  return redirect(back, { headers: { "Set-Cookie": await setFlash(context, { [DONE_FLASH]: String(intent) }) } });
}

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default function TriageItem() {
  const { t, i18n } = useTranslation("feedback");
  const faceWords = useFaceWords();
  const { t: sg } = useTranslation("safeguarding");
  const {
    item,
    attachments,
    suggestion,
    concernIds,
    taskIds,
    tasks,
    actionIds,
    actionGroups,
    concerns,
    groups,
    history,
    today,
    done,
    canFlag,
    response,
    isLead,
    canWriteYswd,
    coproduction,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as { errors?: FieldErrors; values?: FormValues } | undefined;
  const errors = actionData?.errors ?? {};
  const values = actionData?.values;
  const error = (field: string) => (errors[field] ? (field === "reason" ? sg(errors[field]) : t(errors[field])) : undefined);
  const suggested = groups.find((g) => g.id === suggestion.groupId);
  const concernName = (id: number) => {
    const c = concerns.find((x) => x.id === id);
    return c ? `${c.number}. ${c.plain_title || c.title}` : "";
  };
  const overdue = item.targetDate !== null && item.targetDate < today && (item.step === "received" || item.step === "with_group");
  const postedConcerns = values?.concerns;
  const postedTasks = values?.tasks;
  const postedActions = values?.actions;
  const tickedActions = Array.isArray(postedActions) ? postedActions : postedActions ? [postedActions] : actionIds.map(String);
  // Each step adds to the history: a new key starts the forms afresh from what was saved
  // (with JavaScript, a redirect to the same page would otherwise keep what was typed).
  const formKey = history[0]?.id ?? "new";
  return (
    <>
      <Breadcrumbs
        items={[{ text: t("inbox.staffArea"), href: "/admin" }, { text: t("inbox.title"), href: INBOX_PATH }, { text: item.reference }]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {/* After a later mistake, the earlier success is old news: only the errors are shown. */}
          {done && !actionData ? (
            <NotificationBanner type="success" heading={done === "flagged" ? sg("flag.done") : t(`triage.done.${done}`)} />
          ) : null}
          <ErrorSummary
            errors={FIELD_ORDER.filter((f) => errors[f]).map((f) => ({ href: f === "form" ? "response" : f, text: error(f)! }))}
          />
          <span className="govuk-caption-l">{t("triage.caption")}</span>
          <h1 className="govuk-heading-l">{item.reference}</h1>
          <SummaryList
            rows={[
              { key: t("inbox.received"), value: formatDateTime(item.created_at, i18n.language) },
              { key: t("inbox.from"), value: item.respondent ? t(`respondents.${item.respondent}`) : "" },
              { key: t("triage.district"), value: item.district_name ?? t("triage.notGiven") },
              { key: t("triage.topic"), value: item.topic ? t(`topics.${item.topic}`) : t("triage.notGiven") },
              { key: t("triage.format"), value: t(`triage.formats.${item.format}`) },
              ...(item.face ? [{ key: t("triage.face"), value: faceWords(item.face) }] : []),
              { key: t("inbox.status"), value: <StatusTag step={item.step} /> },
              { key: t("inbox.group"), value: item.group_name ?? t("inbox.noGroup") },
              {
                key: t("inbox.due"),
                value: item.targetDate ? (
                  <>
                    {formatDayInWords(item.targetDate, i18n.language)}
                    {overdue ? (
                      <>
                        {" "}
                        <strong className="govuk-tag govuk-tag--red">{t("inbox.overdue")}</strong>
                      </>
                    ) : null}
                  </>
                ) : (
                  ""
                ),
              },
              {
                key: t("triage.contact"),
                value: item.contact_email ? t("triage.contactYes", { email: item.contact_email }) : t("triage.contactNo"),
              },
            ]}
          />
          <h2 className="govuk-heading-m">{t("triage.wrote")}</h2>
          {item.anonymised_at ? (
            <p className="govuk-body govuk-hint">{t("triage.anonymised", { date: formatDate(item.anonymised_at, i18n.language) })}</p>
          ) : item.body ? (
            <Verbatim text={item.body} />
          ) : (
            <p className="govuk-body govuk-hint">{t(attachments.length ? "triage.noWordsFile" : "triage.noWords")}</p>
          )}
          {attachments.length ? (
            <>
              <h2 className="govuk-heading-m">{t("triage.filesHeading")}</h2>
              <ul className="govuk-list">
                {attachments.map((file) => {
                  const href = `${INBOX_PATH}/${item.id}/attachments/${file.id}`;
                  return (
                    <li key={file.id} className="govuk-!-margin-bottom-4">
                      {file.showInline ? (
                        <img
                          className="portal-feedback-attachment govuk-!-margin-bottom-2"
                          src={`${href}?inline=1`}
                          alt={t(`triage.fileAlt.${file.kind}`)}
                        />
                      ) : null}
                      {/* A plain link: the file is a download, not a page of the app. */}
                      <a className="govuk-link" href={href} download>
                        {t("triage.download", {
                          thing: t(`triage.fileKinds.${file.kind}`),
                          size: formatSize(file.byteSize, i18n.language),
                        })}
                      </a>
                    </li>
                  );
                })}
              </ul>
              {item.needs_look ? (
                <div className="govuk-warning-text">
                  <span className="govuk-warning-text__icon" aria-hidden="true">
                    !
                  </span>
                  <div className="govuk-warning-text__text">
                    <span className="govuk-visually-hidden">{t("triage.fileCheck.warning")}</span>
                    <strong className="govuk-tag govuk-tag--yellow">{t("inbox.needsLook")}</strong> {t("triage.fileCheck.why")}
                  </div>
                </div>
              ) : null}
              {item.needs_look ? (
                <Form method="post" noValidate>
                  <CsrfInput />
                  <p className="govuk-body">{t("triage.fileCheck.how")}</p>
                  <Button variant="secondary" name="intent" value="file-checked">
                    {t("triage.fileCheck.button")}
                  </Button>
                </Form>
              ) : item.file_checked_at ? (
                <p className="govuk-body">{t("triage.fileCheck.done", { date: formatDateTime(item.file_checked_at, i18n.language) })}</p>
              ) : null}
            </>
          ) : null}

          <h2 className="govuk-heading-m">{t("triage.groupHeading")}</h2>
          <p className="govuk-body">
            {suggested
              ? t("triage.suggested", { group: suggested.name, words: suggestion.matched.join(", ") || t("triage.fromTopic") })
              : t("triage.noSuggestion")}
          </p>
          <Form method="post" noValidate key={`assign-${formKey}`}>
            <CsrfInput />
            <Select
              name="group"
              label={t("triage.groupLabel")}
              error={error("group")}
              defaultValue={one(values?.group) ?? String(item.workingGroupId ?? suggestion.groupId ?? "")}
              options={[{ value: "", label: t("triage.chooseGroup") }, ...groups.map((g) => ({ value: String(g.id), label: g.name }))]}
            />
            <Button variant="secondary" name="intent" value="assign">
              {t("triage.assign")}
            </Button>
          </Form>

          <h2 className="govuk-heading-m">{t("triage.statusHeading")}</h2>
          <Form method="post" noValidate key={`status-${formKey}`}>
            <CsrfInput />
            <Radios
              name="status"
              legend={t("triage.statusLegend")}
              legendSize="s"
              error={error("status")}
              defaultValue={one(values?.status) ?? item.step}
              choices={triageStatuses.map((s) => ({ value: s, label: t(`steps.${s}`) }))}
            />
            <Textarea
              name="statusNote"
              label={t("triage.statusNote")}
              hint={t("triage.statusNoteHint")}
              optional
              rows={3}
              maxLength={NOTE_MAX}
              error={error("statusNote")}
              defaultValue={one(values?.statusNote) ?? ""}
            />
            <Button variant="secondary" name="intent" value="status">
              {t("triage.changeStatus")}
            </Button>
          </Form>

          <h2 className="govuk-heading-m">{t("triage.linksHeading")}</h2>
          {suggestion.concernIds.length ? (
            <p className="govuk-body">{t("triage.suggestedConcerns", { concerns: suggestion.concernIds.map(concernName).join("; ") })}</p>
          ) : null}
          <Form method="post" noValidate key={`links-${formKey}`}>
            <CsrfInput />
            <Checkboxes
              name="concerns"
              legend={t("triage.concernsLegend")}
              legendSize="s"
              small
              error={error("concerns")}
              defaultValues={Array.isArray(postedConcerns) ? postedConcerns : postedConcerns ? [postedConcerns] : concernIds.map(String)}
              choices={concerns.map((c) => ({ value: String(c.id), label: concernName(c.id) }))}
            />
            <ActionChoices groups={actionGroups} ticked={tickedActions} error={error("actions")} />
            {tasks.length ? (
              <Checkboxes
                name="tasks"
                legend={t("triage.tasksLegend")}
                legendSize="s"
                hint={t("triage.tasksHint")}
                small
                error={error("tasks")}
                defaultValues={Array.isArray(postedTasks) ? postedTasks : postedTasks ? [postedTasks] : taskIds.map(String)}
                choices={tasks.map((task) => ({ value: String(task.id), label: `${task.code}: ${task.description}` }))}
              />
            ) : (
              <p className="govuk-body">{t("triage.tasksNeedGroup")}</p>
            )}
            <TextInput
              name="themes"
              label={t("triage.themes")}
              hint={t("triage.themesHint")}
              optional
              error={error("themes")}
              defaultValue={one(values?.themes) ?? item.themes.join(", ")}
            />
            <Button variant="secondary" name="intent" value="links">
              {t("triage.saveLinks")}
            </Button>
          </Form>

          <ResponseSection
            response={response}
            hasGroup={item.workingGroupId !== null}
            needsEasyRead={item.format === "easy_read"}
            isLead={isLead}
            errors={errors}
            values={values}
            error={error}
            formKey={formKey}
          />
          {canWriteYswd && response?.approved_at ? (
            <p className="govuk-body">
              <a className="govuk-link" href={`/admin/you-said-we-did/new?from=${item.id}`}>
                {t("response.toYswd")}
              </a>
            </p>
          ) : null}

          <FeedbackActivities activities={coproduction} />

          <h2 className="govuk-heading-m">{t("triage.noteHeading")}</h2>
          <Form method="post" noValidate key={`note-${formKey}`}>
            <CsrfInput />
            <Textarea
              name="note"
              label={t("triage.noteLabel")}
              hint={t("triage.noteHint")}
              rows={3}
              maxLength={NOTE_MAX}
              error={error("note")}
              defaultValue={one(values?.note) ?? ""}
            />
            <Button variant="secondary" name="intent" value="note">
              {t("triage.addNote")}
            </Button>
          </Form>

          {canFlag ? <FlagByHand isFlagged={false} error={errors.reason} reason={one(values?.reason)} /> : null}

          <h2 className="govuk-heading-m">{t("triage.historyHeading")}</h2>
          {history.length ? (
            <ol className="govuk-list app-history" reversed>
              {history.map((event) => (
                <li key={event.id} className="govuk-!-margin-bottom-4">
                  <p className="govuk-body govuk-!-margin-bottom-1">
                    <strong>
                      {t(`triage.events.${event.kind === "assigned" && event.to_status ? "assignedMoved" : event.kind}`, {
                        group: event.group_name ?? "",
                        from: event.from_status ? t(`steps.${event.from_status}`) : "",
                        to: event.to_status ? t(`steps.${event.to_status}`) : "",
                        task: String((event.details as Record<string, unknown> | null)?.task ?? ""),
                      })}
                    </strong>
                  </p>
                  {event.links ? <LinkedInHistory links={event.links} /> : null}
                  <p className="govuk-hint govuk-!-margin-bottom-1">
                    {t("triage.by", { name: event.by_name ?? t("triage.someone"), when: formatDateTime(event.created_at, i18n.language) })}
                  </p>
                  {event.note ? <Verbatim text={event.note} /> : null}
                </li>
              ))}
            </ol>
          ) : (
            <p className="govuk-body">{t("triage.noHistory")}</p>
          )}
        </div>
      </div>
    </>
  );
}
