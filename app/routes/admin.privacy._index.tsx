import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readFlash, setFlash } from "~/auth/flash.server";
import { can } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { TextInput } from "~/components/forms/text-input";
import { NotificationBanner } from "~/components/notification-banner";
import i18next from "~/i18n/i18next.server";
import { getRetentionMonths, retentionPreview, runRetentionSweep, setRetentionMonths } from "~/privacy/privacy.server";
import { checkRetentionMonths, lastDueDate, MAX_RETENTION_MONTHS, MIN_RETENTION_MONTHS } from "~/privacy/retention";
import { readForm } from "~/security/csrf.server";
import { formatDayInWords } from "~/utils/dates";
import { formErrors } from "~/utils/form-response.server";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "privacy"] };

const PATH = "/admin/privacy";
const FLASH = "privacyRetention";

/** Data protection (docs/decisions/023): how long feedback is kept, and the sweep run by hand. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, "privacy.retention");
  const t = await i18next.getFixedT(request, "privacy");
  const now = context.now();
  const preview = await retentionPreview(context.db, now);
  const flash = await readFlash(request, context);
  const done = flash.value?.[FLASH]
    ? (JSON.parse(flash.value[FLASH]) as { saved?: number; anonymised?: number; held?: number; surveys?: number })
    : null;
  return json(
    {
      pageTitle: t("retention.title"),
      months: preview.months,
      due: preview.due,
      held: preview.held,
      surveyDue: preview.surveyDue,
      surveyHeld: preview.surveyHeld,
      lastDueDate: lastDueDate(now, preview.months),
      done,
      canRequests: can(user.role, "privacy.requests"),
    },
    { headers: done ? { "Set-Cookie": flash.clear } : {} },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "privacy.retention");
  const form = await readForm(request, context);
  const by = { userId: user.id, requestId: context.requestId };
  const intent = form.get("intent");
  if (intent === "run") {
    const result = await runRetentionSweep(context.db, { now: context.now(), by });
    return redirect(PATH, {
      headers: {
        "Set-Cookie": await setFlash(context, {
          [FLASH]: JSON.stringify({ anonymised: result.anonymised, held: result.held, surveys: result.surveyResponses }),
        }),
      },
    });
  }
  if (intent !== "save") throw await httpError(request, 400, "bad-request");
  const typed = String(form.get("months") ?? "");
  const checked = checkRetentionMonths(typed);
  if (!checked.ok) return formErrors(context, { months: checked.error }, { months: typed });
  // Read back so the flash says what is now in force.
  await setRetentionMonths(context.db, { months: checked.months, by });
  const months = await getRetentionMonths(context.db);
  return redirect(PATH, { headers: { "Set-Cookie": await setFlash(context, { [FLASH]: JSON.stringify({ saved: months }) }) } });
}

export default function PrivacySettings() {
  const { t, i18n } = useTranslation("privacy");
  const { months, due, held, surveyDue, surveyHeld, lastDueDate, done, canRequests } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData && "errors" in actionData ? actionData.errors : {};
  const values: Record<string, unknown> = actionData && "values" in actionData ? actionData.values : {};
  return (
    <>
      <Breadcrumbs items={[{ text: t("admin.staffArea"), href: "/admin" }, { text: t("retention.title") }]} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {done?.saved !== undefined ? <NotificationBanner type="success" heading={t("retention.saved", { count: done.saved })} /> : null}
          {done?.anonymised !== undefined ? (
            <NotificationBanner type="success" heading={t("retention.ran", { count: done.anonymised })}>
              {done.held ? <p className="govuk-body">{t("retention.ranHeld", { count: done.held })}</p> : null}
              {done.surveys ? <p className="govuk-body">{t("retention.ranSurvey", { count: done.surveys })}</p> : null}
            </NotificationBanner>
          ) : null}
          <ErrorSummary
            errors={Object.entries(errors).map(([href, key]) => ({
              href,
              text: t(key, { min: MIN_RETENTION_MONTHS, max: MAX_RETENTION_MONTHS }),
            }))}
          />
          <h1 className="govuk-heading-l">{t("retention.title")}</h1>
          <p className="govuk-body">{t("retention.intro")}</p>
          <ul className="govuk-list govuk-list--bullet">
            <li>{t("retention.removed")}</li>
            <li>{t("retention.kept")}</li>
            <li>{t("retention.safeguarding")}</li>
            <li>{t("retention.surveys")}</li>
            <li>{t("retention.rateLimits")}</li>
          </ul>
          <p className="govuk-body">{t("retention.schedule")}</p>

          <h2 className="govuk-heading-m">{t("retention.settingHeading")}</h2>
          <Form method="post" noValidate>
            <CsrfInput />
            <input type="hidden" name="intent" value="save" />
            <TextInput
              name="months"
              label={t("retention.monthsLabel")}
              hint={t("retention.monthsHint", { min: MIN_RETENTION_MONTHS, max: MAX_RETENTION_MONTHS })}
              error={errors.months ? t(errors.months, { min: MIN_RETENTION_MONTHS, max: MAX_RETENTION_MONTHS }) : undefined}
              defaultValue={typeof values.months === "string" ? values.months : String(months)}
              width="3"
              inputMode="numeric"
              autoComplete="off"
              spellCheck={false}
            />
            <Button>{t("retention.save")}</Button>
          </Form>

          <h2 className="govuk-heading-m">{t("retention.runHeading")}</h2>
          <p className="govuk-body">{t("retention.dueNow", { count: due, date: formatDayInWords(lastDueDate, i18n.language) })}</p>
          {held ? <p className="govuk-body">{t("retention.heldNow", { count: held })}</p> : null}
          <p className="govuk-body">
            {t("retention.surveyDueNow", { count: surveyDue, date: formatDayInWords(lastDueDate, i18n.language) })}
          </p>
          {surveyHeld ? <p className="govuk-body">{t("retention.surveyHeldNow", { count: surveyHeld })}</p> : null}
          <Form method="post" noValidate>
            <CsrfInput />
            <input type="hidden" name="intent" value="run" />
            <Button variant="secondary">{t("retention.run")}</Button>
          </Form>

          {canRequests ? (
            <>
              <h2 className="govuk-heading-m">{t("retention.requestsHeading")}</h2>
              <p className="govuk-body">
                <Link className="govuk-link" to="/admin/privacy/requests">
                  {t("retention.requestsLink")}
                </Link>
              </p>
            </>
          ) : null}
        </div>
      </div>
    </>
  );
}
