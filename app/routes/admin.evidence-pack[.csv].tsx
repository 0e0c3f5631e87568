import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/auth/audit.server";
import { requireUser } from "~/auth/session.server";
import { EVIDENCE_PACK_PATH, packCsv, packFilename, parsePackQuery } from "~/evidence/evidence";
import { getEvidencePack, listAreasForPack } from "~/evidence/evidence.server";
import i18next from "~/i18n/i18next.server";
import { instantToUkLocal } from "~/surveys/uk-time";
import { formatDate } from "~/utils/dates";

/**
 * The evidence pack as one spreadsheet (a resource route: no page), with the page's
 * suppression and exclusions and its words in the officer's language. A period or area
 * that cannot be read goes back to the page, which explains what is wrong. Each download
 * is recorded: the file leaves the portal.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, "evidence-pack.read");
  const url = new URL(request.url);
  const areas = await listAreasForPack(context.db);
  const parsed = parsePackQuery(url.searchParams, { today: instantToUkLocal(context.now()).date, areas: areas.map((a) => a.number) });
  if (!parsed.ok) return redirect(`${EVIDENCE_PACK_PATH}${url.search}`);
  const { query } = parsed;
  const pack = await getEvidencePack(context.db, query);
  const language = await i18next.getLocale(request);
  const t = await i18next.getFixedT(request, "evidence-pack");
  const wg = await i18next.getFixedT(request, "working-groups");
  const copro = await i18next.getFixedT(request, "co-production");
  const feedback = await i18next.getFixedT(request, "feedback");
  const yswd = await i18next.getFixedT(request, "you-said-we-did");
  const day = (date: string) => formatDate(`${date}T12:00:00Z`, language);
  const csv = packCsv(pack, {
    fewerThan: { fewer: t("fewerThan", { threshold: pack.threshold }), notShown: t("notShown") },
    area: (area) => t("area.csv", { number: area.number, title: area.title }),
    sections: {
      summary: t("csv.summary"),
      task: t("csv.task"),
      update: t("csv.update"),
      activity: t("csv.activity"),
      feedbackStatus: t("csv.feedbackStatus"),
      feedbackTheme: t("csv.feedbackTheme"),
      entry: t("csv.entry"),
    },
    summary: {
      actions: t("summary.actions"),
      tasks: t("summary.tasks"),
      updates: t("summary.updates"),
      activities: t("summary.activities"),
      entries: t("summary.entries"),
      feedbackLinked: t("summary.feedbackLinked"),
      feedbackUnlinked: t("summary.feedbackUnlinked"),
      feedbackAll: t("summary.feedbackAll"),
    },
    rag: (rag) => wg(`rag.${rag}`),
    status: (status) => feedback(`steps.${status}`),
    total: t("area.total"),
    noTheme: t("area.noTheme"),
    activity: (a) =>
      t("csv.activityDetail", {
        type: copro(`types.${a.type}`),
        level: t(a.levelConfirmed ? "area.levelConfirmed" : "area.levelUnconfirmed", { level: copro(`levels.${a.level}`) }),
        changed: a.whatChanged,
        told: a.toldOn ? t("area.toldOn", { date: day(a.toldOn), how: a.toldHow }) : t("area.notTold"),
      }),
    entry: (e) => t("csv.entryDetail", { weDid: e.weDid, theme: yswd(`themes.${e.theme}`) }),
    noArea: t("csv.noArea"),
  });
  await recordAudit(context.db, {
    userId: user.id,
    action: "evidence-pack.downloaded",
    subjectType: "evidence_pack",
    details: { from: query.from, to: query.to, area: query.area },
    requestId: context.requestId,
  });
  // A byte order mark so spreadsheet programs read the file as UTF-8 (Urdu and Polish labels).
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${packFilename(query)}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
