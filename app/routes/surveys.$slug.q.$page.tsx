import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { ReadAloud } from "~/components/read-aloud";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { answersFor, checkPage, visiblePages, visibleQuestions, type Answers } from "~/surveys/answers";
import { ConnectionGuard } from "~/surveys/connection-guard";
import {
  checkUrl,
  districtChoices,
  IDLE_MINUTES,
  loadJourney,
  nextUrl,
  pageErrorResponse,
  pageUrl,
  previousPageKey,
  rememberDraft,
  requireDraft,
  saveRefusal,
  setSaveFlash,
  startUrl,
  WARN_MINUTES,
} from "~/surveys/journey.server";
import { FormatSwitch, SurveyCaption } from "~/surveys/journey-parts";
import { QuestionField, showText } from "~/surveys/question-field";
import { answerContext, issueResumeCode, saveAnswers, setDraftFormat } from "~/surveys/responses.server";
import { TimeoutWarning } from "~/surveys/timeout-warning";
import { httpError } from "~/utils/http.server";

/** One page of a survey: one question (or a small group), saved to the draft on the server when sent. */
export const handle = { i18n: ["common", "surveys", "easy-read"] };

async function loadPage(request: Request, context: LoaderFunctionArgs["context"], params: LoaderFunctionArgs["params"]) {
  const journey = await loadJourney(request, context, params.slug);
  if (journey.state !== "open") throw redirect(startUrl(journey.survey.slug));
  const draft = await requireDraft(request, context, journey);
  const page = draft.definition.pages.find((p) => p.key === params.page);
  if (!page) throw await httpError(request, 404, "not-found");
  return { journey, draft, page };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { journey, draft, page } = await loadPage(request, context, params);
  const slug = journey.survey.slug;
  const returnToCheck = new URL(request.url).searchParams.get("return") === "check";
  // A page that no longer applies (an earlier answer changed): on to the next one that does.
  if (!visiblePages(draft.definition, draft.answers).some((p) => p.key === page.key)) {
    throw redirect(nextUrl(draft.definition, slug, draft.answers, page.key, returnToCheck));
  }
  const reader = { language: journey.language, format: draft.format };
  const pages = visiblePages(draft.definition, draft.answers);
  const previous = previousPageKey(draft.definition, draft.answers, page.key);
  const t = await i18next.getFixedT(request, "surveys");
  const questions = visibleQuestions(page, draft.answers);
  const heading = showText(page.title, reader) ?? (questions.length === 1 ? undefined : showText(draft.definition.title, reader));
  const surveyTitle = showText(draft.definition.title, reader)!;
  const cookie = await rememberDraft(request, context, journey.survey.id, draft.id, journey.now);
  return json(
    {
      pageTitle: heading?.text ?? showText(questions[0]!.text, reader)?.text ?? surveyTitle.text,
      slug,
      surveyTitle,
      pageKey: page.key,
      draftId: draft.id,
      pageHeading: heading ?? null,
      questions,
      answers: answersFor(questions, draft.answers),
      reader,
      districts: await districtChoices(context.db),
      position: { index: pages.findIndex((p) => p.key === page.key) + 1, total: pages.length },
      backHref: returnToCheck ? checkUrl(slug) : previous ? pageUrl(slug, previous) : startUrl(slug),
      returnToCheck,
      idle: { minutes: IDLE_MINUTES, warn: WARN_MINUTES },
      progressText: t("page.progress", { index: pages.findIndex((p) => p.key === page.key) + 1, total: pages.length }),
    },
    { headers: { "Set-Cookie": cookie, "Cache-Control": "no-store" } },
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const journey = await loadJourney(request, context, params.slug);
  const formData = await readForm(request, context);
  const draft = await requireDraft(request, context, journey, { allowPaused: true });
  const page = draft.definition.pages.find((p) => p.key === params.page);
  if (!page) throw await httpError(request, 404, "not-found");
  const slug = journey.survey.slug;
  const intent = formData.get("intent") === "save" ? "save" : "continue";
  const returnToCheck = formData.get("return") === "check";

  const checked = checkPage(page, formData, draft.answers, await answerContext(context.db));
  // "Save and come back later" keeps what is done so far: an unanswered required question is not an error then.
  const errors = Object.fromEntries(
    Object.entries(checked.errors).filter(([, message]) => intent === "continue" || !message.startsWith("errors.required")),
  );
  const keep: Answers = {};
  for (const question of page.questions) if (checked.answers[question.key] !== undefined) keep[question.key] = checked.answers[question.key]!;
  const hasErrors = Object.keys(errors).length > 0;
  const next = nextUrl(draft.definition, slug, checked.answers, page.key, returnToCheck);
  // Where "carry on" and a resume code lead: this page until it is done, then the next.
  const resumeAt = intent === "continue" && !hasErrors ? (next.startsWith(`/surveys/${slug}/q/`) ? next.split("/q/")[1]!.split("?")[0]! : null) : page.key;
  const saved = await saveAnswers(context.db, { survey: journey.survey, responseId: draft.id, answers: keep, cleared: checked.cleared, page: resumeAt, now: journey.now });
  if (!saved.ok) return saveRefusal(context, journey, saved.reason, formData);
  if (draft.language !== journey.language) await setDraftFormat(context.db, draft.id, { language: journey.language }, journey.now);
  if (hasErrors) return pageErrorResponse(context, errors, formData);

  const cookie = await rememberDraft(request, context, journey.survey.id, draft.id, journey.now);
  if (intent === "save") {
    const code = await issueResumeCode(context.db, draft.id, journey.now);
    return redirect(`/surveys/${slug}/save`, { headers: [["Set-Cookie", cookie], ["Set-Cookie", await setSaveFlash(context, code ?? "")]] });
  }
  return redirect(next, { headers: { "Set-Cookie": cookie } });
}

export default function SurveyQuestionPage() {
  const { t } = useTranslation("surveys");
  const data = useLoaderData<typeof loader>();
  const sent = useActionData<typeof action>();
  const root = useRouteLoaderData<{ csrfToken: string }>("root");
  const location = useLocation();
  const errors: Record<string, string> = sent && "errors" in sent ? sent.errors : {};
  const typed: Record<string, string | string[]> = sent && "values" in sent ? sent.values : {};
  const refused = sent && "refused" in sent ? (sent.refused as { title: string; text: string }) : null;
  const { slug, reader, questions } = data;
  const single = questions.length === 1 && !data.pageHeading;
  const formId = `survey-page-${data.pageKey}`;
  const errorItems = questions
    .filter((q) => errors[q.key])
    .map((q) => ({ href: `#${q.key}`, text: t(errors[q.key]!) }));
  const readAloudText = [data.pageHeading?.text, ...questions.map((q) => showText(q.text, reader)?.text)].filter(Boolean).join(". ");

  return (
    <>
      <BackLink href={data.backHref} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {refused ? (
            <div className="govuk-error-summary" role="alert" tabIndex={-1}>
              <h2 className="govuk-error-summary__title">{t(refused.title)}</h2>
              <div className="govuk-error-summary__body">
                <p className="govuk-body">{t(refused.text)}</p>
              </div>
            </div>
          ) : null}
          <ErrorSummary errors={errorItems} />
          <p className="govuk-body-s govuk-!-margin-bottom-2">{data.progressText}</p>
          <SurveyCaption title={data.surveyTitle.text} lang={data.surveyTitle.lang} dir={data.surveyTitle.dir} />
          {!single && data.pageHeading ? (
            <h1 className="govuk-heading-l" lang={data.pageHeading.lang} dir={data.pageHeading.dir}>
              {data.pageHeading.text}
            </h1>
          ) : null}
          <ReadAloud text={readAloudText} lang={reader.language} />
          <Form method="post" noValidate id={formId}>
            <CsrfInput />
            {data.returnToCheck ? <input type="hidden" name="return" value="check" /> : null}
            {questions.map((question) => (
              <QuestionField
                key={question.key}
                question={question}
                value={typed[question.key] !== undefined || errors[question.key] ? typedValue(question, typed) : data.answers[question.key]}
                error={errors[question.key] ? t(errors[question.key]!) : undefined}
                reader={reader}
                districts={data.districts}
                isPageHeading={single}
              />
            ))}
            <div className="govuk-button-group">
              <Button name="intent" value="continue" data-prevent-double-click="true">
                {data.returnToCheck ? t("page.saveAndCheck") : t("page.continue")}
              </Button>
              <Button name="intent" value="save" variant="secondary">
                {t("page.saveLater")}
              </Button>
            </div>
          </Form>
          <ConnectionGuard formId={formId} storageKey={`survey:${data.draftId}:${data.pageKey}`} />
          <FormatSwitch slug={slug} format={reader.format} returnTo={`/surveys/${slug}/q/${data.pageKey}${data.returnToCheck ? "?return=check" : ""}`} />
          <TimeoutWarning
            key={location.key}
            idleMinutes={data.idle.minutes}
            warnMinutes={data.idle.warn}
            keepaliveUrl={`/surveys/${slug}/keepalive`}
            csrfToken={root?.csrfToken ?? ""}
            saveUrl={`/surveys/${slug}/save`}
            pausedUrl={`/surveys/${slug}/paused`}
          />
        </div>
      </div>
    </>
  );
}

/** What the person sent for a question, to put back after an error (a date comes back in its parts). */
function typedValue(question: { key: string; type: string }, typed: Record<string, string | string[]>): string | string[] | undefined {
  if (question.type === "date") {
    const part = (p: string) => String(typed[`${question.key}-${p}`] ?? "");
    return `${part("year")}-${part("month")}-${part("day")}`;
  }
  return typed[question.key] ?? (question.type === "multiple_choice" ? [] : "");
}
