import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ThemeForm, ThemesTable } from "~/analysis/theme-form";
import { parseThemeForm, THEMES_PATH } from "~/analysis/themes";
import { createTheme, listAreasOfConcern, listThemes } from "~/analysis/themes.server";
import { readFlash, setFlash } from "~/auth/flash.server";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Button } from "~/components/button";
import { ErrorSummary } from "~/components/forms/error-summary";
import { NotificationBanner } from "~/components/notification-banner";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { formValues } from "~/utils/form-data";
import { formErrors } from "~/utils/form-response.server";

export const handle = { i18n: ["common", "analysis-free-text"] };

const FLASH = "analysisThemeDone";

/** The maintained list of themes for coding free text (docs/decisions/030). Admins keep it. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "analysis.themes");
  const t = await i18next.getFixedT(request, "analysis-free-text");
  const [themes, areas, flash] = await Promise.all([listThemes(context.db), listAreasOfConcern(context.db), readFlash(request, context)]);
  const done = flash.value?.[FLASH] ?? null;
  return json(
    { pageTitle: t("themes.title"), themes, areas, done: done ? (JSON.parse(done) as { kind: string; name: string }) : null },
    { headers: done ? { "Set-Cookie": flash.clear } : {} },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "analysis.themes");
  const form = await readForm(request, context);
  const values = formValues(form);
  const areas = await listAreasOfConcern(context.db);
  const parsed = parseThemeForm(values, areas.map((a) => a.number));
  if (!parsed.ok) return formErrors(context, parsed.errors, values);
  const result = await createTheme(context.db, { input: parsed.data, by: { userId: user.id, requestId: context.requestId } });
  if (!result.ok) return formErrors(context, result.reason === "invalid" ? result.errors : { name: "themes.errors.nameTaken" }, values);
  return redirect(THEMES_PATH, { headers: { "Set-Cookie": await setFlash(context, { [FLASH]: JSON.stringify({ kind: "added", name: parsed.data.name }) }) } });
}

export default function AnalysisThemes() {
  const { t } = useTranslation("analysis-free-text");
  const { themes, areas, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const typed = (actionData?.values ?? {}) as Record<string, string>;
  const active = themes.filter((theme) => !theme.retired);
  const retired = themes.filter((theme) => theme.retired);
  const order = ["name", "area", "keywords", "description"];
  return (
    <>
      <Breadcrumbs items={[{ text: t("page.staffArea"), href: "/admin" }, { text: t("themes.title") }]} />
      {done ? <NotificationBanner type="success" heading={t(`themes.done.${done.kind}`, { name: done.name })} /> : null}
      <ErrorSummary errors={order.filter((field) => errors[field]).map((field) => ({ href: field, text: t(errors[field]!) }))} />
      <h1 className="govuk-heading-l">{t("themes.title")}</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">{t("themes.intro")}</p>
          <p className="govuk-body">{t("themes.retireIntro")}</p>
          <h2 className="govuk-heading-m">{t("themes.addHeading")}</h2>
          <ThemeForm
            values={{ name: typed.name ?? "", description: typed.description ?? "", area: typed.area ?? "", keywords: typed.keywords ?? "" }}
            errors={errors}
            areas={areas}
            submit={<Button>{t("themes.add")}</Button>}
          />
        </div>
      </div>
      <ThemesTable caption={t("themes.caption", { count: active.length })} themes={active} areas={areas} />
      {retired.length ? <ThemesTable caption={t("themes.retiredCaption", { count: retired.length })} themes={retired} areas={areas} /> : null}
    </>
  );
}
