import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ThemeForm } from "~/analysis/theme-form";
import { parseThemeForm, THEMES_PATH } from "~/analysis/themes";
import { getTheme, listAreasOfConcern, setThemeRetired, updateTheme } from "~/analysis/themes.server";
import { setFlash } from "~/auth/flash.server";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Tag } from "~/components/tag";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { formValues } from "~/utils/form-data";
import { formErrors } from "~/utils/form-response.server";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "analysis-free-text"] };

const FLASH = "analysisThemeDone";

/** One theme: rename it, change its area or its words, retire it or bring it back (docs/decisions/030). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context, "analysis.themes");
  const t = await i18next.getFixedT(request, "analysis-free-text");
  const theme = await getTheme(context.db, params.id);
  if (!theme) throw await httpError(request, 404, "not-found");
  const areas = await listAreasOfConcern(context.db);
  return json({ pageTitle: t("themes.edit.title", { name: theme.name }), theme, areas });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "analysis.themes");
  const form = await readForm(request, context);
  const theme = await getTheme(context.db, params.id);
  if (!theme) throw await httpError(request, 404, "not-found");
  const by = { userId: user.id, requestId: context.requestId };
  const intent = form.get("intent");
  const done = async (kind: string, name: string) =>
    redirect(THEMES_PATH, { headers: { "Set-Cookie": await setFlash(context, { [FLASH]: JSON.stringify({ kind, name }) }) } });
  if (intent === "retire" || intent === "restore") {
    const result = await setThemeRetired(context.db, { id: theme.id, retired: intent === "retire", by, now: context.now() });
    if (!result.ok) throw await httpError(request, 404, "not-found");
    return done(intent === "retire" ? "retired" : "restored", theme.name);
  }
  if (intent !== "save") throw await httpError(request, 400, "bad-request");
  const values = formValues(form);
  const areas = await listAreasOfConcern(context.db);
  // A theme tied to an area of concern the area has since lost may keep it.
  const parsed = parseThemeForm(values, [...areas.map((a) => a.number), theme.areaOfConcern]);
  if (!parsed.ok) return formErrors(context, parsed.errors, values);
  const result = await updateTheme(context.db, { id: theme.id, input: parsed.data, by, now: context.now() });
  if (!result.ok) {
    if (result.reason === "not-found") throw await httpError(request, 404, "not-found");
    return formErrors(context, result.errors, values);
  }
  return done("saved", parsed.data.name);
}

export default function AnalysisTheme() {
  const { t } = useTranslation("analysis-free-text");
  const { theme, areas } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const typed = actionData?.values as Record<string, string> | undefined;
  const order = ["name", "area", "keywords", "description"];
  const areaChoices = areas.some((a) => a.number === theme.areaOfConcern) ? areas : [...areas, { number: theme.areaOfConcern, title: "" }];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={THEMES_PATH}>{t("themes.edit.back")}</BackLink>
        <ErrorSummary errors={order.filter((field) => errors[field]).map((field) => ({ href: field, text: t(errors[field]!) }))} />
        <h1 className="govuk-heading-l">
          {t("themes.edit.heading")}
          <span className="govuk-caption-m">{theme.name}</span>
        </h1>
        {theme.retired ? (
          <p className="govuk-body">
            <Tag colour="grey">{t("themes.edit.retiredTag")}</Tag> {t("themes.edit.retiredNote")}
          </p>
        ) : null}
        <p className="govuk-body">{t("themes.edit.tagCount", { count: theme.tagCount })}</p>
        <ThemeForm
          values={{
            name: typed?.name ?? theme.name,
            description: typed?.description ?? theme.description,
            area: typed?.area ?? String(theme.areaOfConcern),
            keywords: typed?.keywords ?? theme.keywords.join("\n"),
          }}
          errors={errors}
          areas={areaChoices}
          submit={<Button>{t("themes.edit.save")}</Button>}
        />
        <h2 className="govuk-heading-m">{t(theme.retired ? "themes.edit.restoreHeading" : "themes.edit.retireHeading")}</h2>
        <p className="govuk-body">{t(theme.retired ? "themes.edit.restoreText" : "themes.edit.retireText")}</p>
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value={theme.retired ? "restore" : "retire"} />
          <Button variant={theme.retired ? "secondary" : "warning"}>{t(theme.retired ? "themes.edit.restore" : "themes.edit.retire")}</Button>
        </Form>
      </div>
    </div>
  );
}
