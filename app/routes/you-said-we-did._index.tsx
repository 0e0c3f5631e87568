import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { feedbackUrl } from "~/feedback/forms";
import { EntryList } from "~/feedback/entry-list";
import { groupByYearAndTheme } from "~/feedback/you-said-we-did";
import { listPublishedEntries } from "~/feedback/you-said-we-did.server";
import i18next from "~/i18n/i18next.server";
import { PageFeedback, pageFeedbackNamespaces } from "~/local-offer/page-feedback";

/** "You said, we did": published comments on the local offer and the area's response (reg. 56). */
export const handle = { i18n: ["common", "you-said-we-did", ...pageFeedbackNamespaces] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const t = await i18next.getFixedT(request, "you-said-we-did");
  const entries = await listPublishedEntries(context.db);
  const years = groupByYearAndTheme(
    entries.map(({ id, year, theme, you_said, we_did, action, group_name, cosigned_as }) => ({
      id,
      year,
      theme,
      you_said,
      we_did,
      action,
      group_name,
      cosigned_as,
    })),
  );
  return json({ pageTitle: t("public.title"), years });
}

export default function YouSaidWeDid() {
  const { t } = useTranslation("you-said-we-did");
  const { years } = useLoaderData<typeof loader>();
  const why = t("public.why", { returnObjects: true }) as string[];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
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

        {years.length ? (
          <>
            <h2 className="govuk-heading-m">{t("public.reportsHeading")}</h2>
            <p className="govuk-body">{t("public.reportsIntro")}</p>
            <ul className="govuk-list">
              {years.map(({ year }) => (
                <li key={year}>
                  <Link className="govuk-link" to={`/you-said-we-did/${year}`}>
                    {t("public.reportLink", { year })}
                  </Link>
                </li>
              ))}
            </ul>
            {years.map(({ year, themes }) => (
              <section key={year} aria-labelledby={`year-${year}`}>
                <h2 className="govuk-heading-l govuk-!-margin-top-8" id={`year-${year}`}>
                  {t("public.yearHeading", { year })}
                </h2>
                {themes.map(({ theme, entries }) => (
                  <section key={theme} aria-labelledby={`year-${year}-${theme}`}>
                    <h3 className="govuk-heading-m" id={`year-${year}-${theme}`}>
                      {t(`themes.${theme}`)}
                    </h3>
                    <EntryList entries={entries} />
                  </section>
                ))}
              </section>
            ))}
          </>
        ) : (
          <p className="govuk-body">{t("public.none")}</p>
        )}

        <PageFeedback />
      </div>
    </div>
  );
}
