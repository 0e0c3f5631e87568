import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emptyServiceContent } from "../model";
import { importTime, mapFeedService, mergeContent, parseFeed, shownProblems, splitDescription, type ImportReferences } from "./import";

const fixtures = join(import.meta.dirname, "../../../tests/fixtures/oruk");
const sample = readFileSync(join(fixtures, "sample-feed.json"), "utf8");
const invalid = readFileSync(join(fixtures, "invalid-feed.json"), "utf8");

const refs: ImportReferences = {
  categories: [
    { id: "9a1d5c3e-2b4f-4e6a-8c7d-1e2f3a4b5c06", slug: "activities", name: "Activities and clubs" },
    { id: "9a1d5c3e-2b4f-4e6a-8c7d-1e2f3a4b5c07", slug: "advice", name: "Advice and support" },
    { id: "9a1d5c3e-2b4f-4e6a-8c7d-1e2f3a4b5c08", slug: "health", name: "Health and therapies" },
  ],
  needs: [
    { slug: "autism", name: "Autism", broad_area: "communication_interaction" },
    { slug: "speech-language-communication", name: "Speech, language and communication", broad_area: "communication_interaction" },
    { slug: "social-emotional", name: "Social and emotional needs", broad_area: "semh" },
    { slug: "physical-disability", name: "Physical disability", broad_area: "sensory_physical" },
  ],
  districts: [
    { slug: "burnley", name: "Burnley" },
    { slug: "hyndburn", name: "Hyndburn" },
    { slug: "fylde", name: "Fylde" },
    { slug: "chorley", name: "Chorley" },
  ],
  areaName: "Lancashire",
  origin: "https://portal.example",
};

describe("checking a feed file", () => {
  it("accepts the sample feed: a service_list page of four services", () => {
    const parsed = parseFeed(sample);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.services).toHaveLength(4);
  });

  it("accepts an array of services and a single service", () => {
    const services = (JSON.parse(sample) as { contents: unknown[] }).contents;
    expect(parseFeed(JSON.stringify(services))).toMatchObject({ ok: true, services: { length: 4 } });
    expect(parseFeed(`\uFEFF${JSON.stringify(services[0])}`)).toMatchObject({ ok: true, services: { length: 1 } });
  });

  it("lists every problem in the invalid feed by service, place and message", () => {
    const parsed = parseFeed(invalid);
    if (parsed.ok) throw new Error("expected problems");
    expect(parsed.problems.map((p) => [p.service, p.path, p.key ?? p.message])).toEqual([
      [1, "/email", 'must match format "email"'],
      [1, "/status", 'must be one of: "active", "inactive", "defunct", "temporarily closed"'],
      [2, "", "must have required property 'name'"],
      [3, "/minimum_age", "must be number"],
      [3, "/service_at_locations/0/location/location_type", 'must be one of: "physical", "postal", "virtual"'],
      [3, "/organization", "organisationMissing"],
    ]);
    expect(parsed.problems[0]!.serviceName).toBe("Riverside Sensory Play Sessions");
  });

  it("refuses what is not JSON, not a feed, empty or too big", () => {
    const keyOf = (text: string) => {
      const parsed = parseFeed(text);
      return parsed.ok ? "ok" : parsed.problems[0]!.key;
    };
    expect(keyOf("{not json")).toBe("notJson");
    expect(keyOf('{"hello": 1}')).toBe("notAFeed");
    expect(keyOf('"a string"')).toBe("notAFeed");
    expect(keyOf('{"contents": []}')).toBe("noServices");
    expect(keyOf(JSON.stringify(Array.from({ length: 501 }, () => ({ id: crypto.randomUUID(), name: "x", status: "active" }))))).toBe("tooManyServices");
  });

  it("refuses the same service id twice, and an empty name", () => {
    const service = { id: "649344ac-2ad8-4e84-86ab-37bb02fca539", name: " ", status: "active", organization: { id: "748dafc0-ff38-41d9-b33f-fce93a85ece2", name: "Org", description: "" } };
    const parsed = parseFeed(JSON.stringify([service, { ...service, name: "Two" }]));
    expect(parsed.ok ? [] : parsed.problems.map((p) => [p.service, p.key])).toEqual([
      [1, "nameEmpty"],
      [2, "duplicateId"],
    ]);
  });

  it("shows twenty problems and counts the rest", () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ service: i + 1, serviceName: "", path: "", message: "x" }));
    expect(shownProblems(many)).toMatchObject({ shown: { length: 20 }, more: 5 });
  });
});

describe("mapping a feed service", () => {
  const services = (JSON.parse(sample) as { contents: Record<string, unknown>[] }).contents;

  it("maps every part the local offer knows, and lists what it will ignore", () => {
    const mapped = mapFeedService(services[0]!, refs);
    expect(mapped.content).toEqual({
      ...emptyServiceContent(),
      name: "Riverside Sensory Play Sessions",
      summary: "Calm, small-group sensory play for young children with autism and sensory needs.",
      description: "Each session has a sensory room, quiet corner and messy play. Parents stay and can chat with other families.",
      whoFor: "Children aged 2 to 8 with autism or sensory processing differences, and their parents or carers.",
      howToAccess: "Book a place by email or phone. No referral needed.",
      ageMin: 2,
      ageMax: 8,
      phases: ["early_years", "primary"],
      delivery: ["in_person"],
      cost: "free",
      costDetail: "",
      districts: ["burnley", "hyndburn"],
      needs: ["autism"],
      categories: ["activities"],
      languages: ["en", "ur"],
      email: "play@riverside-play.example.org",
      phone: "01282 000 101",
      website: "https://riverside-play.example.org/sensory-play",
      locations: [
        {
          name: "Riverside Community Rooms",
          address1: "12 Canal Street",
          city: "Burnley",
          postcode: "BB11 1AA",
          district: "burnley",
          accessibility: ["step_free", "sensory_room"],
          accessibilityDescription: "Level access from the car park; ask at reception for ear defenders.",
          latitude: 53.7893,
          longitude: -2.2405,
        },
      ],
      contacts: [{ name: "Sessions co-ordinator", title: "Co-ordinator", email: "play@riverside-play.example.org", phone: "01282 000 102" }],
      schedules: [{ byday: "TU,TH", opensAt: "10:00", closesAt: "11:30", description: "Tuesday and Thursday mornings in term time" }],
    });
    expect(mapped.ignored).toEqual({ terms: ["Sensory processing"], areas: [], languages: [] });
    expect(mapped.organisation).toMatchObject({ name: "Riverside Play Trust (demo import)", website: "https://riverside-play.example.org" });
  });

  it("knows the whole area, terms by name or code, languages by name, and costs", () => {
    const coffee = mapFeedService(services[1]!, refs);
    expect(coffee.content).toMatchObject({ wholeArea: true, districts: [], needs: ["social-emotional"], categories: ["advice"], languages: ["en", "pl"], cost: "varies" });
    expect(coffee.content.costDetail).toBe("Free; a donation for drinks is welcome");
    expect(coffee.content.schedules).toEqual([{ byday: "", opensAt: "", closesAt: "", description: "First Friday of each month, 9:30am to 11am" }]);

    const speech = mapFeedService(services[2]!, refs);
    expect(speech.content).toMatchObject({ districts: ["fylde"], needs: ["speech-language-communication"], categories: ["health"], cost: "charge" });
    expect(speech.content.costDetail).toBe("£15 a session; free for families on benefits");
    expect(speech.ignored.areas).toEqual(["Manchester"]);
  });

  it("limits ages to 0 to 25 and says so; does not take our own page as a website", () => {
    const mapped = mapFeedService({ name: "Adults", status: "inactive", minimum_age: 18, maximum_age: 99, url: "https://portal.example/local-offer/services/adults" }, refs);
    expect(mapped.content).toMatchObject({ ageMin: 18, ageMax: 25, website: "", cost: "varies", languages: ["en"] });
    expect(mapped.notes).toEqual([
      { key: "agesLimited", values: { min: 18, max: 99 } },
      { key: "notActive", values: { status: "inactive" } },
    ]);
  });

  it("splits a description into a summary and the rest", () => {
    expect(splitDescription("Short.\n\nLonger text.\n\nMore.")).toEqual({ summary: "Short.", description: "Longer text.\n\nMore." });
    expect(splitDescription("Only one paragraph.")).toEqual({ summary: "Only one paragraph.", description: "" });
    const long = `${"A long first sentence that goes on. ".repeat(2)}${"x".repeat(400)}`;
    expect(splitDescription(long)).toEqual({ summary: "A long first sentence that goes on.", description: long.trim() });
  });

  it("reads ORUK times", () => {
    expect(importTime("10:00:00")).toBe("10:00");
    expect(importTime("9:05")).toBe("09:05");
    expect(importTime("25:00")).toBe("");
    expect(importTime("noon")).toBe("");
  });

  it("keeps what ORUK cannot carry when it rewrites an entry", () => {
    const existing = { ...emptyServiceContent(), name: "Old", referralRequired: true, isSetting: true, sendInformation: { teaching: "Small classes" }, delivery: ["phone" as const], website: "https://old.example.org", ageMin: 5, ageMax: 11, phases: ["primary" as const] };
    const imported = { ...emptyServiceContent(), name: "New", delivery: ["in_person" as const], ageMin: 5, ageMax: 11, phases: ["early_years" as const, "primary" as const] };
    expect(mergeContent(existing, imported)).toMatchObject({
      name: "New",
      referralRequired: true,
      isSetting: true,
      sendInformation: { teaching: "Small classes" },
      delivery: ["phone", "in_person"],
      website: "https://old.example.org",
      phases: ["primary"],
    });
  });
});
