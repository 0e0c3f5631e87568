import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DENOMINATOR_LEVELS, denominatorField, parseDenominatorForm, parseYear } from "~/analysis/denominators";
import { getDenominators, listDenominatorYears, saveDenominators } from "~/analysis/denominators.server";
import { ANALYSIS_PATH } from "~/analysis/paths";
import { readFlash, setFlash } from "~/auth/flash.server";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { ErrorMessage } from "~/components/forms/field";
import { TextInput } from "~/components/forms/text-input";
import { NotificationBanner } from "~/components/notification-banner";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { ukToday } from "~/surveys/uk-time";
import { formErrors } from "~/utils/form-response.server";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "analysis"] };

const PATH = `${ANALYSIS_PATH}/denominators`;
const FLASH = "analysisDenominators";

/**
 * The figures responses are read against (docs/decisions/029): children and young people
 * at SEN support and with an EHC plan, per district, per year. A GET form chooses the
 * year; a POST form saves its figures.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "analysis.denominators");
  const t = await i18next.getFixedT(request, "analysis");
  const common = await i18next.getFixedT(request, "common");
  const url = new URL(request.url);
  const years = await listDenominatorYears(context.db);
  const typedYear = (url.searchParams.get("year") ?? "").trim().slice(0, 10);
  const year = typedYear ? parseYear(typedYear) : years[0] ?? Number(ukToday(context.now()).slice(0, 4));
  const flash = await readFlash(request, context);
  const saved = flash.value?.[FLASH] ?? null;
  if (year === null) {
    return json(
      { pageTitle: `${common("errorPrefix")} ${t("denominators.title")}`, year: null, typedYear, yearError: "denominators.errors.year", years, districts: [] as Awaited<ReturnType<typeof getDenominators>>["districts"], saved: null },
      { status: 400 },
    );
  }
  const { districts } = await getDenominators(context.db, year);
  return json(
    { pageTitle: t("denominators.title"), year, typedYear: String(year), yearError: null, years, districts, saved },
    { headers: saved ? { "Set-Cookie": flash.clear } : {} },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "analysis.denominators");
  const form = await readFormValues(request, context);
  const year = parseYear(form.year);
  if (year === null) throw await httpError(request, 400, "bad-request");
  const districts = (await getDenominators(context.db, year)).districts.map((d) => d.slug);
  const parsed = parseDenominatorForm(form, districts);
  if (!parsed.ok) return formErrors(context, parsed.errors, parsed.typed);
  await saveDenominators(context.db, { year, values: parsed.values, by: { userId: user.id, requestId: context.requestId } });
  return redirect(`${PATH}?year=${year}`, { headers: { "Set-Cookie": await setFlash(context, { [FLASH]: String(year) }) } });
}

async function readFormValues(request: Request, context: ActionFunctionArgs["context"]): Promise<Record<string, string>> {
  const form = await readForm(request, context);
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string") values[key] = value;
  return values;
}

export default function DenominatorsPage() {
  const { t } = useTranslation("analysis");
  const { year, typedYear, yearError, years, districts, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData && "errors" in actionData ? actionData.errors : {};
  const values: Record<string, unknown> = actionData && "values" in actionData ? actionData.values : {};
  const errorItems = [
    ...(yearError ? [{ href: "year", text: t(yearError) }] : []),
    ...districts.flatMap((d) =>
      DENOMINATOR_LEVELS.flatMap((level) => {
        const field = denominatorField(d.slug, level);
        return errors[field] ? [{ href: field, text: t(errors[field]!, { district: d.name, level: t(`values.support_level.${level}`) }) }] : [];
      }),
    ),
  ];
  return (
    <>
      <Breadcrumbs items={[{ text: t("staffArea"), href: "/admin" }, { text: t("index.title"), href: ANALYSIS_PATH }, { text: t("denominators.title") }]} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {saved ? <NotificationBanner type="success" heading={t("denominators.saved", { year: saved })} /> : null}
          <ErrorSummary errors={errorItems} />
          <h1 className="govuk-heading-l">{t("denominators.title")}</h1>
          <p className="govuk-body">{t("denominators.intro")}</p>
          <form method="get" action={PATH} className="govuk-!-margin-bottom-6">
            <TextInput
              name="year"
              label={t("denominators.year")}
              hint={years.length ? t("denominators.yearsHint", { years: years.join(", ") }) : t("denominators.yearHint")}
              width="4"
              inputMode="numeric"
              defaultValue={typedYear}
              error={yearError ? t(yearError) : undefined}
            />
            <Button variant="secondary">{t("denominators.chooseYear")}</Button>
          </form>

          {year !== null ? (
            // A new key after saving, so the boxes show what was stored ("1250"), not what was typed ("1,250").
            <Form method="post" noValidate key={`${year}-${saved ?? ""}`}>
              <CsrfInput />
              <input type="hidden" name="year" value={year} />
              <h2 className="govuk-heading-m">{t("denominators.figuresFor", { year })}</h2>
              <p className="govuk-body">{t("denominators.figuresHint")}</p>
              {districts.map((d) => {
                const anyError = DENOMINATOR_LEVELS.some((level) => errors[denominatorField(d.slug, level)]);
                return (
                  <div key={d.slug} className={`govuk-form-group${anyError ? " govuk-form-group--error" : ""}`}>
                    <fieldset className="govuk-fieldset" role="group">
                      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{d.name}</legend>
                      {DENOMINATOR_LEVELS.map((level) => {
                        const field = denominatorField(d.slug, level);
                        const error = errors[field];
                        const typed = values[field];
                        return (
                          <div key={level} className="govuk-!-margin-bottom-2">
                            {error ? <ErrorMessage id={`${field}-error`}>{t(error, { district: d.name, level: t(`values.support_level.${level}`) })}</ErrorMessage> : null}
                            <label className="govuk-label" htmlFor={field}>
                              {t(`denominators.${level}`)}
                            </label>
                            <input
                              className={`govuk-input govuk-input--width-10${error ? " govuk-input--error" : ""}`}
                              id={field}
                              name={field}
                              type="text"
                              inputMode="numeric"
                              spellCheck={false}
                              aria-describedby={error ? `${field}-error` : undefined}
                              aria-invalid={error ? true : undefined}
                              defaultValue={typeof typed === "string" ? typed : d[level] === null ? "" : String(d[level])}
                            />
                          </div>
                        );
                      })}
                    </fieldset>
                  </div>
                );
              })}
              <Button>{t("denominators.save")}</Button>
            </Form>
          ) : null}
        </div>
      </div>
    </>
  );
}
