import { json, redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/button";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Radios } from "~/components/forms/radios";
import { Select } from "~/components/forms/select";
import { feedbackUrl } from "~/feedback/forms";
import { EntryList } from "~/feedback/entry-list";
import { groupForView, parseListQuery, showByChoices, YSWD_PATH, type ListErrors } from "~/feedback/yswd-view";
import { listPublishedEntries } from "~/feedback/you-said-we-did.server";
import i18next from "~/i18n/i18next.server";
import { PageFeedback, pageFeedbackNamespaces } from "~/local-offer/page-feedback";

/**
 * "You said, we did": published comments and the area's response (reg. 56 for the local
 * offer's), within each year by theme (the default, the statutory reading) or by working
 * group, for every year or one (docs/decisions/034). A GET form, so each view has an
 * address and works without JavaScript; a view asked for another way is answered at its
 * canonical address, and a choice that does not exist is a 400 that says what to choose.
 */
export const handle = { i18n: ["common", "you-said-we-did", "feedback-loop", ...pageFeedbackNamespaces] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const t = await i18next.getFixedT(request, "you-said-we-did");
  const common = await i18next.getFixedT(request, "common");
  const entries = await listPublishedEntries(context.db);
  const years = [...new Set(entries.map((e) => e.year))].sort((a, b) => b - a);
  const parsed = parseListQuery(new URL(request.url).searchParams, { years });
  if (!parsed.ok) {
    // A GET form has no action data, so the title says "Error: " here (docs/decisions/008).
    return json(
      { pageTitle: `${common("errorPrefix")} ${t("public.title")}`, years, typed: parsed.typed, errors: parsed.errors, view: null },
      { status: 400 },
    );
  }
  if (parsed.redirectTo) return redirect(parsed.redirectTo);
  const view = groupForView(
    entries.map(({ id, year, theme, you_said, we_did, action, group_name, group_slug, group_number, cosigned_as }) => ({
      id,
      year,
      theme,
      you_said,
      we_did,
      action,
      group_name,
      group_slug,
      group_number,
      cosigned_as,
    })),
    parsed.query,
  );
  return json({ pageTitle: t("public.title"), years, typed: parsed.typed, errors: {} as ListErrors, view: { by: parsed.query.by, years: view } });
}

export default function YouSaidWeDid() {
  const { t } = useTranslation("you-said-we-did");
  const { t: view_t } = useTranslation("feedback-loop");
  const { years, typed, errors, view } = useLoaderData<typeof loader>();
  const why = t("public.why", { returnObjects: true }) as string[];
  const error = (field: keyof ListErrors) => (errors[field] ? view_t(errors[field]!) : undefined);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary
          errors={(["by", "year"] as const).filter((f) => errors[f]).map((f) => ({ href: f === "by" ? "show-by" : "show-year", text: error(f)! }))}
        />
        <h1 className="govuk-heading-xl">{t("public.title")}</h1>
        <p className="govuk-body-l">{t("public.lede")}</p>

        <h2 className="govuk-heading-m">{t("public.whyHeading")}</h2>
        {why.map((p) => (
          <p className="govuk-body" key={p}>
            {p}
          </p>
        ))}

        <h2 className="govuk-heading-m">{t("public.howHeading")}</h2>
        <p className="govuk-body">{t("public.how")}</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>
            <Link className="govuk-link" to="/local-offer">
              {t("public.searchLink")}
            </Link>
          </li>
          <li>
            <a className="govuk-link" href={feedbackUrl("problem", "/you-said-we-did")}>
              {t("public.problemLink")}
            </a>
          </li>
          <li>
            <a className="govuk-link" href={feedbackUrl("missing", "/you-said-we-did")}>
              {t("public.missingLink")}
            </a>
          </li>
        </ul>

        {/* With nothing published there is nothing to choose, unless the address asked for something that does not exist. */}
        {years.length || !view ? (
          <>
            {years.length ? (
              <>
                <h2 className="govuk-heading-m">{t("public.reportsHeading")}</h2>
                <p className="govuk-body">{t("public.reportsIntro")}</p>
                <ul className="govuk-list">
                  {years.map((year) => (
                    <li key={year}>
                      <Link className="govuk-link" to={`/you-said-we-did/${year}`}>
                        {t("public.reportLink", { year })}
                      </Link>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}

            <Form method="get" action={YSWD_PATH} aria-labelledby="show-heading" preventScrollReset>
              <h2 className="govuk-heading-m" id="show-heading">
                {view_t("yswd.showHeading")}
              </h2>
              <Radios
                name="by"
                id="show-by"
                legend={view_t("yswd.byLegend")}
                legendSize="s"
                inline
                error={error("by")}
                defaultValue={errors.by ? undefined : typed.by || "theme"}
                choices={showByChoices.map((by) => ({ value: by, label: view_t(`yswd.by.${by}`) }))}
              />
              <Select
                name="year"
                id="show-year"
                label={view_t("yswd.yearLabel")}
                error={error("year")}
                defaultValue={errors.year ? "" : typed.year}
                options={[{ value: "", label: view_t("yswd.allYears") }, ...years.map((y) => ({ value: String(y), label: String(y) }))]}
              />
              <Button variant="secondary">{view_t("yswd.show")}</Button>
            </Form>

            {view ? (
              view.years.map(({ year, sections }) => (
                <section key={year} aria-labelledby={`year-${year}`}>
                  <h2 className="govuk-heading-l govuk-!-margin-top-8" id={`year-${year}`}>
                    {t("public.yearHeading", { year })}
                  </h2>
                  {sections.map((section) => (
                    <section key={section.key} aria-labelledby={`year-${year}-${section.key}`}>
                      <h3 className="govuk-heading-m" id={`year-${year}-${section.key}`}>
                        {section.kind === "theme" ? t(`themes.${section.theme}`) : section.groupName ?? view_t("yswd.noGroup")}
                      </h3>
                      <EntryList entries={section.entries} show={view.by === "group" ? "theme" : "group"} />
                    </section>
                  ))}
                </section>
              ))
            ) : (
              <p className="govuk-body">{view_t("yswd.fixChoice")}</p>
            )}
          </>
        ) : (
          <p className="govuk-body">{t("public.none")}</p>
        )}

        <PageFeedback />
      </div>
    </div>
  );
}
