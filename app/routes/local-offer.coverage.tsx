import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Button } from "~/components/button";
import { Select } from "~/components/forms/select";
import i18next from "~/i18n/i18next.server";
import { CoverageTableView } from "~/local-offer/coverage-table";
import { getCoverage } from "~/local-offer/coverage.server";
import { PageFeedback, pageFeedbackNamespaces } from "~/local-offer/page-feedback";

export const handle = { i18n: ["common", "local-offer-terms", "coverage", ...pageFeedbackNamespaces] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const t = await i18next.getFixedT(request, "coverage");
  const district = new URL(request.url).searchParams.get("district") ?? "";
  const { tables, districts } = await getCoverage(context.db, { district });
  const chosen = districts.find((d) => d.slug === district);
  return json({
    pageTitle: chosen ? t("public.titleFor", { district: chosen.name }) : t("public.title"),
    tables,
    districts,
    chosen: chosen ?? null,
    unknownDistrict: district !== "" && !chosen,
  });
}

export default function CoveragePage() {
  const { tables, districts, chosen, unknownDistrict } = useLoaderData<typeof loader>();
  const { t } = useTranslation("coverage");
  const { t: tc } = useTranslation("common");
  return (
    <>
      <Breadcrumbs
        items={[{ text: tc("breadcrumbs.home"), href: "/" }, { text: t("public.breadcrumb"), href: "/local-offer" }, { text: t("public.title") }]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{t("public.title")}</h1>
          <p className="govuk-body-l">{t("public.lead")}</p>
          <p className="govuk-body">{t("public.howToRead")}</p>
          <ul className="govuk-list govuk-list--bullet">
            <li>{t("public.rule.district")}</li>
            <li>{t("public.rule.need")}</li>
            <li>{t("public.rule.phase")}</li>
            <li>{t("public.rule.published")}</li>
          </ul>
          <p className="govuk-body">
            {t("public.gapExplained")} <strong className="govuk-tag govuk-tag--red">{t("table.gap")}</strong>
          </p>
          <p className="govuk-body">{t("public.gapMeaning")}</p>

          <Form method="get" className="govuk-!-margin-bottom-6">
            <Select
              name="district"
              label={t("filter.label")}
              defaultValue={chosen?.slug ?? ""}
              error={unknownDistrict ? t("filter.unknown") : undefined}
              options={[{ value: "", label: t("filter.all") }, ...districts.map((d) => ({ value: d.slug, label: d.name }))]}
            />
            <Button variant="secondary">{t("filter.submit")}</Button>
          </Form>
          {chosen ? (
            <p className="govuk-body">
              {t("filter.showing", { district: chosen.name })}{" "}
              <a className="govuk-link" href="/local-offer/coverage">
                {t("filter.showAll")}
              </a>
            </p>
          ) : null}
        </div>
      </div>

      {tables.map((table) => (
        <CoverageTableView key={table.broadArea} table={table} />
      ))}

      <PageFeedback />
    </>
  );
}
