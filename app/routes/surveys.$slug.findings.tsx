import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatFromSearch, publicFindingsPath } from "~/analysis/findings";
import { getPublishedFindings } from "~/analysis/findings.server";
import { FindingsView } from "~/analysis/findings-view";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "findings", "analysis", "surveys"] };

/**
 * What a survey found, for families (issue 7, point 6; docs/decisions/032-published-findings.md):
 * the snapshot taken when an officer published it, and nothing else; the not-found page when
 * nothing is published. Plain words, or easy read with `?format=easy-read` (a link, so it
 * works without JavaScript). Prints on its own.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const published = params.slug ? await getPublishedFindings(context.db, params.slug) : undefined;
  if (!published) throw await httpError(request, 404, "not-found");
  const format = formatFromSearch(new URL(request.url).searchParams);
  const { findings } = published;
  return json({
    pageTitle: format === "easy_read" ? findings.title.easyRead : findings.title.plain,
    slug: published.slug,
    findings,
    format,
    publishedAt: published.publishedAt.toISOString(),
  });
}

export default function SurveyFindings() {
  const { slug, findings, format, publishedAt } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <FindingsView findings={findings} format={format} publishedAt={publishedAt} otherFormatHref={publicFindingsPath(slug, format === "easy_read" ? "standard" : "easy_read")} />
      </div>
    </div>
  );
}
