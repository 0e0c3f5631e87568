import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import i18next from "~/i18n/i18next.server";
import { isLanguage } from "~/i18n/config";
import { Instant } from "~/surveys/journey-parts";
import { showText } from "~/surveys/question-field";
import { listPublicSurveys } from "~/surveys/responses.server";
import { listPublishedFindings } from "~/analysis/findings.server";
import { publicFindingsPath } from "~/analysis/findings";
import { formatDate } from "~/utils/dates";

/** Surveys open now, and those opening soon, for parents and carers, young people and practitioners. */
export const handle = { i18n: ["common", "surveys", "findings"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const t = await i18next.getFixedT(request, "surveys");
  const detected = await i18next.getLocale(request);
  const reader = { language: isLanguage(detected) ? detected : "en-GB", format: "standard" as const };
  const surveys = (await listPublicSurveys(context.db, context.now()))
    .filter((s) => s.access === "open_link" && s.definition)
    .map((s) => ({
      slug: s.slug,
      audience: s.audience,
      state: s.state,
      title: showText(s.definition!.title, reader)!,
      purpose: showText(s.definition!.purpose, reader)!,
      minutes: s.definition!.estimatedMinutes,
      opensAt: s.opensAt?.toISOString() ?? null,
      closesAt: s.closesAt?.toISOString() ?? null,
    }));
  // Findings are written in English by officers (docs/decisions/032): marked when the page is not.
  const findings = (await listPublishedFindings(context.db)).map((f) => ({
    slug: f.slug,
    title: f.title.plain,
    survey: showText(f.survey.title, reader)!,
    publishedAt: f.publishedAt.toISOString(),
  }));
  return json({ pageTitle: t("list.title"), surveys, findings, language: reader.language });
}

export default function Surveys() {
  const { t } = useTranslation("surveys");
  const { surveys, findings, language } = useLoaderData<typeof loader>();
  const findingsWords = useTranslation("findings").t;
  const open = surveys.filter((s) => s.state === "open");
  const soon = surveys.filter((s) => s.state === "scheduled");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{t("list.title")}</h1>
        <p className="govuk-body-l">{t("list.lede")}</p>
        <h2 className="govuk-heading-l">{t("list.openHeading")}</h2>
        {open.length === 0 ? <p className="govuk-body">{t("list.noneOpen")}</p> : null}
        {open.map((s) => (
          <section key={s.slug} className="portal-survey-card" aria-labelledby={`survey-${s.slug}`}>
            <h3 className="govuk-heading-m" id={`survey-${s.slug}`}>
              <Link className="govuk-link" to={`/surveys/${s.slug}`} lang={s.title.lang} dir={s.title.dir}>
                {s.title.text}
              </Link>
            </h3>
            <p className="govuk-body" lang={s.purpose.lang} dir={s.purpose.dir}>
              {s.purpose.text}
            </p>
            <p className="govuk-body-s">
              {t(`list.for.${s.audience}`)} · {t("start.minutes", { count: s.minutes })} · {t("start.closes")} <Instant value={s.closesAt!} />
            </p>
          </section>
        ))}
        {soon.length ? (
          <>
            <h2 className="govuk-heading-l">{t("list.soonHeading")}</h2>
            <ul className="govuk-list">
              {soon.map((s) => (
                <li key={s.slug}>
                  <Link className="govuk-link" to={`/surveys/${s.slug}`} lang={s.title.lang} dir={s.title.dir}>
                    {s.title.text}
                  </Link>{" "}
                  – {t("start.notYetOpen")} <Instant value={s.opensAt!} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {findings.length ? (
          <section aria-labelledby="earlier-findings">
            <h2 className="govuk-heading-l" id="earlier-findings">
              {findingsWords("public.list.heading")}
            </h2>
            <p className="govuk-body">{findingsWords("public.list.intro")}</p>
            <ul className="govuk-list app-findings-list">
              {findings.map((f) => (
                <li key={f.slug}>
                  <Link className="govuk-link govuk-!-font-weight-bold" to={publicFindingsPath(f.slug)} lang={language === "en-GB" ? undefined : "en-GB"}>
                    {f.title}
                  </Link>
                  <br />
                  <span className="govuk-body-s">
                    <span lang={f.survey.lang} dir={f.survey.dir}>
                      {f.survey.text}
                    </span>{" "}
                    · {findingsWords("public.list.published", { date: formatDate(f.publishedAt, language) })}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </div>
  );
}
