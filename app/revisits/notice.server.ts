/**
 * The facts the notice and poster for families need, gathered for one re-visit, and
 * the QR code for the survey's address, drawn on the server as SVG (nothing is
 * fetched from anywhere, and it prints sharp at any size).
 */
import type { AppLoadContext } from "@remix-run/node";
import type { Kysely } from "kysely";
import qrcode from "qrcode";
import type { Database } from "../../db/schema";
import { resolveText } from "../i18n/content";
import i18next from "../i18n/i18next.server";
import { noticeText, surveyAddress, windowInWords, type NoticeFacts, type Translate } from "./notice";
import type { RevisitView } from "./revisits.server";
import { requireRevisit } from "./routes.server";
import { focusNumbers } from "./template";

export interface Notice extends NoticeFacts {
  title: string;
  slug: string;
  /** The QR code as an SVG document with role="img" and a <title> saying what it is and where it goes. */
  qrSvg: string;
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The survey's address as a QR code: black on white, a quiet zone of 4 modules, medium
 * error correction. An image to assistive technology, named by its <title> (`label`).
 */
export async function qrCodeSvg(text: string, label: string): Promise<string> {
  const svg = await qrcode.toString(text, {
    type: "svg",
    errorCorrectionLevel: "M",
    margin: 4,
  });
  const start = svg.indexOf("<svg ");
  const open = svg.indexOf(">", start);
  if (start === -1 || open === -1) throw new Error("qrcode did not return an SVG");
  const id = "survey-qr-title";
  return `${svg.slice(start, open)} role="img" aria-labelledby="${id}" focusable="false" class="app-qr__svg"><title id="${id}">${escapeXml(
    label
  )}</title>${svg.slice(open + 1)}`;
}

/** The origin the survey's printed address uses: PUBLIC_BASE_URL when set (behind a proxy), else the request's. */
export function publicOrigin(request: Request, env: Record<string, unknown> = process.env): string {
  const configured = typeof env.PUBLIC_BASE_URL === "string" ? env.PUBLIC_BASE_URL.trim() : "";
  if (/^https?:\/\/[^\s/]+/.test(configured)) return new URL(configured).origin;
  return new URL(request.url).origin;
}

export async function getNotice(
  db: Kysely<Database>,
  {
    revisit,
    origin,
    language,
    qrLabel,
  }: {
    revisit: RevisitView;
    origin: string;
    language: string;
    qrLabel: (url: string) => string;
  }
): Promise<Notice> {
  const area = await db.selectFrom("area").select(["name", "contact_email"]).orderBy("id").limit(1).executeTakeFirst();
  const numbers = focusNumbers(revisit.survey.definition);
  const concerns = numbers.length
    ? await db.selectFrom("area_of_concern").select(["number", "plain_title", "title"]).where("number", "in", numbers).execute()
    : [];
  const focuses = numbers
    .map((n) => concerns.find((c) => c.number === n))
    .filter((c) => c !== undefined)
    .map((c) => c.plain_title || c.title);
  const scheduled = revisit.survey.opensAt !== null && revisit.survey.closesAt !== null && revisit.survey.state !== "draft";
  const surveyUrl = surveyAddress(origin, revisit.survey.slug);
  return {
    title:
      resolveText(revisit.survey.definition.title, {
        language,
        format: "standard",
      })?.text ?? revisit.title,
    slug: revisit.survey.slug,
    estimatedMinutes: revisit.survey.definition.estimatedMinutes,
    areaName: area?.name ?? "",
    contactEmail: area?.contact_email ?? "",
    surveyUrl,
    opensAt: scheduled ? revisit.survey.opensAt! : revisit.timeline.opensAt,
    closesAt: scheduled ? revisit.survey.closesAt! : revisit.timeline.closesAt,
    scheduled,
    meetingWhen: revisit.meetingWhen,
    meetingWhere: revisit.meetingWhere,
    focuses,
    qrSvg: await qrCodeSvg(surveyUrl, qrLabel(surveyUrl)),
  };
}

/**
 * Everything the notice, poster and text version need for a request: the words are
 * made here, in the reader's language, so the page and the text say exactly the same.
 */
export async function loadNoticePage(request: Request, context: AppLoadContext, id: string | undefined) {
  const { revisit } = await requireRevisit(request, context, id, "revisits.manage");
  const language = await i18next.getLocale(request);
  const t = await i18next.getFixedT(request, "revisit-notice");
  const translate: Translate = (key, options) => t(key, options);
  const notice = await getNotice(context.db, {
    revisit,
    origin: publicOrigin(request),
    language,
    qrLabel: (url) => t("qrAlt", { url }),
  });
  const words = windowInWords(notice, language, translate);
  const text = noticeText(notice, language, translate);
  return {
    revisit,
    text,
    pageTitle: (key: "pageTitle" | "posterTitle") => t(key, { title: revisit.title }),
    data: {
      id: revisit.id,
      revisitTitle: revisit.title,
      notice: {
        areaName: notice.areaName,
        surveyUrl: notice.surveyUrl,
        opensAt: notice.opensAt.toISOString(),
        closesAt: notice.closesAt.toISOString(),
        opensWords: words.opens,
        closesWords: words.closes,
        scheduled: notice.scheduled,
        meetingWhen: notice.meetingWhen,
        meetingWhere: notice.meetingWhere,
        contactEmail: notice.contactEmail,
        focuses: notice.focuses,
        estimatedMinutes: notice.estimatedMinutes,
        qrSvg: notice.qrSvg,
      },
      text,
    },
  };
}
