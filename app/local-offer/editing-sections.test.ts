import { describe, expect, it } from "vitest";
import { parseForm } from "~/utils/form-data";
import { emptyServiceContent, type ServiceContent } from "./model";
import { applySection, rowCount, sectionFields, sectionFormSchema, sectionValues, type SectionOptions, type ServiceSection } from "./editing-sections";

const options: SectionOptions = {
  needs: [
    { slug: "autism", name: "Autism", broad_area: "communication_interaction" },
    { slug: "adhd", name: "ADHD", broad_area: "semh" },
  ],
  categories: [
    { slug: "education", name: "Education" },
    { slug: "activities", name: "Activities" },
  ],
  districts: [
    { slug: "burnley", name: "Burnley" },
    { slug: "pendle", name: "Pendle" },
  ],
};

const current: ServiceContent = {
  ...emptyServiceContent(),
  name: "Old name",
  summary: "Old summary",
  locations: [
    {
      name: "Centre",
      address1: "1 Road",
      city: "Burnley",
      postcode: "BB11 1AA",
      district: "burnley",
      accessibility: ["step_free"],
      accessibilityDescription: "",
      latitude: 53.8,
      longitude: -2.2,
    },
  ],
};

function post(section: ServiceSection, fields: Record<string, string | string[]>) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) form.append(key, v);
  return parseForm(sectionFormSchema(section, options, current), form);
}

describe("about", () => {
  it("needs a name and a summary, and keeps what was typed", () => {
    const result = post("about", { name: " ", summary: "", description: "Kept" });
    expect(result).toEqual({
      ok: false,
      errors: { name: "errors.nameRequired", summary: "errors.summaryRequired" },
      values: { name: " ", summary: "", description: "Kept" },
    });
  });

  it("refuses a summary that is too long", () => {
    const result = post("about", { name: "A", summary: "x".repeat(301) });
    expect(result.ok ? {} : result.errors).toEqual({ summary: "errors.summaryTooLong" });
  });

  it("gives the trimmed text", () => {
    expect(post("about", { name: " New ", summary: " S ", description: "" })).toEqual({ ok: true, data: { name: "New", summary: "S", description: "" } });
  });
});

describe("who", () => {
  it("checks the ages are whole numbers from 0 to 25, youngest first", () => {
    expect(post("who", { ageMin: "", ageMax: "30" })).toMatchObject({ ok: false, errors: { ageMin: "errors.ageMinRequired", ageMax: "errors.ageRange" } });
    expect(post("who", { ageMin: "12", ageMax: "5" })).toMatchObject({ ok: false, errors: { ageMax: "errors.ageOrder" } });
    expect(post("who", { ageMin: "1.5", ageMax: "5" })).toMatchObject({ ok: false, errors: { ageMin: "errors.ageRange" } });
  });

  it("works the phases out from the ages when none is ticked, and refuses unknown needs", () => {
    expect(post("who", { ageMin: "5", ageMax: "10", needs: ["autism", "adhd"] })).toEqual({
      ok: true,
      data: { ageMin: 5, ageMax: 10, phases: ["primary"], needs: ["autism", "adhd"], whoFor: "" },
    });
    expect(post("who", { ageMin: "5", ageMax: "11", needs: "not-a-need" })).toMatchObject({
      ok: false,
      errors: { "needs-communication_interaction": "errors.choiceInvalid" },
    });
  });

  it("offers a group of needs per broad area, in the error order", () => {
    expect(sectionFields("who", options, {})).toEqual(["ageMin", "ageMax", "phases", "needs-communication_interaction", "needs-semh", "whoFor"]);
  });
});

describe("cost", () => {
  it("asks what a charge is", () => {
    expect(post("cost", { cost: "charge", costDetail: "" })).toMatchObject({ ok: false, errors: { costDetail: "errors.costDetailRequired" } });
    expect(post("cost", {})).toMatchObject({ ok: false, errors: { cost: "errors.costRequired" } });
    expect(post("cost", { cost: "free" })).toEqual({ ok: true, data: { cost: "free", costDetail: "" } });
  });
});

describe("where", () => {
  const keep = {
    area: "districts",
    districts: "burnley",
    delivery: "in_person",
    "location-0-name": "Centre",
    "location-0-address1": "1 Road",
    "location-0-city": "Burnley",
    "location-0-postcode": "bb11 1aa",
    "location-0-district": "burnley",
    "location-0-accessibility": ["hearing_loop", "step_free"],
    "location-0-accessibilityDescription": "",
  };

  it("keeps a location's map position when its postcode is the same, ignores the blank row, and adds a filled one", () => {
    const result = post("where", {
      ...keep,
      "location-1-name": "",
      "location-1-postcode": "",
    });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.data.locations).toEqual([{ ...current.locations[0], postcode: "BB11 1AA", accessibility: ["step_free", "hearing_loop"] }]);

    const added = post("where", { ...keep, "location-1-name": "Second place", "location-1-postcode": "PR7 1AA" });
    expect(added.ok && added.data.locations?.map((l) => [l.name, l.latitude])).toEqual([
      ["Centre", 53.8],
      ["Second place", undefined],
    ]);
  });

  it("removes a location that is ticked for removal", () => {
    const result = post("where", { ...keep, "location-0-remove": "yes" });
    expect(result.ok && result.data.locations).toEqual([]);
  });

  it("asks for a name for a location that has other details, and a real postcode", () => {
    const result = post("where", { ...keep, "location-1-city": "Chorley", "location-1-postcode": "nonsense" });
    expect(result).toMatchObject({ ok: false, errors: { "location-1-name": "errors.locationNameRequired", "location-1-postcode": "errors.postcodeFormat" } });
  });

  it("needs districts unless the whole area is covered, and a way of delivering", () => {
    expect(post("where", { area: "districts" })).toMatchObject({
      ok: false,
      errors: { districts: "errors.districtsRequired", delivery: "errors.deliveryRequired" },
    });
    const whole = post("where", { area: "whole", districts: "burnley", delivery: "online" });
    expect(whole.ok && whole.data).toMatchObject({ wholeArea: true, districts: [], delivery: ["online"], locations: [] });
  });

  it("counts the rows of a repeated group from the form's values", () => {
    expect(rowCount(sectionValues("where", current), "location")).toBe(1);
    expect(rowCount({}, "location")).toBe(0);
    expect(sectionFields("where", options, sectionValues("where", current))).toContain("location-1-name");
  });
});

describe("contact", () => {
  it("checks email addresses, phone numbers and web addresses", () => {
    const result = post("contact", {
      email: "not-an-email",
      phone: "call us",
      website: "www.example.org",
      "contact-0-name": "",
      "contact-0-email": "someone@example.org",
    });
    expect(result).toMatchObject({
      ok: false,
      errors: { email: "errors.emailFormat", phone: "errors.phoneFormat", website: "errors.websiteFormat", "contact-0-name": "errors.contactNameRequired" },
    });
  });

  it("gives the contacts that were filled in", () => {
    const result = post("contact", {
      email: "info@example.org",
      phone: "01234 567890",
      website: "https://example.org",
      "contact-0-name": "Manager",
      "contact-0-title": "Nursery manager",
      "contact-1-name": "",
    });
    expect(result).toEqual({
      ok: true,
      data: {
        email: "info@example.org",
        phone: "01234 567890",
        website: "https://example.org",
        contacts: [{ name: "Manager", title: "Nursery manager", email: "", phone: "" }],
      },
    });
  });
});

describe("times", () => {
  it("needs days and times in 24-hour form, closing after opening", () => {
    expect(post("times", { "schedule-0-opensAt": "9am", "schedule-0-closesAt": "08:00" })).toMatchObject({
      ok: false,
      errors: { "schedule-0-days": "errors.daysRequired", "schedule-0-opensAt": "errors.timeFormat" },
    });
    expect(post("times", { "schedule-0-days": "MO", "schedule-0-opensAt": "12:00", "schedule-0-closesAt": "09:00" })).toMatchObject({
      ok: false,
      errors: { "schedule-0-closesAt": "errors.timeOrder" },
    });
  });

  it("keeps the days in week order and the words as a row of their own, and reads them back", () => {
    const result = post("times", {
      "schedule-0-days": ["WE", "MO"],
      "schedule-0-opensAt": "09:00",
      "schedule-0-closesAt": "12:30",
      timesDescription: "Term time only",
    });
    expect(result).toEqual({
      ok: true,
      data: {
        schedules: [
          { byday: "MO,WE", opensAt: "09:00", closesAt: "12:30", description: "" },
          { byday: "", opensAt: "", closesAt: "", description: "Term time only" },
        ],
      },
    });
    if (!result.ok) return;
    const values = sectionValues("times", applySection(current, result.data));
    expect(values).toMatchObject({ "schedule-0-days": ["MO", "WE"], timesDescription: "Term time only" });
    expect(rowCount(values, "schedule")).toBe(1);
  });
});

describe("languages, SEND information and categories", () => {
  it("takes ticked and typed language codes", () => {
    expect(post("languages", { languages: ["en", "ur"], otherLanguages: "SO, ff" })).toEqual({ ok: true, data: { languages: ["en", "ur", "so", "ff"] } });
    expect(post("languages", { otherLanguages: "Somali" })).toMatchObject({ ok: false, errors: { otherLanguages: "errors.languageCodeFormat" } });
    expect(post("languages", { otherLanguages: " " })).toMatchObject({ ok: false, errors: { languages: "errors.languagesRequired" } });
    expect(sectionValues("languages", { ...current, languages: ["en", "ff"] })).toEqual({ languages: ["en"], otherLanguages: "ff" });
  });

  it("keeps SEND information only for a school, college or setting", () => {
    expect(post("send", { isSetting: "yes", "send-teaching": "Small groups", "send-curriculum": " " })).toEqual({
      ok: true,
      data: { isSetting: true, sendInformation: { teaching: "Small groups" } },
    });
    expect(post("send", { isSetting: "no", "send-teaching": "Small groups" })).toEqual({ ok: true, data: { isSetting: false, sendInformation: {} } });
    expect(post("send", {})).toMatchObject({ ok: false, errors: { isSetting: "errors.isSettingRequired" } });
  });

  it("needs at least one known category, kept in the list's order", () => {
    expect(post("categories", {})).toMatchObject({ ok: false, errors: { categories: "errors.categoriesRequired" } });
    expect(post("categories", { categories: ["activities", "education"] })).toEqual({ ok: true, data: { categories: ["education", "activities"] } });
    expect(post("categories", { categories: "made-up" })).toMatchObject({ ok: false, errors: { categories: "errors.choiceInvalid" } });
  });
});
