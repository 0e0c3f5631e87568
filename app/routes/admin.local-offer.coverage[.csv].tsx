import type { LoaderFunctionArgs } from "@remix-run/node";
import type { BroadArea, Phase } from "../../db/schema";
import { requireUser } from "~/auth/session.server";
import i18next from "~/i18n/i18next.server";
import { coverageCsv, coverageFilename, ukDateOf } from "~/local-offer/coverage";
import { getCoverage } from "~/local-offer/coverage.server";
import { broadAreas, phases } from "~/local-offer/model";

/** The coverage matrix as a spreadsheet (a resource route: no page). Labels in the officer's language. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "local-offer.insights");
  const { tables } = await getCoverage(context.db);
  const t = await i18next.getFixedT(request, "coverage");
  const terms = await i18next.getFixedT(request, "local-offer-terms");
  const csv = coverageCsv(tables, {
    district: t("table.district"),
    broadArea: t("admin.csv.broadArea"),
    broadAreas: Object.fromEntries(broadAreas.map((a) => [a, terms(`broadAreas.${a}`)])) as Record<BroadArea, string>,
    phases: Object.fromEntries(phases.map((p) => [p, terms(`phases.${p}`)])) as Record<Phase, string>,
  });
  // A byte order mark so spreadsheet programs read the file as UTF-8 (Urdu and Polish labels).
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${coverageFilename(ukDateOf(context.now()))}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
