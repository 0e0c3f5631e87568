import { describe, expect, it } from "vitest";
import { parseForm } from "../utils/form-data";
import { FEEDBACK_TEXT_MAX, MissingSchema, ProblemSchema, safePagePath, UsefulSchema, youSaidWeDidSchema } from "./schemas";

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
}

describe("the page a comment is about", () => {
  it("keeps local offer and 'You said, we did' paths with their query", () => {
    expect(safePagePath("/local-offer")).toBe("/local-offer");
    expect(safePagePath("/local-offer?q=autism&age=7")).toBe("/local-offer?q=autism&age=7");
    expect(safePagePath("/local-offer/services/burnley-autism-family-group")).toBe("/local-offer/services/burnley-autism-family-group");
    expect(safePagePath("/you-said-we-did/2026")).toBe("/you-said-we-did/2026");
    expect(safePagePath("/local-offer#results")).toBe("/local-offer");
  });

  it("stores anything else as the local offer's start page", () => {
    for (const path of [
      "https://evil.example/local-offer",
      "//evil.example/local-offer",
      "/local-offer//evil.example",
      "/local-offer\\..\\admin",
      "/admin/users",
      "/local-offerings",
      "/local-offer/feedback?form=problem",
      "/local-offer/ x",
      `/local-offer/${"a".repeat(600)}`,
      "",
      undefined,
      42,
    ]) {
      expect(safePagePath(path), String(path)).toBe("/local-offer");
    }
  });
});

describe("page feedback forms", () => {
  it("take a problem report and tidy its text", () => {
    const result = parseForm(
      ProblemSchema,
      form({
        pagePath: "/local-offer/services/x",
        problemKind: "broken_link",
        description: "  The link\r\nis broken  ",
        serviceId: "0F6A2C6E-1111-4222-8333-444455556666",
      }),
    );
    expect(result).toEqual({
      ok: true,
      data: {
        pagePath: "/local-offer/services/x",
        serviceId: "0f6a2c6e-1111-4222-8333-444455556666",
        problemKind: "broken_link",
        description: "The link\nis broken",
      },
    });
  });

  it("explain each mistake in a problem report", () => {
    const empty = parseForm(ProblemSchema, form({ pagePath: "/local-offer" }));
    expect(empty.ok ? {} : empty.errors).toEqual({ problemKind: "errors.problemKindRequired", description: "errors.descriptionRequired" });

    const unknownKind = parseForm(ProblemSchema, form({ problemKind: "spam", description: "x" }));
    expect(unknownKind.ok ? {} : unknownKind.errors).toEqual({ problemKind: "errors.problemKindRequired" });

    const tooLong = parseForm(ProblemSchema, form({ problemKind: "other", description: "x".repeat(FEEDBACK_TEXT_MAX + 1) }));
    expect(tooLong.ok ? {} : tooLong.errors).toEqual({ description: "errors.descriptionTooLong" });
    if (!tooLong.ok) expect(tooLong.values.description).toHaveLength(FEEDBACK_TEXT_MAX + 1);
  });

  it("count a line break as one character, as the character count does", () => {
    const text = `${"x".repeat(FEEDBACK_TEXT_MAX - 2)}\r\ny`;
    expect(parseForm(MissingSchema, form({ lookingFor: text })).ok).toBe(true);
  });

  it("need something in 'what's missing'", () => {
    const result = parseForm(MissingSchema, form({ lookingFor: "   " }));
    expect(result.ok ? {} : result.errors).toEqual({ lookingFor: "errors.lookingForRequired" });
  });

  it("read Yes, No and a comment, ignoring a reference that cannot be one and a service id that is not an id", () => {
    expect(parseForm(UsefulSchema, form({ useful: "yes" }))).toMatchObject({
      ok: true,
      data: { useful: true, comment: "", reference: null, serviceId: null },
    });
    expect(
      parseForm(UsefulSchema, form({ useful: "no", comment: "More on transport", reference: "fb-7kq2-m9xd", serviceId: "1; drop table" })),
    ).toMatchObject({
      ok: true,
      data: { useful: false, comment: "More on transport", reference: "FB-7KQ2-M9XD", serviceId: null },
    });
    const missing = parseForm(UsefulSchema, form({ useful: "maybe" }));
    expect(missing.ok ? {} : missing.errors).toEqual({ useful: "errors.usefulRequired" });
  });
});

describe("'You said, we did' entries", () => {
  const draft = youSaidWeDidSchema({ publishing: false, latestYear: 2027 });
  const publish = youSaidWeDidSchema({ publishing: true, latestYear: 2027 });

  it("save a draft with the year, theme and what people said", () => {
    expect(parseForm(draft, form({ year: " 2026 ", theme: "content", youSaid: "Hard to find short breaks" }))).toEqual({
      ok: true,
      data: { year: 2026, theme: "content", youSaid: "Hard to find short breaks", weDid: "", action: "", feedbackItemId: null },
    });
  });

  it("need the response and the action before publishing, and say every mistake at once", () => {
    const result = parseForm(publish, form({ year: "26", theme: "gossip", youSaid: "" }));
    expect(result.ok ? {} : result.errors).toEqual({
      year: "errors.yearFormat",
      theme: "errors.themeRequired",
      youSaid: "errors.youSaidRequired",
      weDid: "errors.weDidRequired",
      action: "errors.actionRequired",
    });
  });

  it("cannot be published while they could identify someone; a draft may hold the words while they are rewritten", () => {
    const values = {
      year: "2026",
      theme: "content",
      youSaid: "Mrs Hargreaves said the short breaks page was out of date",
      weDid: "We checked every short break with its provider",
      action: "Call 07700 900123 to hear more",
    };
    expect(parseForm(draft, form(values)).ok).toBe(true);
    const result = parseForm(publish, form(values));
    expect(result.ok ? {} : result.errors).toEqual({ youSaid: "errors.identifying", action: "errors.identifying" });
    expect(result.ok ? undefined : result.values).toMatchObject({ youSaid: values.youSaid });
    expect(
      parseForm(publish, form({ ...values, youSaid: "A parent said the short breaks page was out of date", action: "Ask us for more" })).ok,
    ).toBe(true);
  });

  it("refuse years before reg. 56 and after next year", () => {
    for (const year of ["2013", "2028"]) {
      const result = parseForm(draft, form({ year, theme: "content", youSaid: "x" }));
      expect(result.ok ? {} : result.errors).toEqual({ year: "errors.yearRange" });
    }
  });
});
