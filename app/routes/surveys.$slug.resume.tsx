import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { TextInput } from "~/components/forms/text-input";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { hitRateLimit } from "~/security/rate-limit.server";
import { checkUrl, loadJourney, pageUrl, rememberDraft } from "~/surveys/journey.server";
import { startUrl } from "~/surveys/urls";
import { findDraftByResumeCode, loadDraft } from "~/surveys/responses.server";
import { formErrors } from "~/utils/form-response.server";

/** Coming back with a code: the answers are found and the survey carries on where it was left. */
export const handle = { i18n: ["common", "surveys"] };

/** Wrong codes allowed per address per quarter hour: guessing one of 30^10 codes is hopeless at this rate. */
export const RESUME_LIMIT = 10;
const RESUME_WINDOW_MS = 15 * 60 * 1000;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const journey = await loadJourney(request, context, params.slug);
  const t = await i18next.getFixedT(request, "surveys");
  return json({
    pageTitle: t("resume.title"),
    slug: journey.survey.slug,
    open: journey.state === "open",
    code: new URL(request.url).searchParams.get("code")?.slice(0, 40) ?? "",
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const journey = await loadJourney(request, context, params.slug);
  const formData = await readForm(request, context);
  const code = String(formData.get("code") ?? "").slice(0, 100);
  if (journey.state !== "open") return formErrors(context, { code: "resume.errors.closed" }, { code }, 409);
  if (!code.trim()) return formErrors(context, { code: "resume.errors.missing" }, { code }, 400);
  const limit = await hitRateLimit(context.db, { key: `survey-resume:${context.clientIp}`, limit: RESUME_LIMIT, windowMs: RESUME_WINDOW_MS, now: journey.now });
  if (!limit.allowed) return formErrors(context, { code: "resume.errors.tooMany" }, { code }, 429);
  const responseId = await findDraftByResumeCode(context.db, journey.survey.id, code);
  if (!responseId) return formErrors(context, { code: "resume.errors.unknown" }, { code }, 400);
  const draft = await loadDraft(context.db, responseId, journey.survey.id);
  const cookie = await rememberDraft(request, context, journey.survey.id, responseId, journey.now);
  const slug = journey.survey.slug;
  return redirect(draft?.lastPage ? pageUrl(slug, draft.lastPage) : checkUrl(slug), { headers: { "Set-Cookie": cookie } });
}

export default function ResumeSurvey() {
  const { t } = useTranslation("surveys");
  const data = useLoaderData<typeof loader>();
  const sent = useActionData<typeof action>();
  const errors = sent?.errors ?? {};
  const values = sent?.values ?? {};
  return (
    <>
      <BackLink href={startUrl(data.slug)} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors.code ? [{ href: "#code", text: t(errors.code) }] : []} />
          <h1 className="govuk-heading-l">{t("resume.title")}</h1>
          {data.open ? (
            <Form method="post" noValidate>
              <CsrfInput />
              <TextInput
                name="code"
                label={t("resume.label")}
                hint={t("resume.hint")}
                error={errors.code ? t(errors.code) : undefined}
                defaultValue={typeof values.code === "string" ? values.code : data.code}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                width="10"
              />
              <Button>{t("resume.submit")}</Button>
            </Form>
          ) : (
            <p className="govuk-body">{t("resume.closed")}</p>
          )}
        </div>
      </div>
    </>
  );
}
