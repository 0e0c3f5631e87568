import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readFlash, setFlash } from "~/auth/flash.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { ErrorSummary } from "~/components/forms/error-summary";
import {
  CommentFields,
  FeedbackHiddenFields,
  feedbackUrl,
  Honeypot,
  MissingFields,
  PrivacyNote,
  ProblemFields,
} from "~/feedback/forms";
import { recordPageFeedback, type PageFeedbackInput } from "~/feedback/page-feedback.server";
import { newReference, REFERENCE_PATTERN } from "~/feedback/reference";
import {
  feedbackFieldOrder,
  honeypotFilled,
  isFeedbackKind,
  MissingSchema,
  ProblemSchema,
  safePagePath,
  UsefulSchema,
  type FeedbackKind,
} from "~/feedback/schemas";
import i18next from "~/i18n/i18next.server";
import { pageFeedbackNamespaces, useTooManyMessage, type InPlaceAnswer } from "~/local-offer/page-feedback";
import { readForm } from "~/security/csrf.server";
import { formValues, parseForm, type FieldErrors, type FormValues } from "~/utils/form-data";
import { formErrors } from "~/utils/form-response.server";
import { httpError } from "~/utils/http.server";

/**
 * Where the page feedback forms post. GET shows one form on its own
 * (?form=useful|problem|missing&page=…), the thank-you page (?form=sent), or a
 * choice of the three. A failed post shows the form again here with its errors.
 */
export const handle = { i18n: ["common", ...pageFeedbackNamespaces] };

type Shown = FeedbackKind | "sent" | "choose";

const titles: Record<Shown, string> = {
  useful: "useful.commentLabel",
  problem: "problem.title",
  missing: "missing.title",
  sent: "sent.title",
  choose: "page.chooseTitle",
};

/** Flash keys: the reference of what was just sent, carried across the redirect once. */
const FLASH_REFERENCE = "feedbackReference";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const requested = url.searchParams.get("form");
  const pagePath = safePagePath(url.searchParams.get("page"));
  const form: Shown = isFeedbackKind(requested) || requested === "sent" ? requested : "choose";
  let reference: string | null = null;
  const headers: Record<string, string> = {};
  if (form === "sent" || form === "useful") {
    const flash = await readFlash(request, context);
    const value = flash.value?.[FLASH_REFERENCE];
    if (typeof value === "string" && REFERENCE_PATTERN.test(value)) {
      reference = value;
      headers["Set-Cookie"] = flash.clear;
    }
  }
  // The thank-you page means nothing once seen (or if nothing was sent): back to the page.
  if (form === "sent" && !reference) throw redirect(pagePath);
  const t = await i18next.getFixedT(request, "page-feedback");
  return json({ pageTitle: t(titles[form]), form, pagePath, reference }, { headers });
}

function inputFor(kind: FeedbackKind, formData: FormData) {
  switch (kind) {
    case "useful": {
      const parsed = parseForm(UsefulSchema, formData);
      return parsed.ok ? ({ ok: true, input: { kind, ...parsed.data } } as const) : parsed;
    }
    case "problem": {
      const parsed = parseForm(ProblemSchema, formData);
      return parsed.ok ? ({ ok: true, input: { kind, ...parsed.data } } as const) : parsed;
    }
    case "missing": {
      const parsed = parseForm(MissingSchema, formData);
      return parsed.ok ? ({ ok: true, input: { kind, ...parsed.data } } as const) : parsed;
    }
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const kind = formData.get("kind");
  if (!isFeedbackKind(kind)) throw await httpError(request, 400, "bad-request");
  // Sent from a page with JavaScript: answer with data, and the page shows it in place.
  const inPlace = formData.get("inPlace") === "1";
  const pagePath = safePagePath(formData.get("pagePath"));
  const isFirstNo = kind === "useful" && formData.get("useful") === "no" && !formData.has("comment");

  async function thankYou(reference: string, useful: boolean | null) {
    if (inPlace && kind === "useful") {
      return json<InPlaceAnswer>({ sent: "useful", useful: useful ?? false, reference, withComment: formData.has("comment") && String(formData.get("comment")).trim() !== "" });
    }
    const next = isFirstNo ? feedbackUrl("useful", pagePath) : feedbackUrl("sent", pagePath);
    return redirect(next, { headers: { "Set-Cookie": await setFlash(context, { [FLASH_REFERENCE]: reference }) } });
  }

  if (honeypotFilled(formData)) {
    // A bot: it gets the usual answer and nothing is kept.
    context.logger.warn({ kind }, "page feedback: hidden field filled in, nothing stored");
    return thankYou(newReference(), formData.get("useful") === "yes");
  }

  const parsed = inputFor(kind, formData);
  if (!parsed.ok) return formErrors(context, parsed.errors, { ...parsed.values, kind });
  const input = { ...parsed.input, clientIp: context.clientIp } as PageFeedbackInput;
  const result = await recordPageFeedback(context.db, input, context.now());
  if (!result.ok) {
    context.logger.warn({ kind }, "page feedback: too many from one address");
    // What they typed comes back with the message, so nothing is lost while they wait.
    return json({ errors: { form: "tooMany" } as FieldErrors, values: formValues(formData), retryAt: result.retryAt.toISOString() }, { status: 429 });
  }
  return thankYou(result.reference, input.kind === "useful" ? input.useful : null);
}

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default function PageFeedbackRoute() {
  const { t } = useTranslation("page-feedback");
  const { form: requested, pagePath, reference } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as { errors?: FieldErrors; values?: FormValues; retryAt?: string } | undefined;
  const tooMany = useTooManyMessage();
  const values = actionData?.values ?? {};
  const errors = actionData?.errors ?? {};
  const postedKind = one(values.kind);
  const form: Shown = isFeedbackKind(postedKind) ? postedKind : requested;
  const backTo = safePagePath(one(values.pagePath) ?? pagePath);
  const serviceId = one(values.serviceId);

  if (form === "sent") return <Sent pagePath={pagePath} reference={reference} />;
  if (form === "choose") return <Choose pagePath={pagePath} />;

  const fieldErrors = Object.fromEntries(Object.entries(errors).filter(([field]) => field !== "form"));
  const firstField = feedbackFieldOrder[form].find((f) => f !== "useful") ?? "comment";
  const summary = [
    ...(errors.form ? [{ href: firstField, text: tooMany(actionData?.retryAt) }] : []),
    ...feedbackFieldOrder[form].filter((f) => fieldErrors[f]).map((f) => ({ href: f, text: t(fieldErrors[f]!) })),
  ];
  const commentReference = one(values.reference) ?? reference;

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={backTo}>{t("page.backToPage")}</BackLink>
        <ErrorSummary errors={summary} />
        <Form method="post" action={feedbackUrl(form, backTo)} noValidate>
          <FeedbackHiddenFields kind={form} pagePath={backTo} serviceId={serviceId} />
          {form === "useful" ? (
            <>
              {reference ? (
                <p className="govuk-body" role="status">
                  {t("useful.notUsefulThanks")}
                </p>
              ) : null}
              <CommentFields errors={fieldErrors} values={values} reference={commentReference} isPageHeading />
            </>
          ) : (
            <>
              <h1 className="govuk-heading-l">{t(titles[form])}</h1>
              {form === "problem" ? <ProblemFields errors={fieldErrors} values={values} /> : <MissingFields errors={fieldErrors} values={values} />}
            </>
          )}
          <PrivacyNote />
          <Honeypot id="feedback-extra" />
          <div className="govuk-button-group">
            <Button>{t(form === "problem" ? "problem.send" : form === "missing" ? "missing.send" : "useful.send")}</Button>
            {form === "useful" && reference ? (
              <a className="govuk-link" href={backTo}>
                {t("useful.skip")}
              </a>
            ) : null}
          </div>
        </Form>
      </div>
    </div>
  );
}

function Sent({ pagePath, reference }: { pagePath: string; reference: string | null }) {
  const { t } = useTranslation("page-feedback");
  const next = t("sent.next", { returnObjects: true }) as string[];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">{t("sent.title")}</h1>
          {reference ? (
            <div className="govuk-panel__body">
              {t("sent.reference")}
              <br />
              <strong>{reference}</strong>
            </div>
          ) : null}
        </div>
        <h2 className="govuk-heading-m">{t("sent.nextHeading")}</h2>
        {next.map((paragraph) => (
          <p className="govuk-body" key={paragraph}>
            {paragraph}
          </p>
        ))}
        <div className="govuk-inset-text">{t("sent.urgent")}</div>
        <ul className="govuk-list">
          <li>
            <a className="govuk-link" href={pagePath}>
              {t("sent.back")}
            </a>
          </li>
          <li>
            <a className="govuk-link" href="/you-said-we-did">
              {t("sent.yswdLink")}
            </a>
          </li>
        </ul>
      </div>
    </div>
  );
}

function Choose({ pagePath }: { pagePath: string }) {
  const { t } = useTranslation("page-feedback");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={pagePath}>{t("page.backToPage")}</BackLink>
        <h1 className="govuk-heading-l">{t("page.chooseTitle")}</h1>
        <p className="govuk-body">{t("page.chooseIntro")}</p>
        <ul className="govuk-list govuk-list--spaced">
          <li>
            <a className="govuk-link" href={feedbackUrl("problem", pagePath)}>
              {t("problem.summary")}
            </a>
          </li>
          <li>
            <a className="govuk-link" href={feedbackUrl("missing", pagePath)}>
              {t("missing.summary")}
            </a>
          </li>
          <li>
            <a className="govuk-link" href={feedbackUrl("useful", pagePath)}>
              {t("useful.commentLabel")}
            </a>
          </li>
        </ul>
      </div>
    </div>
  );
}
