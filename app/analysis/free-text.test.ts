import { describe, expect, it } from "vitest";
import { answerLanguage, backToAnswer, freeTextSearch, parseFreeTextQuery } from "./free-text";

const questions = ["one_change", "working_well"];
const themes = [3, 12];
const parse = (search: string) => parseFreeTextQuery(new URLSearchParams(search), { questions, themes });

describe("the free-text page's address", () => {
  it("takes the first question, any theme and page 1 when none are given", () => {
    expect(parse("")).toEqual({ ok: true, query: { question: "one_change", theme: { kind: "any" }, page: 1 } });
  });

  it("reads a question, a theme or 'no theme yet', and a page", () => {
    expect(parse("question=working_well&theme=12&page=3")).toEqual({ ok: true, query: { question: "working_well", theme: { kind: "theme", id: 12 }, page: 3 } });
    expect(parse("theme=untagged")).toMatchObject({ ok: true, query: { theme: { kind: "untagged" } } });
  });

  it("says which question or theme is not in the lists, keeping what was typed", () => {
    expect(parse("question=nope&theme=99")).toEqual({
      ok: false,
      errors: { question: "page.errors.questionUnknown", theme: "page.errors.themeUnknown" },
      query: { question: "one_change", theme: { kind: "any" }, page: 1 },
      typed: { question: "nope", theme: "99" },
    });
    expect(parse("theme=3abc")).toMatchObject({ ok: false, errors: { theme: "page.errors.themeUnknown" } });
  });

  it("treats a page number that makes no sense as page 1", () => {
    for (const page of ["0", "-1", "abc", "1.5", "99999999999"]) expect(parse(`page=${page}`), page).toMatchObject({ ok: true, query: { page: 1 } });
  });

  it("writes the address with the shared filters, leaving out what is the default", () => {
    expect(freeTextSearch({ question: "one_change", theme: { kind: "theme", id: 3 }, page: 2 }, "district=burnley&page=7")).toBe("?district=burnley&question=one_change&theme=3&page=2");
    expect(freeTextSearch({ question: "one_change", theme: { kind: "any" }, page: 1 })).toBe("?question=one_change");
    expect(freeTextSearch({})).toBe("");
  });

  it("sends a form back to the same page and answer, never elsewhere", () => {
    const id = "00000000-0000-4000-8000-000000000001";
    expect(backToAnswer("s1", "http://x/admin/analysis/s1/free-text?question=q&theme=3&page=2", id)).toBe(`/admin/analysis/s1/free-text?question=q&theme=3&page=2#answer-${id}`);
    expect(backToAnswer("s1", "http://evil.example/elsewhere")).toBe("/admin/analysis/s1/free-text");
  });
});

describe("the language of an answer's words", () => {
  it("is Urdu for Arabic script, Polish for Polish letters in a survey taken in Polish, else English", () => {
    expect(answerLanguage("آٹزم کے جائزے کا انتظار بہت لمبا ہے۔", "ur")).toBe("ur");
    expect(answerLanguage("آٹزم", "en-GB")).toBe("ur");
    expect(answerLanguage("Krótsze oczekiwanie na diagnozę.", "pl")).toBe("pl");
    expect(answerLanguage("If the school had told me about the meeting.", "pl")).toBe("en-GB");
    expect(answerLanguage("Lepszy kontakt", "pl")).toBe("en-GB");
  });
});
