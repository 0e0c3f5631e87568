import type { AppLoadContext } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import type { ServiceStatus } from "../../db/schema";
import { seedDemoArea } from "../../db/seed/area";
import { csrfPair, makeContext } from "../../tests/setup/context";
import { describeDb } from "../../tests/setup/database";
import * as route from "../routes/local-offer.shortlist";
import { createService } from "./content.server";
import { emptyServiceContent } from "./model";
import { commitShortlist, listShortlistedServices, readShortlist } from "./shortlist.server";

/** "name=value" of each Set-Cookie header, by name. */
function cookiesOf(response: Response): Map<string, string> {
  const map = new Map<string, string>();
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(";")[0]!;
    map.set(pair.slice(0, pair.indexOf("=")), pair);
  }
  return map;
}

async function run(fn: () => Promise<unknown>): Promise<Response> {
  try {
    const result = await fn();
    if (result instanceof Response) return result;
    throw new Error("expected a Response");
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("the shortlist cookie", () => {
  const context = makeContext({} as never);
  const request = (cookie: string) => new Request("http://localhost/", { headers: { cookie } });

  it("reads back what it wrote, signed, httpOnly, SameSite=Lax, for 90 days", async () => {
    const header = await commitShortlist(context, ["a-club", "b-club"]);
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    expect(header).toMatch(/Max-Age=7776000/);
    expect(header).not.toMatch(/Secure/); // only in production
    expect(await readShortlist(request(header.split(";")[0]!), context)).toEqual(["a-club", "b-club"]);
  });

  it("is Secure in production", async () => {
    const production = { ...context, env: { ...context.env, NODE_ENV: "production" as const } };
    expect(await commitShortlist(production, ["a"])).toMatch(/Secure/);
  });

  it("reads a missing, forged or garbled cookie as an empty list", async () => {
    const other = { ...context, cookieSecrets: ["another-secret-that-is-long-enough-01234567"] };
    const forged = (await commitShortlist(other, ["a"])).split(";")[0]!;
    for (const cookie of ["", forged, "shortlist=%%%", "shortlist=eyJ4Ijox.bad"]) {
      expect(await readShortlist(request(cookie), context), cookie).toEqual([]);
    }
  });

  it("clears itself when the list is empty", async () => {
    expect(await commitShortlist(context, [])).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
  });
});

describeDb("the shortlist (queries and the page's action)", ({ db }) => {
  let context: AppLoadContext;
  let csrf: { cookie: string; token: string };

  beforeAll(async () => {
    await seedDemoArea(db());
    context = makeContext(db());
    csrf = await csrfPair(context);
    const org = await db().insertInto("organisation").values({ name: "Shortlist test org" }).returning("id").executeTakeFirstOrThrow();
    const make = async (slug: string, name: string, status: ServiceStatus, hidden = false) => {
      const id = await db()
        .transaction()
        .execute((trx) =>
          createService(trx, {
            slug,
            organisationId: org.id,
            status,
            content: {
              ...emptyServiceContent(),
              name,
              summary: `${name} summary`,
              ageMin: 5,
              ageMax: 11,
              email: `${slug}@example.org`,
              contacts: [{ name: "Co-ordinator", title: "", email: "", phone: "01282 111111" }],
              locations: [{ name: "Hall", address1: "1 Street", city: "Burnley", postcode: "BB1 1AA", district: "burnley", accessibility: [], accessibilityDescription: "" }],
            },
          }),
        );
      if (hidden) await db().updateTable("service").set({ hidden_at: new Date() }).where("id", "=", id).execute();
    };
    await make("sl-one", "Shortlist One", "published");
    await make("sl-two", "Shortlist Two", "published");
    await make("sl-draft", "Shortlist Draft", "draft");
    await make("sl-hidden", "Shortlist Hidden", "published", true);
  });

  it("lists the published services on a list, in the list's order, with contact details and addresses", async () => {
    const services = await listShortlistedServices(db(), { slugs: ["sl-two", "sl-draft", "nope", "sl-hidden", "sl-one"] });
    expect(services.map((s) => s.slug)).toEqual(["sl-two", "sl-one"]);
    expect(services[0]).toMatchObject({
      name: "Shortlist Two",
      summary: "Shortlist Two summary",
      organisationName: "Shortlist test org",
      ageMin: 5,
      ageMax: 11,
      cost: "free",
      email: "sl-two@example.org",
      lastReviewedAt: null,
      contacts: [{ name: "Co-ordinator", title: "", email: "", phone: "01282 111111" }],
      addresses: [{ name: "Hall", address1: "1 Street", city: "Burnley", postcode: "BB1 1AA" }],
    });
    expect(await listShortlistedServices(db(), { slugs: [] })).toEqual([]);
  });

  function post(fields: Record<string, string>, cookie = "") {
    const body = new URLSearchParams({ csrf: csrf.token, ...fields });
    const request = new Request("http://localhost/local-offer/shortlist", {
      method: "POST",
      headers: { cookie: [csrf.cookie, cookie].filter(Boolean).join("; "), "content-type": "application/x-www-form-urlencoded" },
      body,
    });
    return run(async () => route.action({ request, context, params: {} }));
  }

  function get(path: string, cookie = "") {
    const request = new Request(`http://localhost${path}`, { headers: { cookie } });
    return run(async () => route.loader({ request, context, params: {} }));
  }

  it("adds a service without JavaScript: back where the visitor was, with the list in the cookie and a message", async () => {
    const response = await post({ intent: "add", slug: "sl-one", returnTo: "/local-offer/services/sl-one" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/local-offer/services/sl-one");
    const cookies = cookiesOf(response);
    const page = await get("/local-offer/shortlist", [cookies.get("shortlist"), cookies.get("shortlist-notice")].join("; "));
    const data = await page.json();
    expect(data.services.map((s: { slug: string }) => s.slug)).toEqual(["sl-one"]);
    expect(data.notice).toEqual({ message: "added", name: "Shortlist One" });
    expect(data.shareUrl).toBe("http://localhost/local-offer/shortlist?services=sl-one");
  });

  it("answers JavaScript's request with data instead of a redirect", async () => {
    const response = await post({ intent: "add", slug: "sl-two", returnTo: "/local-offer?q=autism", js: "1" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ notice: { message: "added", name: "Shortlist Two" }, shortlisted: true });
    expect(cookiesOf(response).has("shortlist")).toBe(true);
    expect(cookiesOf(response).has("shortlist-notice")).toBe(false);
  });

  it("removes a service and keeps the rest in order", async () => {
    const start = (await commitShortlist(context, ["sl-one", "sl-two"])).split(";")[0]!;
    const response = await post({ intent: "remove", slug: "sl-one", returnTo: "/local-offer/shortlist" }, start);
    expect(response.headers.get("location")).toBe("/local-offer/shortlist");
    const request = new Request("http://localhost/", { headers: { cookie: cookiesOf(response).get("shortlist")! } });
    expect(await readShortlist(request, context)).toEqual(["sl-two"]);
  });

  it("goes back only to a path on this site, and leaves no message for pages that do not show it", async () => {
    for (const returnTo of ["//evil.example/", "https://evil.example/", "/\\evil.example"]) {
      const response = await post({ intent: "add", slug: "sl-one", returnTo });
      expect(response.headers.get("location"), returnTo).toBe("/local-offer/shortlist");
    }
    const search = await post({ intent: "add", slug: "sl-one", returnTo: "/local-offer?q=swim" });
    expect(search.headers.get("location")).toBe("/local-offer?q=swim");
    expect(cookiesOf(search).has("shortlist-notice")).toBe(false);
  });

  it("refuses what families cannot see or what is not a slug, and a form without its CSRF token", async () => {
    expect((await post({ intent: "add", slug: "sl-draft" })).status).toBe(404);
    expect((await post({ intent: "add", slug: "sl-hidden" })).status).toBe(404);
    expect((await post({ intent: "add", slug: "../../etc/passwd" })).status).toBe(400);
    expect((await post({ intent: "explode", slug: "sl-one" })).status).toBe(400);
    const request = new Request("http://localhost/local-offer/shortlist", {
      method: "POST",
      headers: { cookie: csrf.cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "add", slug: "sl-one" }),
    });
    expect((await run(async () => route.action({ request, context, params: {} }))).status).toBe(403);
  });

  it("shows a shared link read-only and says how many of its services are no longer listed", async () => {
    const page = await get("/local-offer/shortlist?services=sl-two,sl-draft,sl-one,NOT_A_SLUG,sl-gone");
    const data = await page.json();
    expect(data.shared).toBe(true);
    expect(data.pageTitle).toBe("A shortlist someone shared with you");
    expect(data.services.map((s: { slug: string }) => s.slug)).toEqual(["sl-two", "sl-one"]);
    expect(data.skipped).toBe(3);
    expect(data.sharedSlugs).toBe("sl-two,sl-one");
  });

  it("saves a shared list by adding it to one's own, or replacing it", async () => {
    const mine = (await commitShortlist(context, ["sl-two"])).split(";")[0]!;
    const merged = await post({ intent: "merge", services: "sl-one,sl-two,sl-draft" }, mine);
    expect(merged.headers.get("location")).toBe("/local-offer/shortlist");
    const after = await get("/local-offer/shortlist", [...cookiesOf(merged).values()].join("; "));
    const data = await after.json();
    expect(data.services.map((s: { slug: string }) => s.slug)).toEqual(["sl-two", "sl-one"]);
    expect(data.notice).toEqual({ message: "saved", count: 2 });

    const replaced = await post({ intent: "replace", services: "sl-one" }, mine);
    const request = new Request("http://localhost/", { headers: { cookie: cookiesOf(replaced).get("shortlist")! } });
    expect(await readShortlist(request, context)).toEqual(["sl-one"]);
  });
});
