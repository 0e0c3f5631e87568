import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ANALYSIS_PATH } from "~/analysis/paths";
import { checkThreshold, MAX_SETTABLE_THRESHOLD, MIN_SETTABLE_THRESHOLD } from "~/analysis/suppression";
import { getSuppressionThreshold, setSuppressionThreshold } from "~/analysis/suppression.server";
import { readFlash, setFlash } from "~/auth/flash.server";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { TextInput } from "~/components/forms/text-input";
import { NotificationBanner } from "~/components/notification-banner";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { formErrors } from "~/utils/form-response.server";

export const handle = { i18n: ["common", "analysis"] };

const PATH = `${ANALYSIS_PATH}/settings`;
const FLASH = "analysisThreshold";

/** The suppression threshold (issue 7, point 3): the smallest count shown on any page or in any file. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "analysis.settings");
  const t = await i18next.getFixedT(request, "analysis");
  const flash = await readFlash(request, context);
  const saved = flash.value?.[FLASH] ?? null;
  return json(
    { pageTitle: t("settings.title"), threshold: await getSuppressionThreshold(context.db), saved },
    { headers: saved ? { "Set-Cookie": flash.clear } : {} },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "analysis.settings");
  const form = await readForm(request, context);
  const typed = String(form.get("threshold") ?? "").slice(0, 20);
  const checked = checkThreshold(typed);
  if (!checked.ok) return formErrors(context, { threshold: checked.error }, { threshold: typed });
  await setSuppressionThreshold(context.db, { threshold: checked.threshold, by: { userId: user.id, requestId: context.requestId } });
  return redirect(PATH, { headers: { "Set-Cookie": await setFlash(context, { [FLASH]: String(checked.threshold) }) } });
}

export default function AnalysisSettings() {
  const { t } = useTranslation("analysis");
  const { threshold, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData && "errors" in actionData ? actionData.errors : {};
  const values: Record<string, unknown> = actionData && "values" in actionData ? actionData.values : {};
  const limits = { min: MIN_SETTABLE_THRESHOLD, max: MAX_SETTABLE_THRESHOLD };
  return (
    <>
      <Breadcrumbs items={[{ text: t("staffArea"), href: "/admin" }, { text: t("index.title"), href: ANALYSIS_PATH }, { text: t("settings.title") }]} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {saved ? <NotificationBanner type="success" heading={t("settings.saved", { threshold: saved })} /> : null}
          <ErrorSummary errors={Object.entries(errors).map(([href, key]) => ({ href, text: t(key, limits) }))} />
          <h1 className="govuk-heading-l">{t("settings.title")}</h1>
          <p className="govuk-body">{t("settings.intro", { threshold, max: threshold - 1 })}</p>
          <p className="govuk-body">{t("settings.where")}</p>
          <Form method="post" noValidate>
            <CsrfInput />
            <TextInput
              name="threshold"
              label={t("settings.label")}
              hint={t("settings.hint", limits)}
              width="3"
              inputMode="numeric"
              error={errors.threshold ? t(errors.threshold, limits) : undefined}
              defaultValue={typeof values.threshold === "string" ? values.threshold : String(threshold)}
            />
            <Button>{t("settings.save")}</Button>
          </Form>
        </div>
      </div>
    </>
  );
}
