import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Radios } from "~/components/forms/radios";
import { TextInput } from "~/components/forms/text-input";
import { NotificationBanner } from "~/components/notification-banner";
import { SummaryList } from "~/components/summary-list";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { accessConflict, accessModes, AccessSchema, invitationsConflict, InvitationsSchema, LIMITS, surveyPath } from "~/surveys/lifecycle";
import { errorItems, SurveyPagesNav } from "~/surveys/lifecycle-components";
import { answerRefusal, byFor, readSurveyDone, redirectDone, requireSurvey } from "~/surveys/lifecycle-routes.server";
import { makeInvitations, setAccess, signCodes, type SignedCodes } from "~/surveys/lifecycle.server";
import { formValues, parseForm } from "~/utils/form-data";
import { formErrors } from "~/utils/form-response.server";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "survey-admin"] };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context, "surveys.manage");
  const survey = await requireSurvey(request, context, params.id);
  const t = await i18next.getFixedT(request, "survey-admin");
  const { done, headers } = await readSurveyDone(request, context, ["accessChanged", "downloadExpired"]);
  return json(
    {
      pageTitle: t("invitations.title", { title: survey.title }),
      survey: { id: survey.id, title: survey.title, slug: survey.slug, state: survey.state, access: survey.access },
      counts: survey.invitations,
      mayChangeAccess: accessConflict(survey.state) === undefined,
      mayMakeCodes: invitationsConflict(survey.state, survey.access) === undefined,
      publicUrl: `${new URL(request.url).origin}/surveys/${survey.slug}`,
      done,
    },
    { headers },
  );
}

type ActionData = { errors?: Record<string, string>; values?: Record<string, string | string[]>; made?: SignedCodes };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "surveys.manage");
  const formData = await readForm(request, context);
  const intent = formData.get("intent");
  const by = byFor(user, context);
  if (intent === "access") {
    const parsed = parseForm(AccessSchema, formData);
    if (!parsed.ok) return formErrors(context, parsed.errors, parsed.values);
    const result = await setAccess(context.db, { id: params.id, access: parsed.data.access, by, now: context.now() });
    if (!result.ok) return answerRefusal(request, context, result, formValues(formData));
    return redirectDone(context, surveyPath(params.id!, "invitations"), "accessChanged");
  }
  if (intent !== "make") throw await httpError(request, 400, "bad-request");
  const parsed = parseForm(InvitationsSchema, formData);
  if (!parsed.ok) return formErrors(context, parsed.errors, parsed.values);
  const now = context.now();
  const result = await makeInvitations(context.db, { id: params.id, ...parsed.data, by, now });
  if (!result.ok) return answerRefusal(request, context, result, formValues(formData));
  // Shown once, in this answer only: never stored, never redirected through a cookie.
  return json<ActionData>({ made: signCodes(context.cookieSecrets[0]!, params.id!, result.codes, parsed.data.label, now) }, { headers: { "Cache-Control": "no-store" } });
}

function NewCodes({ surveyId, made }: { surveyId: string; made: SignedCodes }) {
  const { t } = useTranslation("survey-admin");
  return (
    <>
      <NotificationBanner type="success" heading={t("invitations.made", { count: made.codes.length, label: made.label })}>
        <p className="govuk-body">{t("invitations.onlyOnce")}</p>
      </NotificationBanner>
      <h2 className="govuk-heading-m" id="new-codes">
        {t("invitations.newCodes", { count: made.codes.length, label: made.label })}
      </h2>
      <Form method="post" action={surveyPath(surveyId, "invitations.csv")} reloadDocument>
        <CsrfInput />
        <input type="hidden" name="codes" value={made.codes.join(" ")} />
        <input type="hidden" name="label" value={made.label} />
        <input type="hidden" name="madeAt" value={made.madeAt} />
        <input type="hidden" name="signature" value={made.signature} />
        <Button variant="secondary">{t("invitations.download")}</Button>
      </Form>
      <ul className="govuk-list" aria-labelledby="new-codes">
        {made.codes.map((code) => (
          <li key={code}>
            <code className="govuk-!-font-size-24">{code}</code>
          </li>
        ))}
      </ul>
    </>
  );
}

export default function SurveyInvitations() {
  const { t } = useTranslation("survey-admin");
  const { survey, counts, mayChangeAccess, mayMakeCodes, publicUrl, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const navigation = useNavigation();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values = (actionData?.values ?? {}) as Record<string, string>;
  const making = navigation.state === "submitting" && navigation.formData?.get("intent") === "make";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={surveyPath(survey.id)}>{t("backToSurvey")}</BackLink>
        <ErrorSummary errors={errorItems(errors, ["form", "access", "count", "label"], t, { form: "access-mode" }, { max: LIMITS.codes })} />
        {done ? <NotificationBanner type={done === "downloadExpired" ? "important" : "success"} heading={t(`done.${done}`)} /> : null}
        <span className="govuk-caption-l">{survey.title}</span>
        <h1 className="govuk-heading-l">{t("invitations.heading")}</h1>
        {actionData?.made ? <NewCodes surveyId={survey.id} made={actionData.made} /> : null}

        <h2 className="govuk-heading-m" id="access-mode" tabIndex={-1}>
          {t("invitations.accessHeading")}
        </h2>
        <SummaryList
          rows={[
            { key: t("invitations.accessNow"), value: t(`access.${survey.access}.label`) },
            { key: t("invitations.link"), value: <span className="govuk-!-text-break-word">{publicUrl}</span> },
          ]}
        />
        <p className="govuk-body">{t(`access.${survey.access}.hint`)}</p>
        {mayChangeAccess ? (
          <Form method="post" noValidate>
            <CsrfInput />
            <Radios
              name="access"
              legend={t("invitations.changeAccess")}
              legendSize="s"
              hint={t("invitations.accessBeforeOpening")}
              defaultValue={values.access ?? survey.access}
              error={errors.access ? t(errors.access) : undefined}
              choices={accessModes.map((mode) => ({ value: mode, label: t(`access.${mode}.label`) }))}
            />
            <Button name="intent" value="access" variant="secondary">
              {t("invitations.saveAccess")}
            </Button>
          </Form>
        ) : (
          <p className="govuk-body">{t("invitations.accessFixed")}</p>
        )}

        <h2 className="govuk-heading-m">{t("invitations.codesHeading")}</h2>
        <SummaryList
          rows={[
            { key: t("invitations.total"), value: String(counts.total) },
            { key: t("invitations.used"), value: String(counts.used) },
            { key: t("invitations.unused"), value: String(counts.total - counts.used) },
          ]}
        />
        {mayMakeCodes ? (
          <>
            <p className="govuk-body">{t("invitations.makeIntro")}</p>
            <Form method="post" noValidate>
              <CsrfInput />
              <TextInput
                name="count"
                label={t("invitations.count")}
                hint={t("invitations.countHint", { max: LIMITS.codes })}
                inputMode="numeric"
                width="4"
                defaultValue={values.count}
                error={errors.count ? t(errors.count, { max: LIMITS.codes }) : undefined}
              />
              <TextInput
                name="label"
                label={t("invitations.label")}
                hint={t("invitations.labelHint")}
                maxLength={LIMITS.label}
                defaultValue={values.label}
                error={errors.label ? t(errors.label) : undefined}
              />
              <Button name="intent" value="make" aria-disabled={making || undefined} onClick={(event) => making && event.preventDefault()}>
                {t("invitations.make")}
              </Button>
            </Form>
          </>
        ) : (
          <p className="govuk-body">{t(survey.access === "invite_only" ? "invitations.noMoreCodes" : "invitations.openLinkNoCodes")}</p>
        )}
      </div>
      <div className="govuk-grid-column-one-third">
        <SurveyPagesNav id={survey.id} current="invitations" />
      </div>
    </div>
  );
}
