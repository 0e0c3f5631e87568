import { describe, expect, it } from "vitest";
import { dayName, daysInWords, emailLink, isServiceSlug, languageName, paragraphs, parseByday, phoneLink, websiteLink } from "./service-page";

const polish = { range: (from: string, to: string) => `${from}–${to}`, everyDay: "Codziennie" };

describe("service slugs", () => {
  it("accepts slugs as slugify makes them and refuses anything else", () => {
    for (const slug of ["burnley-autism-family-group", "a", "club-2", "x".repeat(100)]) expect(isServiceSlug(slug), slug).toBe(true);
    for (const slug of ["", "Burnley", "a--b", "-a", "a-", "a_b", "a b", "../etc", "a%20b", "é", "x".repeat(101), 42, null, undefined]) {
      expect(isServiceSlug(slug), String(slug)).toBe(false);
    }
  });
});

describe("opening days in words", () => {
  it("reads RFC 5545 days in week order, each once, ignoring what is not a day", () => {
    expect(parseByday("FR,MO,we, MO,XX,")).toEqual(["MO", "WE", "FR"]);
    expect(parseByday("")).toEqual([]);
  });

  it("names days in the reader's language", () => {
    expect(dayName("MO", "en-GB")).toBe("Monday");
    expect(dayName("SU", "en-GB")).toBe("Sunday");
    expect(dayName("WE", "pl")).toBe("środa");
    expect(dayName("FR", "ur")).toBe("جمعہ");
  });

  it("lists separate days, and makes three or more in a row a range", () => {
    expect(daysInWords("SA", "en-GB")).toBe("Saturday");
    expect(daysInWords("MO,WE,FR", "en-GB")).toBe("Monday, Wednesday and Friday");
    expect(daysInWords("MO,TU", "en-GB")).toBe("Monday and Tuesday");
    expect(daysInWords("MO,TU,WE,TH,FR", "en-GB")).toBe("Monday to Friday");
    expect(daysInWords("MO,TU,WE,SA", "en-GB")).toBe("Monday to Wednesday and Saturday");
    expect(daysInWords("MO,TU,WE,TH,FR,SA,SU", "en-GB")).toBe("Every day");
    expect(daysInWords("", "en-GB")).toBe("");
    expect(daysInWords("ZZ", "en-GB")).toBe("");
  });

  it("uses the reader's words for lists and ranges", () => {
    expect(daysInWords("MO,WE", "pl", polish)).toBe("poniedziałek i środa");
    expect(daysInWords("MO,TU,WE,TH,FR", "pl", polish)).toBe("poniedziałek–piątek");
    expect(daysInWords("SA,SU,MO,TU,WE,TH,FR", "pl", polish)).toBe("Codziennie");
    expect(daysInWords("MO,WE", "ur")).toBe("پیر اور بدھ");
  });
});

describe("language names", () => {
  it("names ISO 639-1 codes in the reader's language, and shows a code it cannot name as it is", () => {
    expect(languageName("pl", "en-GB")).toBe("Polish");
    expect(languageName("ur", "en-GB")).toBe("Urdu");
    expect(languageName("en", "pl")).toBe("angielski");
    expect(languageName("pl", "ur")).toBe("پولش");
    expect(languageName("not a code!", "en-GB")).toBe("not a code!");
  });
});

describe("contact links", () => {
  it("makes only http and https websites into links", () => {
    expect(websiteLink("https://example.org/autism/")).toEqual({ href: "https://example.org/autism/", text: "example.org/autism/" });
    expect(websiteLink("www.example.org")).toEqual({ href: "https://www.example.org/", text: "www.example.org" });
    expect(websiteLink("http://example.org")).toEqual({ href: "http://example.org/", text: "example.org" });
    for (const bad of ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>", "ftp://example.org", "call us", "", "  "]) {
      expect(websiteLink(bad), bad).toBeUndefined();
    }
  });

  it("makes tel: links from phone numbers as people write them", () => {
    expect(phoneLink("01282 123456")).toBe("tel:01282123456");
    expect(phoneLink("+44 (0)1282 123-456")).toBe("tel:+4401282123456");
    expect(phoneLink("ask at reception")).toBeUndefined();
  });

  it("makes mailto: links only from one email address", () => {
    expect(emailLink(" group@example.org ")).toBe("mailto:group@example.org");
    expect(emailLink("a@b")).toBeUndefined();
    expect(emailLink("a@example.org?cc=x@evil.example")).toBeUndefined();
    expect(emailLink("a@example.org?body=hello")).toBeUndefined();
    expect(emailLink("a@example.org, b@example.org")).toBeUndefined();
    expect(emailLink("javascript:alert(1)")).toBeUndefined();
  });
});

describe("paragraphs", () => {
  it("splits text on blank lines and drops empty ones", () => {
    expect(paragraphs("One.\n\nTwo,\nstill two.\r\n\r\n\n  Three.  ")).toEqual(["One.", "Two,\nstill two.", "Three."]);
    expect(paragraphs("  \n\n ")).toEqual([]);
  });
});
