import { describe, expect, it } from "vitest";
import { describeContent, diffContent, type Describer } from "./diff";
import { emptyServiceContent, type ServiceContent } from "./model";

/** Says the key and its values back, so the test sees exactly what the page would be asked to translate. */
const t = (key: string, values?: Record<string, unknown>) =>
  values ? `${key}(${Object.entries(values).map(([k, v]) => `${k}=${String(v)}`).join(",")})` : key;

const describer: Describer = {
  t,
  locale: "en-GB",
  names: {
    needs: { autism: "Autism", adhd: "ADHD", "speech-language-communication": "Speech, language and communication" },
    categories: { activities: "Activities and clubs", health: "Health and therapies" },
    districts: { burnley: "Burnley", pendle: "Pendle", chorley: "Chorley" },
  },
};

const base: ServiceContent = {
  ...emptyServiceContent(),
  name: "Burnley Autism Family Group",
  summary: "Play sessions for autistic children.",
  ageMin: 5,
  ageMax: 11,
  phases: ["primary"],
  needs: ["autism"],
  districts: ["burnley"],
  categories: ["activities"],
  delivery: ["in_person"],
  contacts: [{ name: "Group co-ordinator", title: "", email: "group@example.org", phone: "" }],
  locations: [
    {
      name: "Padiham Road Centre",
      address1: "1 Padiham Road",
      city: "Burnley",
      postcode: "BB12 0AA",
      district: "burnley",
      accessibility: ["step_free"],
      accessibilityDescription: "Ramp at the side door.",
    },
  ],
  schedules: [
    { byday: "SA", opensAt: "10:00", closesAt: "12:00", description: "" },
    { byday: "", opensAt: "", closesAt: "", description: "Term time only" },
  ],
};

describe("describeContent", () => {
  it("shows needs, categories and districts by name, and codes as translation keys", () => {
    const rows = describeContent(base, describer);
    const row = (field: string) => rows.find((r) => r.field === field);
    expect(row("needs")).toMatchObject({ kind: "list", items: ["Autism"], section: "who" });
    expect(row("categories")).toMatchObject({ kind: "list", items: ["Activities and clubs"] });
    expect(row("area")).toMatchObject({ kind: "list", items: ["Burnley"], section: "where" });
    expect(row("phases")).toMatchObject({ items: ["local-offer-terms:phases.primary"] });
    expect(row("ages")).toMatchObject({ kind: "text", value: "local-offer-terms:ages(min=5,max=11)" });
    expect(row("access")).toMatchObject({ items: ["local-offer-terms:access.open"] });
    expect(row("languages")).toMatchObject({ items: ["English"] });
    expect(row("locations")).toMatchObject({
      items: [
        "Padiham Road Centre: 1 Padiham Road, Burnley, BB12 0AA summary.inDistrict(district=Burnley). summary.accessibility(features=local-offer-terms:accessibility.step_free). Ramp at the side door.",
      ],
    });
    expect(row("schedules")).toMatchObject({ items: ["days.SA: summary.hours(opens=10:00,closes=12:00)"] });
    expect(row("timesDescription")).toMatchObject({ value: "Term time only" });
  });

  it("says the whole area instead of listing districts", () => {
    const rows = describeContent({ ...base, wholeArea: true, districts: [] }, describer);
    expect(rows.find((r) => r.field === "area")).toMatchObject({ items: ["local-offer-terms:wholeArea"] });
  });
});

describe("diffContent", () => {
  it("finds nothing between identical versions, or lists in another order", () => {
    expect(diffContent(base, structuredClone(base), describer)).toEqual([]);
    const reordered = { ...base, needs: ["adhd", "autism"] };
    expect(diffContent({ ...base, needs: ["autism", "adhd"] }, reordered, describer)).toEqual([]);
  });

  it("shows a changed text field with its old and new words", () => {
    const rows = diffContent(base, { ...base, summary: "New summary." }, describer);
    expect(rows).toEqual([
      { field: "summary", section: "about", labelKey: "fields.summary", kind: "text", before: "Play sessions for autistic children.", after: "New summary." },
    ]);
  });

  it("shows list changes as the items added and removed, by name", () => {
    const rows = diffContent(base, { ...base, needs: ["autism", "adhd"], districts: ["pendle"] }, describer);
    expect(rows).toEqual([
      { field: "needs", section: "who", labelKey: "fields.needs", kind: "list", before: ["Autism"], after: ["Autism", "ADHD"], added: ["ADHD"], removed: [] },
      { field: "area", section: "where", labelKey: "fields.area", kind: "list", before: ["Burnley"], after: ["Pendle"], added: ["Pendle"], removed: ["Burnley"] },
    ]);
  });

  it("shows a changed location as the old one removed and the new one added", () => {
    const moved = { ...base, locations: [{ ...base.locations[0]!, accessibility: ["step_free", "hearing_loop"] }] };
    const [row] = diffContent(base, moved, describer);
    expect(row).toMatchObject({ field: "locations", kind: "list" });
    if (row?.kind !== "list") throw new Error("expected a list row");
    expect(row.removed[0]).toContain("local-offer-terms:accessibility.step_free)");
    expect(row.added[0]).toContain("local-offer-terms:accessibility.step_free, local-offer-terms:accessibility.hearing_loop");
  });

  it("reports booleans and access needs in words", () => {
    const rows = diffContent(base, { ...base, referralRequired: true, isSetting: true }, describer);
    expect(rows).toEqual([
      {
        field: "access",
        section: "access",
        labelKey: "fields.access",
        kind: "list",
        before: ["local-offer-terms:access.open"],
        after: ["local-offer-terms:access.referral"],
        added: ["local-offer-terms:access.referral"],
        removed: ["local-offer-terms:access.open"],
      },
      { field: "isSetting", section: "send", labelKey: "fields.isSetting", kind: "text", before: "summary.no", after: "summary.yes" },
    ]);
  });

  it("labels SEND information topics with their shared names", () => {
    const rows = diffContent(base, { ...base, sendInformation: { teaching: "Small groups." } }, describer);
    expect(rows).toEqual([
      { field: "send.teaching", section: "send", labelKey: "local-offer-terms:sendTopics.teaching", kind: "text", before: "", after: "Small groups." },
    ]);
  });

  it("counts a repeated item once for each time it appears", () => {
    const contact = base.contacts[0]!;
    const rows = diffContent(base, { ...base, contacts: [contact, contact] }, describer);
    expect(rows).toMatchObject([{ field: "contacts", added: ["Group co-ordinator, group@example.org"], removed: [] }]);
  });
});
