import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoArea } from "../../db/seed/area";
import { describeDb } from "../../tests/setup/database";
import { timestamp } from "../area/changes.server";
import { createService } from "./content.server";
import { emptyServiceContent, type ServiceContent } from "./model";
import { listUnmetSearches } from "./search-log.server";
import { parseSearchQuery, type SearchQuery } from "./search-query";
import { editDistance, loadSearchVocabulary, searchServices, vocabularySlugs, type SearchResults } from "./search.server";

describe("editDistance", () => {
  it("counts a swap of neighbouring letters as one slip", () => {
    expect(editDistance("autsim", "autism")).toBe(1);
    expect(editDistance("autism", "autism")).toBe(0);
    expect(editDistance("speach", "speech")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });
});

describeDb("searching the local offer", ({ db }) => {
  const reviewed = new Date("2026-10-01T09:00:00Z");
  let vocabularyOptions: ReturnType<typeof vocabularySlugs>;

  /** A search as the page makes it: from a query string. Not logged unless asked. */
  async function search(queryString: string, options: { pageSize?: number; log?: boolean; now?: Date } = {}): Promise<SearchResults> {
    const parsed = parseSearchQuery(new URLSearchParams(queryString), vocabularyOptions);
    expect(parsed.problems).toEqual([]);
    return searchServices(db(), parsed.query, { log: false, ...options });
  }
  const names = (results: SearchResults) => results.results.map((r) => r.name);

  async function add(slug: string, content: Partial<ServiceContent>, status: "published" | "draft" | "awaiting_approval" = "published") {
    const organisation = await db()
      .insertInto("organisation")
      .values({ name: `${content.name} (organisation)` })
      .returning("id")
      .executeTakeFirstOrThrow();
    const id = await db()
      .transaction()
      .execute((trx) => createService(trx, { slug, organisationId: organisation.id, status, content: { ...emptyServiceContent(), ...content } }));
    await db().updateTable("service").set({ last_reviewed_at: reviewed }).where("id", "=", id).execute();
    return id;
  }

  beforeAll(async () => {
    await seedDemoArea(db());
    vocabularyOptions = vocabularySlugs(await loadSearchVocabulary(db()));
    await add("burnley-autism-family-group", {
      name: "Burnley Autism Family Group",
      summary: "Friendly Saturday sessions for families.",
      description: "Play, crafts and a quiet room.",
      ageMin: 5,
      ageMax: 11,
      needs: ["autism"],
      districts: ["burnley"],
      categories: ["activities"],
      cost: "free",
      delivery: ["in_person"],
    });
    await add("chorley-speech-clinic", {
      name: "Chorley Speech and Language Therapy Clinic",
      summary: "Assessment and therapy for young children who find talking hard.",
      ageMin: 0,
      ageMax: 4,
      needs: ["speech-language-communication"],
      districts: ["chorley"],
      categories: ["health"],
      cost: "charge",
      costDetail: "£20 a session",
      delivery: ["in_person", "online"],
    });
    await add("pendle-youth-club", {
      name: "Pendle Inclusive Youth Club",
      summary: "Evening youth club with trained staff.",
      ageMin: 11,
      ageMax: 19,
      needs: ["adhd", "social-emotional"],
      districts: ["pendle"],
      categories: ["activities"],
      cost: "varies",
      delivery: ["in_person"],
    });
    await add("family-information-line", {
      name: "Lancashire Family Information Line",
      summary: "Advice by phone for parents and carers of children with SEND, including autism and ADHD.",
      ageMin: 0,
      ageMax: 25,
      needs: ["autism", "adhd"],
      wholeArea: true,
      categories: ["advice"],
      cost: "free",
      delivery: ["phone", "online"],
    });
    // Ranking: the made-up word "quokka" is in one name and in another's description only.
    await add("quokka-sensory-room", {
      name: "Quokka Sensory Room",
      summary: "A calm room with lights and sounds.",
      ageMin: 0,
      ageMax: 25,
      districts: ["preston"],
      categories: ["activities"],
    });
    await add("preston-drop-in", {
      name: "Preston Drop-in",
      summary: "Drop in for a chat.",
      description: "Our mascot is a quokka called Quin; the quokka stickers are popular.",
      ageMin: 0,
      ageMax: 25,
      districts: ["preston"],
      categories: ["advice"],
    });
    // Never found: hidden, draft, awaiting approval.
    const hidden = await add("hidden-autism-service", { name: "Hidden Autism Service", needs: ["autism"], districts: ["burnley"] });
    await db().updateTable("service").set({ hidden_at: reviewed, hidden_reason: "Out of date" }).where("id", "=", hidden).execute();
    await add("draft-autism-service", { name: "Draft Autism Service", needs: ["autism"], districts: ["burnley"] }, "draft");
    await add("waiting-autism-service", { name: "Waiting Autism Service", needs: ["autism"], districts: ["burnley"] }, "awaiting_approval");
  });

  it("finds a service by its name and need, with what the results list shows", async () => {
    const results = await search("q=autism&age=7&district=burnley");
    expect(names(results)).toEqual(["Burnley Autism Family Group", "Lancashire Family Information Line"]);
    expect(results).toMatchObject({ total: 2, page: 1, totalPages: 1, expandedTerms: [{ matched: "autism" }] });
    expect(results.correctedQuery).toBeUndefined();
    expect(results.results[0]).toEqual({
      id: expect.any(String),
      slug: "burnley-autism-family-group",
      name: "Burnley Autism Family Group",
      summary: "Friendly Saturday sessions for families.",
      organisationName: "Burnley Autism Family Group (organisation)",
      ageMin: 5,
      ageMax: 11,
      cost: "free",
      costDetail: "",
      delivery: ["in_person"],
      wholeArea: false,
      districts: ["Burnley"],
      needs: ["Autism"],
      lastReviewedAt: reviewed,
    });
    expect(results.results[1]).toMatchObject({ wholeArea: true, districts: [], needs: ["Autism", "ADHD"] });
  });

  it("never finds hidden, draft or unapproved services", async () => {
    const all = await search("", { pageSize: 100 });
    expect(all.total).toBe(6);
    expect(names(await search("q=autism", { pageSize: 100 }))).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/Hidden|Draft|Waiting/)]),
    );
    expect((await search("q=hidden")).total).toBe(0);
    expect((await search("q=draft")).total).toBe(0);
  });

  it("finds other forms of a word (stemming): 'clubs' finds a club", async () => {
    expect(names(await search("q=youth clubs"))).toEqual(["Pendle Inclusive Youth Club"]);
    expect(names(await search("q=evenings"))).toEqual(["Pendle Inclusive Youth Club"]);
    expect(names(await search("q=Sessions"))).toEqual(["Burnley Autism Family Group"]);
  });

  it("finds services by synonyms and says what it also searched for", async () => {
    const asd = await search("q=asd");
    expect(names(asd)).toContain("Burnley Autism Family Group");
    expect(asd.expandedTerms).toEqual([expect.objectContaining({ matched: "asd", explanation: "Autism" })]);
    expect(asd.expandedTerms[0]!.alsoSearched).toEqual(expect.arrayContaining(["autism", "autistic"]));

    const salt = await search("q=SALT");
    expect(names(salt)).toEqual(["Chorley Speech and Language Therapy Clinic"]);
    expect(names(await search("q=speech therapy"))).toEqual(["Chorley Speech and Language Therapy Clinic"]);
  });

  it("needs every word to match, so more words narrow the search", async () => {
    expect(names(await search("q=autism burnley"))).toEqual(["Burnley Autism Family Group"]);
    expect((await search("q=autism chorley")).total).toBe(0);
  });

  it("corrects a misspelt word and says what it searched for instead", async () => {
    const results = await search("q=autsim");
    expect(results.correctedQuery).toBe("autism");
    expect(names(results)).toContain("Burnley Autism Family Group");
    expect(results.expandedTerms[0]).toMatchObject({ matched: "autism" });

    const two = await search("q=autsim burnly");
    expect(two.correctedQuery).toBe("autism burnley");
    expect(names(two)).toEqual(["Burnley Autism Family Group"]);
  });

  it("does not pretend: a word like nothing in the local offer finds nothing and is not 'corrected'", async () => {
    const results = await search("q=zebra");
    expect(results).toMatchObject({ total: 0, results: [] });
    expect(results.correctedQuery).toBeUndefined();
  });

  it("ranks a service with the words in its name above one with them in its description", async () => {
    expect(names(await search("q=quokka"))).toEqual(["Quokka Sensory Room", "Preston Drop-in"]);
    expect(names(await search("q=quokka&sort=name"))).toEqual(["Preston Drop-in", "Quokka Sensory Room"]);
  });

  it("sorts by name when there are no words", async () => {
    expect(names(await search("", { pageSize: 100 }))).toEqual([
      "Burnley Autism Family Group",
      "Chorley Speech and Language Therapy Clinic",
      "Lancashire Family Information Line",
      "Pendle Inclusive Youth Club",
      "Preston Drop-in",
      "Quokka Sensory Room",
    ]);
  });

  describe("filters", () => {
    it("age: only services whose age range includes it", async () => {
      expect(names(await search("age=3&category=health"))).toEqual(["Chorley Speech and Language Therapy Clinic"]);
      expect(names(await search("age=7&category=health"))).toEqual([]);
      expect(names(await search("age=19&need=adhd"))).toEqual(["Lancashire Family Information Line", "Pendle Inclusive Youth Club"]);
      expect(names(await search("age=20&need=adhd"))).toEqual(["Lancashire Family Information Line"]);
    });

    it("need: any of the chosen needs", async () => {
      expect(names(await search("need=speech-language-communication"))).toEqual(["Chorley Speech and Language Therapy Clinic"]);
      expect(names(await search("need=speech-language-communication&need=adhd"))).toEqual([
        "Chorley Speech and Language Therapy Clinic",
        "Lancashire Family Information Line",
        "Pendle Inclusive Youth Club",
      ]);
    });

    it("district: services there and services for the whole area", async () => {
      expect(names(await search("district=chorley"))).toEqual(["Chorley Speech and Language Therapy Clinic", "Lancashire Family Information Line"]);
      expect(names(await search("district=ribble-valley"))).toEqual(["Lancashire Family Information Line"]);
      expect(names(await search("district=chorley&district=pendle"))).toEqual([
        "Chorley Speech and Language Therapy Clinic",
        "Lancashire Family Information Line",
        "Pendle Inclusive Youth Club",
      ]);
    });

    it("category, cost and delivery", async () => {
      expect(names(await search("category=advice"))).toEqual(["Lancashire Family Information Line", "Preston Drop-in"]);
      expect(names(await search("cost=charge&cost=varies"))).toEqual(["Chorley Speech and Language Therapy Clinic", "Pendle Inclusive Youth Club"]);
      expect(names(await search("delivery=online"))).toEqual(["Chorley Speech and Language Therapy Clinic", "Lancashire Family Information Line"]);
      expect(names(await search("delivery=phone&delivery=home_visit"))).toEqual(["Lancashire Family Information Line"]);
    });

    it("several filters together: all must hold", async () => {
      expect(names(await search("q=autism&district=burnley&cost=free&delivery=in_person&category=activities&age=7"))).toEqual([
        "Burnley Autism Family Group",
      ]);
      expect((await search("need=autism&district=chorley&delivery=in_person")).total).toBe(0);
    });
  });

  it("counts each filter option as if it were chosen, keeping the other filters", async () => {
    const results = await search("q=autism&district=burnley&need=autism");
    const count = (facet: keyof SearchResults["facets"], value: string) => results.facets[facet].find((o) => o.value === value);
    // Burnley group and the whole-area line match "autism" in Burnley.
    expect(results.total).toBe(2);
    expect(count("district", "burnley")).toMatchObject({ label: "Burnley", count: 2, selected: true });
    // Chorley has only the whole-area line for autism (the clinic is not about autism).
    expect(count("district", "chorley")).toMatchObject({ count: 1, selected: false });
    expect(count("need", "autism")).toMatchObject({ label: "Autism", count: 2, selected: true, group: "communication_interaction" });
    expect(count("need", "adhd")).toMatchObject({ count: 1, selected: false, group: "semh" });
    expect(count("need", "hearing")).toMatchObject({ count: 0 });
    expect(count("category", "activities")).toMatchObject({ label: "Activities and clubs", count: 1 });
    expect(count("category", "advice")).toMatchObject({ count: 1 });
    expect(count("cost", "free")).toMatchObject({ label: "free", count: 2 });
    expect(count("cost", "charge")).toMatchObject({ count: 0 });
    expect(count("delivery", "phone")).toMatchObject({ count: 1 });
    expect(count("delivery", "in_person")).toMatchObject({ count: 1 });
    // Every option is offered, in the list's order, even with no results.
    expect(results.facets.district).toHaveLength(12);
    expect(results.facets.need.map((o) => o.value).slice(0, 2)).toEqual(["autism", "speech-language-communication"]);
    expect(results.facets.cost.map((o) => o.value)).toEqual(["free", "charge", "varies"]);
  });

  it("pages through results and shows the last page when asked for one past the end", async () => {
    const first = await search("", { pageSize: 4 });
    expect(first).toMatchObject({ total: 6, page: 1, totalPages: 2 });
    expect(first.results).toHaveLength(4);
    const second = await search("page=2", { pageSize: 4 });
    expect(names(second)).toEqual(["Preston Drop-in", "Quokka Sensory Room"]);
    const past = await search("page=9", { pageSize: 4 });
    expect(past.page).toBe(2);
    expect(names(past)).toEqual(names(second));
  });

  it("copes with text that looks like code: it is only ever searched for", async () => {
    for (const q of ["'; drop table service; --", "<script>alert(1)</script>", "a & b | !c", "autism:*", "\\", "''", "(((", "a <-> b"]) {
      const results = await search(`q=${encodeURIComponent(q)}`);
      expect(results.page).toBe(1);
      expect(Array.isArray(results.results)).toBe(true);
    }
    expect(names(await search(`q=${encodeURIComponent("autism:*")}`))).toContain("Burnley Autism Family Group");
    expect((await db().selectFrom("service").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n).toBeGreaterThan(0);
  });

  it("finds nothing for words search ignores (only 'the'), without an error", async () => {
    expect(await search("q=the")).toMatchObject({ total: 0, results: [] });
  });

  describe("the search log", () => {
    const now = new Date("2026-11-20T12:00:00Z");
    const word = `unmetword${Date.now()}`;

    async function logged(query: string) {
      return db().selectFrom("search_log").select(["query", "filters", "result_count", "at"]).where("query", "=", query).execute();
    }

    it("records a search that found nothing, with its filters and nothing about who searched", async () => {
      const parsed = parseSearchQuery(new URLSearchParams(`q=${word}&district=burnley&age=7`), vocabularyOptions);
      await searchServices(db(), parsed.query, { now });
      expect(await logged(word)).toEqual([{ query: word, filters: { age: 7, district: ["burnley"] }, result_count: 0, at: now }]);
      const columns = await sql<{ column_name: string }>`select column_name from information_schema.columns where table_name = 'search_log' order by column_name`.execute(db());
      expect(columns.rows.map((c) => c.column_name)).toEqual(["at", "filters", "id", "query", "result_count"]);
    });

    it("records page 1 only, in the default order, and not a visit with no search at all", async () => {
      const query = (qs: string): SearchQuery => parseSearchQuery(new URLSearchParams(qs), vocabularyOptions).query;
      await searchServices(db(), query("q=autism&page=2"), { now, pageSize: 1 });
      await searchServices(db(), query("q=autism&sort=name"), { now });
      expect(await logged("autism")).toEqual([]);
      await searchServices(db(), query("q=autism"), { now });
      expect(await logged("autism")).toEqual([{ query: "autism", filters: {}, result_count: 2, at: now }]);

      const before = await db().selectFrom("search_log").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      await searchServices(db(), query(""), { now });
      const after = await db().selectFrom("search_log").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });

    it("records the words as typed with the number of results after correcting them", async () => {
      const parsed = parseSearchQuery(new URLSearchParams("q=autsim"), vocabularyOptions);
      const results = await searchServices(db(), parsed.query, { now });
      expect(await logged("autsim")).toEqual([{ query: "autsim", filters: {}, result_count: results.total, at: now }]);
      expect(results.total).toBeGreaterThan(0);
    });

    it("lists unmet searches, most frequent first, with totals, for a chosen period", async () => {
      const other = `${word}b`;
      const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000);
      await db()
        .insertInto("search_log")
        .values([
          { query: other, filters: JSON.stringify({}), result_count: 0, at: timestamp(at(1)) },
          { query: other.toUpperCase(), filters: JSON.stringify({ district: ["pendle"] }), result_count: 0, at: timestamp(at(2)) },
          { query: other, filters: JSON.stringify({}), result_count: 0, at: timestamp(at(3)) },
          { query: other, filters: JSON.stringify({}), result_count: 0, at: timestamp(at(60)) },
          { query: "old", filters: JSON.stringify({}), result_count: 0, at: timestamp(at(400)) },
          { query: "found", filters: JSON.stringify({}), result_count: 4, at: timestamp(at(5)) },
        ])
        .execute();
      const month = await listUnmetSearches(db(), { now, days: 30, limit: 10, offset: 0 });
      expect(month.rows[0]).toEqual({ query: other, count: 3, lastSearchedAt: at(1), filters: [{}, { district: ["pendle"] }] });
      expect(month.rows.map((r) => r.query)).toContain(word);
      expect(month.rows.map((r) => r.query)).not.toContain("old");
      expect(month.totalSearches).toBeGreaterThanOrEqual(month.unmetSearches + 1);
      expect(month.unmetPercent).toBe(Math.round((month.unmetSearches / month.totalSearches) * 100));

      const quarter = await listUnmetSearches(db(), { now, days: 90, limit: 10, offset: 0 });
      expect(quarter.rows[0]).toMatchObject({ query: other, count: 4 });
      expect((await listUnmetSearches(db(), { now, days: 365, limit: 1, offset: 1 })).rows).toHaveLength(1);
    });
  });
});
