import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { dateErrorParts, oneValue } from "~/area/schemas";
import { setFlash } from "~/auth/flash.server";
import { requireUser, type SessionUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { DateInput } from "~/components/forms/date-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Radios } from "~/components/forms/radios";
import { Textarea } from "~/components/forms/textarea";
import { TextInput } from "~/components/forms/text-input";
import { SummaryList } from "~/components/summary-list";
import i18next from "~/i18n/i18next.server";
import { publicOrigin } from "~/revisits/notice.server";
import { readForm } from "~/security/csrf.server";
import { formValues } from "~/utils/form-data";
import { formErrors } from "~/utils/form-response.server";
import { httpError } from "~/utils/http.server";
import { ProgressTag } from "~/working-groups/components";
import { checkUpdate, EVIDENCE_URL_MAX, mayRecordProgress, OUTCOME_MAX, RAG_ORDER } from "~/working-groups/progress";
import { getTaskInGroup, recordTaskUpdate } from "~/working-groups/working-groups.server";

/**
 * A working group records progress on one task: the date, RAG, what has happened
 * and an evidence link. Group members only for their own groups' tasks (403
 * otherwise); the update is public at once (docs/decisions/018-working-groups-progress.md).
 */
export const handle = { i18n: ["common", "working-groups"] };

const ORDER = ["date", "rag", "outcome", "evidenceUrl"];

/** The task, or the 404 page; the 403 page for someone who may not record progress on it. */
async function requireTask(request: Request, user: SessionUser, task: Awaited<ReturnType<typeof getTaskInGroup>>) {
  if (!task) throw await httpError(request, 404, "not-found");
  if (!mayRecordProgress(user, task.groupIds)) throw await httpError(request, 403, "forbidden");
  return task;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, "working-groups.progress");
  const task = await requireTask(request, user, await getTaskInGroup(context.db, { slug: params.slug ?? "", code: params.code ?? "" }));
  const t = await i18next.getFixedT(request, "working-groups");
  return json({
    pageTitle: t("update.title", { code: task.code }),
    task: {
      code: task.code,
      description: task.description,
      due: task.due_text,
      outcome: task.outcome,
      rag: task.rag,
      actionLetter: task.action_letter,
      groupName: task.group_name,
    },
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "working-groups.progress");
  const task = await requireTask(request, user, await getTaskInGroup(context.db, { slug: params.slug ?? "", code: params.code ?? "" }));
  const formData = await readForm(request, context);
  const field = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const checked = checkUpdate(
    { "date-day": field("date-day"), "date-month": field("date-month"), "date-year": field("date-year"), rag: field("rag"), outcome: field("outcome"), evidenceUrl: field("evidenceUrl") },
    context.now(),
  );
  if (!checked.ok) return formErrors(context, checked.errors, formValues(formData));
  const result = await recordTaskUpdate(context.db, {
    taskId: task.id,
    update: checked.update,
    by: { id: user.id, role: user.role, workingGroupIds: user.workingGroupIds, requestId: context.requestId },
    now: context.now(),
    origin: publicOrigin(request),
  });
  if (!result.ok) throw await httpError(request, result.reason === "forbidden" ? 403 : 404, result.reason);
  const flash = await setFlash(context, {
    progressCode: task.code,
    progressGroup: task.group_slug,
    progressRag: result.rag,
    progressCurrent: result.current ? "yes" : "no",
  });
  return redirect(`/admin/working-groups#group-${task.group_slug}`, { headers: { "Set-Cookie": flash } });
}

export default function RecordUpdate() {
  const { t } = useTranslation("working-groups");
  const { task } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const posted = actionData?.values;
  const value = (name: string) => (posted ? (oneValue(posted[name]) ?? "") : undefined);
  const date = { day: value("date-day") ?? "", month: value("date-month") ?? "", year: value("date-year") ?? "" };
  const error = (name: string) => (errors[name] ? t(errors[name]) : undefined);
  const summary = ORDER.filter((name) => errors[name]).map((name) => ({ href: name, text: t(errors[name]!) }));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/admin/working-groups">{t("update.back")}</BackLink>
        <ErrorSummary errors={summary} />
        <span className="govuk-caption-l">{t("update.caption", { letter: task.actionLetter, group: task.groupName })}</span>
        <h1 className="govuk-heading-l">{t("update.heading", { code: task.code })}</h1>
        <SummaryList
          rows={[
            { key: t("update.task"), value: task.description },
            { key: t("update.currentStatus"), value: <ProgressTag rag={task.rag} /> },
            ...(task.due ? [{ key: t("update.due"), value: task.due }] : []),
            ...(task.outcome ? [{ key: t("update.currentOutcome"), value: task.outcome }] : []),
          ]}
        />
        <div className="govuk-inset-text">{t("update.public")}</div>
        <Form method="post" noValidate>
          <CsrfInput />
          <DateInput
            name="date"
            legend={t("update.date")}
            legendSize="s"
            hint={t("update.dateHint")}
            defaultValue={date}
            error={error("date")}
            errorParts={dateErrorParts(errors.date, date)}
          />
          <Radios
            name="rag"
            legend={t("update.ragLegend")}
            legendSize="s"
            error={error("rag")}
            defaultValue={posted ? value("rag") : task.rag}
            choices={RAG_ORDER.map((rag) => ({ value: rag, label: t(`rag.${rag}`), hint: t(`ragMeaning.${rag}`) }))}
          />
          <Textarea name="outcome" label={t("update.outcome")} hint={t("update.outcomeHint")} maxLength={OUTCOME_MAX} rows={6} defaultValue={value("outcome")} error={error("outcome")} />
          <TextInput
            name="evidenceUrl"
            type="url"
            label={t("update.evidenceUrl")}
            hint={t("update.evidenceUrlHint", { max: EVIDENCE_URL_MAX })}
            optional
            autoComplete="off"
            spellCheck={false}
            defaultValue={value("evidenceUrl")}
            error={error("evidenceUrl")}
          />
          <Button>{t("update.submit")}</Button>
        </Form>
      </div>
    </div>
  );
}
