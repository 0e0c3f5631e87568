import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { TextInput } from "~/components/forms/text-input";
import { NotificationBanner } from "~/components/notification-banner";
import { enqueueEmail } from "~/email/outbox.server";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { loadJourney, pageUrl, readSaveFlash, requireDraft, checkUrl } from "~/surveys/journey.server";
import { Instant } from "~/surveys/journey-parts";
import { showText } from "~/surveys/question-field";
import { normaliseCode } from "~/surveys/codes";
import { findDraftByResumeCode, issueResumeCode } from "~/surveys/responses.server";
import { formErrors } from "~/utils/form-response.server";
import { parseForm } from "~/utils/form-data";

/**
 * "Save and come back later": the answers are already on the server; this
 * page gives the code and link that bring them back, once. An email copy is
 * optional: the address goes into the outbox only, never with the answers.
 */
export const handle = { i18n: ["common", "surveys"] };

function resumeLink(request: Request, slug: string, code: string) {
  return `${new URL(request.url).origin}/surveys/${slug}/resume?code=${encodeURIComponent(code)}`;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const journey = await loadJourney(request, context, params.slug);
  const draft = await requireDraft(request, context, journey, { allowPaused: true });
  const flash = await readSaveFlash(request, context);
  const t = await i18next.getFixedT(request, "surveys");
  return json(
    {
      pageTitle: t("save.title"),
      slug: journey.survey.slug,
      code: flash.code,
      link: flash.code ? resumeLink(request, journey.survey.slug, flash.code) : null,
      hasCode: draft.hasResumeCode,
      closesAt: journey.survey.closesAt?.toISOString() ?? null,
      backHref: draft.lastPage ? pageUrl(journey.survey.slug, draft.lastPage) : checkUrl(journey.survey.slug),
    },
    { headers: { "Set-Cookie": flash.clear, "Cache-Control": "no-store" } },
  );
}

const EmailSchema = z.object({ email: z.string().trim().min(1, "save.errors.emailMissing").max(254, "save.errors.emailFormat").email("save.errors.emailFormat") });

export async function action({ request, context, params }: ActionFunctionArgs) {
  const journey = await loadJourney(request, context, params.slug);
  const formData = await readForm(request, context);
  const draft = await requireDraft(request, context, journey, { allowPaused: true });
  const t = await i18next.getFixedT(request, "surveys");
  const slug = journey.survey.slug;
  if (formData.get("intent") === "email") {
    // The code travels in the form (it is the visitor's own, shown on this page); check it is this draft's.
    const parsed = parseForm(EmailSchema, formData);
    const code = String(formData.get("code") ?? "");
    if (!parsed.ok) return formErrors(context, parsed.errors, { ...parsed.values, code });
    // The same code as on the page: sent only if it really is this draft's current code.
    const fresh = normaliseCode(code);
    if (!fresh || (await findDraftByResumeCode(context.db, journey.survey.id, fresh)) !== draft.id) {
      return formErrors(context, { email: "save.errors.gone" }, { email: parsed.data.email }, 409);
    }
    const title = showText(journey.survey.definition.title, { language: journey.language, format: "standard" })!.text;
    await enqueueEmail(
      context.db,
      {
        kind: "survey_resume",
        to: parsed.data.email,
        subject: t("save.emailSubject", { title }),
        text: t("save.emailBody", { title, code: fresh, link: resumeLink(request, slug, fresh) }),
      },
      journey.now,
    );
    return json({ emailed: parsed.data.email, code: fresh, link: resumeLink(request, slug, fresh) });
  }
  // A new code (the old one stops working): for someone who lost theirs.
  const code = await issueResumeCode(context.db, draft.id, journey.now);
  if (!code) return json({ gone: true }, { status: 409 });
  return json({ code, link: resumeLink(request, slug, code) });
}

export default function SaveForLater() {
  const { t } = useTranslation("surveys");
  const data = useLoaderData<typeof loader>();
  const sent = useActionData<typeof action>();
  const errors: Record<string, string> = sent && "errors" in sent ? (sent.errors as Record<string, string>) : {};
  const values: Record<string, unknown> = sent && "values" in sent ? (sent.values as Record<string, unknown>) : {};
  const code = (sent && "code" in sent ? (sent.code as string) : null) ?? (typeof values.code === "string" && values.code ? values.code : null) ?? data.code;
  const link = (sent && "link" in sent ? (sent.link as string) : null) ?? data.link;
  const emailed = sent && "emailed" in sent ? (sent.emailed as string) : null;
  return (
    <>
      <BackLink href={data.backHref}>{t("save.back")}</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={Object.entries(errors).map(([field, message]) => ({ href: `#${field}`, text: t(message) }))} />
          {emailed ? <NotificationBanner type="success" heading={t("save.emailed", { email: emailed })} /> : null}
          <h1 className="govuk-heading-l">{t("save.title")}</h1>
          {code ? (
            <>
              <div className="govuk-panel govuk-panel--confirmation portal-resume-code">
                <h2 className="govuk-panel__title govuk-!-font-size-27">{t("save.codeHeading")}</h2>
                <div className="govuk-panel__body">
                  <strong className="portal-code" data-testid="resume-code">
                    {code}
                  </strong>
                </div>
              </div>
              <p className="govuk-body">{t("save.codeText")}</p>
              {link ? (
                <p className="govuk-body">
                  {t("save.linkText")}{" "}
                  <a className="govuk-link portal-break-anywhere" href={link}>
                    {link}
                  </a>
                </p>
              ) : null}
              {data.closesAt ? (
                <p className="govuk-body">
                  {t("save.before")} <Instant value={data.closesAt} />.
                </p>
              ) : null}
              <div className="govuk-warning-text">
                <span className="govuk-warning-text__icon" aria-hidden="true">
                  !
                </span>
                <strong className="govuk-warning-text__text">
                  <span className="govuk-visually-hidden">{t("save.warningPrefix")}</span>
                  {t("save.once")}
                </strong>
              </div>
              <h2 className="govuk-heading-m">{t("save.emailHeading")}</h2>
              <Form method="post" noValidate>
                <CsrfInput />
                <input type="hidden" name="intent" value="email" />
                <input type="hidden" name="code" value={code} />
                <TextInput
                  name="email"
                  type="email"
                  autoComplete="email"
                  spellCheck={false}
                  label={t("save.emailLabel")}
                  hint={t("save.emailHint")}
                  error={errors.email ? t(errors.email) : undefined}
                  defaultValue={typeof values.email === "string" ? values.email : ""}
                />
                <Button variant="secondary">{t("save.emailSend")}</Button>
              </Form>
            </>
          ) : (
            <>
              <p className="govuk-body">{data.hasCode ? t("save.savedWithCode") : t("save.saved")}</p>
              <Form method="post" noValidate>
                <CsrfInput />
                <input type="hidden" name="intent" value="new-code" />
                <Button variant="secondary">{t("save.newCode")}</Button>
              </Form>
            </>
          )}
          <p className="govuk-body">
            <a className="govuk-link" href={data.backHref}>
              {t("save.carryOn")}
            </a>
          </p>
        </div>
      </div>
    </>
  );
}
