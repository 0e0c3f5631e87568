/**
 * The shortlist lives in the visitor's own browser: a signed cookie holding
 * service slugs, nothing else. No account, and nothing about the visitor is
 * stored on the server. Signed so that a page never acts on a value the portal
 * did not write (the slugs are checked again on every read anyway).
 */
import type { AppLoadContext } from "@remix-run/node";
import type { Kysely } from "kysely";
import type { Cost, Database } from "../../db/schema";
import { signedCookie } from "../security/cookies.server";
import { PUBLIC_STATUS } from "./model";
import { parseShortlist, serialiseShortlist, type ShortlistNotice } from "./shortlist";

type CookieContext = Pick<AppLoadContext, "env" | "cookieSecrets">;

const NINETY_DAYS = 90 * 24 * 60 * 60;

function shortlistCookie(context: CookieContext) {
  return signedCookie(context, "shortlist", NINETY_DAYS);
}

/**
 * The slugs on the visitor's shortlist, in the order they were added. A
 * missing, tampered or malformed cookie reads as an empty list, never an error.
 * Pass the loader's `context` (its cookie secrets check the signature).
 */
export async function readShortlist(request: Request, context: CookieContext): Promise<string[]> {
  try {
    return parseShortlist(await shortlistCookie(context).parse(request.headers.get("cookie")));
  } catch {
    return [];
  }
}

/** The Set-Cookie header that keeps `slugs` (and clears the cookie when the list is empty). */
export async function commitShortlist(context: CookieContext, slugs: string[]): Promise<string> {
  const cookie = shortlistCookie(context);
  return slugs.length ? cookie.serialize(serialiseShortlist(slugs)) : cookie.serialize("", { maxAge: 0 });
}

// ---- A one-time message after a change made without JavaScript -----------------

// Short-lived and separate from the staff flash: it is only read by the
// service page and the shortlist page, so the action sets it only when going back to one of them.
function noticeCookie(context: CookieContext) {
  return signedCookie(context, "shortlist-notice", 60);
}

export function setShortlistNotice(context: CookieContext, notice: ShortlistNotice): Promise<string> {
  return noticeCookie(context).serialize(notice);
}

/** The message waiting for this page, if any, and the header that clears it. */
export async function readShortlistNotice(
  request: Request,
  context: CookieContext,
): Promise<{ notice: ShortlistNotice | null; clear: string | null }> {
  const cookie = noticeCookie(context);
  const header = request.headers.get("cookie");
  if (!header?.includes("shortlist-notice=")) return { notice: null, clear: null };
  let value: unknown;
  try {
    value = await cookie.parse(header);
  } catch {
    value = null;
  }
  return { notice: asNotice(value), clear: await cookie.serialize("", { maxAge: 0 }) };
}

function asNotice(value: unknown): ShortlistNotice | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  if ((v.message === "added" || v.message === "removed") && typeof v.name === "string") return { message: v.message, name: v.name };
  if (v.message === "full") return { message: "full" };
  if (v.message === "saved" && typeof v.count === "number") return { message: "saved", count: v.count };
  return null;
}

/** Names of published, not hidden services by slug (for the action's messages and checks). */
export async function publishedNames(db: Kysely<Database>, { slugs }: { slugs: string[] }): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  const rows = await db
    .selectFrom("service")
    .select(["slug", "name"])
    .where("slug", "in", slugs)
    .where("status", "=", PUBLIC_STATUS)
    .where("hidden_at", "is", null)
    .execute();
  return new Map(rows.map((r) => [r.slug, r.name]));
}

export interface ShortlistedService {
  id: string;
  slug: string;
  name: string;
  summary: string;
  organisationName: string;
  ageMin: number;
  ageMax: number;
  cost: Cost;
  costDetail: string;
  email: string;
  phone: string;
  website: string;
  lastReviewedAt: Date | null;
  contacts: { name: string; title: string; email: string; phone: string }[];
  addresses: { name: string; address1: string; city: string; postcode: string }[];
}

/**
 * The published, not hidden services among `slugs`, in the list's order, with
 * what a family needs to compare and contact them. Slugs of services that are
 * gone, drafts or hidden are simply not in the answer.
 */
export async function listShortlistedServices(db: Kysely<Database>, { slugs }: { slugs: string[] }): Promise<ShortlistedService[]> {
  if (slugs.length === 0) return [];
  const services = await db
    .selectFrom("service")
    .innerJoin("organisation", "organisation.id", "service.organisation_id")
    .select([
      "service.id",
      "service.slug",
      "service.name",
      "service.summary",
      "organisation.name as organisation_name",
      "service.age_min",
      "service.age_max",
      "service.cost",
      "service.cost_detail",
      "service.email",
      "service.phone",
      "service.website",
      "service.last_reviewed_at",
    ])
    .where("service.slug", "in", slugs)
    .where("service.status", "=", PUBLIC_STATUS)
    .where("service.hidden_at", "is", null)
    .execute();
  if (services.length === 0) return [];
  const ids = services.map((s) => s.id);
  const [contacts, addresses] = await Promise.all([
    db
      .selectFrom("service_contact")
      .select(["service_id", "name", "title", "email", "phone"])
      .where("service_id", "in", ids)
      .orderBy("position")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("service_at_location")
      .innerJoin("location", "location.id", "service_at_location.location_id")
      .select(["service_at_location.service_id", "location.name", "location.address_1", "location.city", "location.postcode"])
      .where("service_at_location.service_id", "in", ids)
      .orderBy("location.name")
      .execute(),
  ]);
  const bySlug = new Map(services.map((s) => [s.slug, s]));
  return slugs.flatMap((slug) => {
    const s = bySlug.get(slug);
    if (!s) return [];
    return [
      {
        id: s.id,
        slug: s.slug,
        name: s.name,
        summary: s.summary,
        organisationName: s.organisation_name,
        ageMin: s.age_min,
        ageMax: s.age_max,
        cost: s.cost,
        costDetail: s.cost_detail,
        email: s.email,
        phone: s.phone,
        website: s.website,
        lastReviewedAt: s.last_reviewed_at ? new Date(s.last_reviewed_at) : null,
        contacts: contacts.filter((c) => c.service_id === s.id).map(({ name, title, email, phone }) => ({ name, title, email, phone })),
        addresses: addresses
          .filter((a) => a.service_id === s.id)
          .map((a) => ({ name: a.name, address1: a.address_1, city: a.city, postcode: a.postcode })),
      },
    ];
  });
}
