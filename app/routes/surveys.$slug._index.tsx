import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Radios } from "~/components/forms/radios";
import { TextInput } from "~/components/forms/text-input";
import { NotificationBanner } from "~/components/notification-banner";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { findDraft, loadJourney, offersEasyRead, rememberDraft } from "~/surveys/journey.server";
import { pageUrl } from "~/surveys/urls";
import { Instant } from "~/surveys/journey-parts";
import { showText } from "~/surveys/question-field";
import { startResponse } from "~/surveys/responses.server";
import { visiblePages } from "~/surveys/answers";
import { focusNumbers } from "~/revisits/template";
import { formErrors } from "~/utils/form-response.server";
import { findingsPublishedAt } from "~/analysis/findings.server";
import { publicFindingsPath } from "~/analysis/findings";

/** The start page: what the survey is for, how long it takes, how answers are used, and when it is open (UK time). */
export const handle = { i18n: ["common", "surveys", "findings"] };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const journey = await loadJourney(request, context, params.slug);
  const { survey, state, language } = journey;
  const visit = state === "open" ? await findDraft(request, context, journey) : undefined;
  const reader = { language, format: "standard" as const };
  const title = showText(survey.definition.title, reader)!;
  const t = await i18next.getFixedT(request, "surveys");
  // A re-visit survey says which of the inspection's concerns its questions look at again.
  const focusList = survey.purpose === "revisit" ? focusNumbers(survey.definition) : [];
  const focuses = focusList.length
    ? (await context.db.selectFrom("area_of_concern").select(["number", "plain_title", "title"]).where("number", "in", focusList).execute())
        .sort((a, b) => focusList.indexOf(a.number) - focusList.indexOf(b.number))
        .map((c) => c.plain_title || c.title)
    : [];
  // Once a survey has closed, its start page is where a family looks for what it found.
  const findingsPublished = state === "closed" || state === "archived" ? Boolean(await findingsPublishedAt(context.db, survey.id)) : false;
  return json({
    findingsPublished,
    focuses,
    pageTitle: state === "open" ? title.text : t(`start.${state === "scheduled" ? "notYetOpenTitle" : "closedTitle"}`, { title: title.text }),
    slug: survey.slug,
    state,
    audience: survey.audience,
    access: survey.access,
    title,
    purpose: showText(survey.definition.purpose, reader)!,
    howUsed: showText(survey.definition.howUsed, reader)!,
    minutes: survey.definition.estimatedMinutes,
    opensAt: survey.opensAt?.toISOString() ?? null,
    closesAt: survey.closesAt?.toISOString() ?? null,
    easyRead: offersEasyRead(survey.definition),
    defaultFormat: survey.audience === "young_person" && offersEasyRead(survey.definition) ? "easy_read" : "standard",
    inProgress: visit && visit.draft.status === "draft" ? { lastPage: visit.draft.lastPage } : null,
    submittedReference: visit?.draft.status === "submitted" ? visit.draft.reference : null,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const journey = await loadJourney(request, context, params.slug);
  const formData = await readForm(request, context);
  const format = formData.get("format") === "easy_read" ? "easy_read" : "standard";
  const code = String(formData.get("code") ?? "");
  const values = { format, code };
  const result = await startResponse(context.db, {
    survey: journey.survey,
    language: journey.language,
    format,
    invitationCode: code,
    now: journey.now,
  });
  if (!result.ok) {
    switch (result.reason) {
      case "invitation-needed":
        return formErrors(context, { code: "errors.invitationNeeded" }, values, 400);
      case "invitation-unknown":
        return formErrors(context, { code: "errors.invitationUnknown" }, values, 400);
      case "invitation-used":
        return formErrors(context, { code: "errors.invitationUsed" }, values, 409);
      default:
        // Closed (or not yet open) since the page was shown: the page says so now.
        return formErrors(context, { form: result.state === "scheduled" ? "errors.notYetOpen" : "errors.closed" }, values, 409);
    }
  }
  const first = visiblePages(journey.survey.definition, {})[0];
  const cookie = await rememberDraft(request, context, journey.survey.id, result.responseId, journey.now);
  return redirect(first ? pageUrl(journey.survey.slug, first.key) : `/surveys/${journey.survey.slug}/check`, { headers: { "Set-Cookie": cookie } });
}

export default function SurveyStart() {
  const { t } = useTranslation("surveys");
  const findingsWords = useTranslation("findings").t;
  const data = useLoaderData<typeof loader>();
  const sent = useActionData<typeof action>();
  const errors = sent?.errors ?? {};
  const values = sent?.values ?? {};
  const { slug, state, title, purpose, howUsed } = data;

  if (state !== "open") {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-xl" lang={title.lang} dir={title.dir}>
            {title.text}
          </h1>
          {state === "scheduled" && data.opensAt ? (
            <>
              <p className="govuk-body-l">
                {t("start.notYetOpen")} <Instant value={data.opensAt} /> {t("start.ukTime")}
              </p>
              {data.closesAt ? (
                <p className="govuk-body">
                  {t("start.willClose")} <Instant value={data.closesAt} /> {t("start.ukTime")}
                </p>
              ) : null}
            </>
          ) : (
            <>
              <p className="govuk-body-l">
                {data.closesAt ? (
                  <>
                    {t("start.closedAt")} <Instant value={data.closesAt} /> {t("start.ukTime")}
                  </>
                ) : (
                  t("start.closed")
                )}
              </p>
              <p className="govuk-body">{t("start.closedNext")}</p>
            </>
          )}
          {data.findingsPublished ? (
            <>
              <h2 className="govuk-heading-m">{findingsWords("public.start.heading")}</h2>
              <p className="govuk-body">
                <Link className="govuk-link" to={publicFindingsPath(slug)}>
                  {findingsWords("public.start.link")}
                </Link>
              </p>
            </>
          ) : null}
          <p className="govuk-body">
            <Link className="govuk-link" to="/surveys">
              {t("start.otherSurveys")}
            </Link>
          </p>
        </div>
      </div>
    );
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {errors.form ? (
          <NotificationBanner title={t("start.problem")} heading={t(errors.form)} />
        ) : null}
        {errors.code ? <ErrorSummary errors={[{ href: "#code", text: t(errors.code) }]} /> : null}
        {data.submittedReference ? (
          <NotificationBanner title={t("start.alreadyTitle")}>
            <p className="govuk-body">{t("start.already", { reference: data.submittedReference })}</p>
          </NotificationBanner>
        ) : null}
        <h1 className="govuk-heading-xl" lang={title.lang} dir={title.dir}>
          {title.text}
        </h1>
        <p className="govuk-body-l" lang={purpose.lang} dir={purpose.dir}>
          {purpose.text}
        </p>
        {data.focuses.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">{t("start.focusesHeading")}</h2>
            <p className="govuk-body">{t("start.focusesIntro")}</p>
            <ul className="govuk-list govuk-list--bullet" lang="en-GB">
              {data.focuses.map((focus) => (
                <li key={focus}>{focus}</li>
              ))}
            </ul>
          </>
        ) : null}
        <ul className="govuk-list govuk-list--bullet">
          <li>{t("start.minutes", { count: data.minutes })}</li>
          <li>
            {t("start.closes")} <Instant value={data.closesAt!} /> {t("start.ukTime")}
          </li>
          <li>{t("start.anonymous")}</li>
          <li>{t("start.saveLater")}</li>
        </ul>
        <h2 className="govuk-heading-m">{t("start.howUsedHeading")}</h2>
        <p className="govuk-body" lang={howUsed.lang} dir={howUsed.dir}>
          {howUsed.text}
        </p>
        <div className="govuk-inset-text">{t("start.safeguarding")}</div>

        {data.inProgress ? (
          <>
            <h2 className="govuk-heading-m">{t("start.continueHeading")}</h2>
            <p className="govuk-body">{t("start.continueText")}</p>
            <a className="govuk-button" data-module="govuk-button" href={data.inProgress.lastPage ? pageUrl(slug, data.inProgress.lastPage) : `/surveys/${slug}/check`}>
              {t("start.continue")}
            </a>
            <h2 className="govuk-heading-m">{t("start.startAgainHeading")}</h2>
          </>
        ) : null}

        <Form method="post" noValidate>
          <CsrfInput />
          <input type="hidden" name="intent" value="start" />
          {data.easyRead ? (
            <Radios
              name="format"
              legend={t("format.legend")}
              legendSize="s"
              hint={t("format.hint")}
              defaultValue={typeof values.format === "string" ? values.format : data.defaultFormat}
              choices={[
                { value: "standard", label: t("format.standard") },
                { value: "easy_read", label: t("format.easyRead") },
              ]}
            />
          ) : null}
          {data.access === "invite_only" ? (
            <TextInput
              name="code"
              label={t("start.codeLabel")}
              hint={t("start.codeHint")}
              error={errors.code ? t(errors.code) : undefined}
              defaultValue={typeof values.code === "string" ? values.code : ""}
              autoComplete="off"
              spellCheck={false}
              width="10"
            />
          ) : null}
          <Button className="govuk-button--start" data-prevent-double-click="true">
            {data.inProgress ? t("start.startAgain") : t("start.startNow")}
            <svg className="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
              <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
            </svg>
          </Button>
        </Form>
        <p className="govuk-body">
          <Link className="govuk-link" to={`/surveys/${slug}/resume`}>
            {t("start.resumeLink")}
          </Link>
        </p>
      </div>
    </div>
  );
}
