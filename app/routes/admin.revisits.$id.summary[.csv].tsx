import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { labelWords } from "~/analysis/distribution";
import { recordAudit } from "~/auth/audit.server";
import i18next from "~/i18n/i18next.server";
import { byFor, requireRevisit, revisitPath } from "~/revisits/routes.server";
import { getRevisitSummary, summaryCsv } from "~/revisits/summary.server";
import { instantToUkLocal } from "~/surveys/uk-time";

/**
 * The summary for inspectors as a spreadsheet (a resource route: no page). Only once
 * the survey has closed; before that the summary page has only counts so far. Each
 * download is recorded: the file leaves the portal.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, revisit } = await requireRevisit(request, context, params.id, "revisits.summary");
  const language = await i18next.getLocale(request);
  const summary = await getRevisitSummary(context.db, { revisit, language });
  if (!summary.closed) return redirect(revisitPath(revisit.id, "summary"));
  const t = await i18next.getFixedT(request, "revisit-summary");
  const csv = summaryCsv(summary, {
    label: (label) => labelWords(t, label),
    fewerThan: { fewer: t("revisit-summary:fewerThan", { threshold: summary.threshold }), notShown: t("revisit-summary:notShown") },
    sections: {
      responses: t("revisit-summary:csv.responses"),
      breakdown: t("revisit-summary:csv.breakdown"),
      question: t("revisit-summary:csv.question"),
      freeText: t("revisit-summary:csv.freeText"),
    },
    submitted: t("revisit-summary:counts.submitted"),
    started: t("revisit-summary:counts.started"),
    total: t("revisit-summary:total"),
    heldBack: t("revisit-summary:csv.heldBack", {
      threshold: summary.threshold,
    }),
  });
  await recordAudit(context.db, {
    userId: user.id,
    action: "revisit.summary-downloaded",
    subjectType: "revisit",
    subjectId: revisit.id,
    details: { surveyId: revisit.survey.id },
    requestId: byFor(user, context).requestId,
  });
  const { date } = instantToUkLocal(context.now());
  // A byte order mark so spreadsheet programs read the file as UTF-8.
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="summary-${revisit.survey.slug}-${date}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
