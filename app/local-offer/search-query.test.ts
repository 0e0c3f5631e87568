import { describe, expect, it } from "vitest";
import { MAX_QUERY_LENGTH, parseSearchQuery, searchHref, searchParamsOf, type SearchQuery } from "./search-query";

const options = {
  needs: ["autism", "adhd", "hearing"],
  districts: ["burnley", "chorley", "pendle"],
  categories: ["activities", "health"],
};

const parse = (search: string, opts = options) => parseSearchQuery(new URLSearchParams(search), opts);

describe("parseSearchQuery", () => {
  it("reads every parameter of a search someone made with the form", () => {
    const { query, problems, refusal } = parse(
      "q=+autism++club+&age=7&need=autism&need=adhd&district=burnley&category=activities&cost=free&delivery=online&sort=name&page=2",
    );
    expect(problems).toEqual([]);
    expect(refusal).toBeUndefined();
    expect(query).toEqual({
      q: "autism club",
      age: 7,
      needs: ["autism", "adhd"],
      districts: ["burnley"],
      categories: ["activities"],
      costs: ["free"],
      deliveries: ["online"],
      sort: "name",
      page: 2,
    });
  });

  it("starts from nothing: no words, every filter empty, sorted by name, page 1", () => {
    expect(parse("")).toEqual({
      query: { q: "", age: undefined, needs: [], districts: [], categories: [], costs: [], deliveries: [], sort: "name", page: 1 },
      problems: [],
    });
  });

  it("sorts by relevance when there are words, unless asked otherwise", () => {
    expect(parse("q=autism").query.sort).toBe("relevance");
    expect(parse("q=autism&sort=name").query.sort).toBe("name");
    expect(parse("sort=relevance").query.sort).toBe("relevance");
  });

  it("ignores empty values a form sends (the 'any district' choice, an empty age box)", () => {
    const { query, problems } = parse("q=&age=&district=&need=&page=");
    expect(problems).toEqual([]);
    expect(query).toMatchObject({ q: "", age: undefined, districts: [], needs: [], page: 1 });
  });

  it("drops values it does not know, says which, and keeps the rest", () => {
    const { query, problems } = parse("district=burnley&district=narnia&need=dragons&category=x&cost=cheap&delivery=owl&sort=best");
    expect(query.districts).toEqual(["burnley"]);
    expect(query.needs).toEqual([]);
    expect(query.costs).toEqual([]);
    expect(query.sort).toBe("name");
    expect(problems).toEqual([
      { field: "need", kind: "unknown", value: "dragons" },
      { field: "district", kind: "unknown", value: "narnia" },
      { field: "category", kind: "unknown", value: "x" },
      { field: "cost", kind: "unknown", value: "cheap" },
      { field: "delivery", kind: "unknown", value: "owl" },
      { field: "sort", kind: "unknown", value: "best" },
    ]);
  });

  it("compares values without regard to case and repeats, and shortens long unknown values in messages", () => {
    const { query, problems } = parse(`district=Burnley&district=burnley&district=${"n".repeat(100)}`);
    expect(query.districts).toEqual(["burnley"]);
    expect(problems[0]).toEqual({ field: "district", kind: "unknown", value: `${"n".repeat(40)}…` });
  });

  it("explains an age that is not a whole number or not 0 to 25, and searches without it", () => {
    expect(parse("age=seven").problems).toEqual([{ field: "age", kind: "notANumber", value: "seven" }]);
    expect(parse("age=7.5").problems).toEqual([{ field: "age", kind: "notANumber", value: "7.5" }]);
    expect(parse("age=-1").problems).toEqual([{ field: "age", kind: "notANumber", value: "-1" }]);
    expect(parse("age=26").problems).toEqual([{ field: "age", kind: "outOfRange", value: "26" }]);
    expect(parse("age=26").query.age).toBeUndefined();
    expect(parse("age=0").query.age).toBe(0);
    expect(parse("age=25").query.age).toBe(25);
  });

  it("shortens words over the limit and says so", () => {
    const { query, problems } = parse(`q=${"a".repeat(MAX_QUERY_LENGTH + 50)}`);
    expect(query.q).toHaveLength(MAX_QUERY_LENGTH);
    expect(problems).toEqual([{ field: "q", kind: "tooLong", value: String(MAX_QUERY_LENGTH) }]);
  });

  it("treats a page that is not a number as page 1, with a message", () => {
    expect(parse("page=two")).toMatchObject({ query: { page: 1 }, problems: [{ field: "page", kind: "notANumber", value: "two" }] });
    expect(parse("page=0").query.page).toBe(1);
    expect(parse("page=1000").refusal).toBeUndefined();
  });

  it("refuses requests nobody could make with the form: a huge query string, page 1001", () => {
    expect(parse("page=1001").refusal).toBe("pageTooLarge");
    expect(parse(`q=${"x".repeat(3000)}`).refusal).toBe("queryStringTooLong");
    expect(parseSearchQuery(new URLSearchParams("q=a"), { rawLength: 5000 }).refusal).toBe("queryStringTooLong");
  });

  it("keeps any well-formed slug when it is not given the lists (a caller without the database)", () => {
    const { query, problems } = parseSearchQuery(new URLSearchParams("need=autism&district=Burnley&district=not a slug"));
    expect(query.needs).toEqual(["autism"]);
    expect(query.districts).toEqual(["burnley"]);
    expect(problems).toEqual([{ field: "district", kind: "unknown", value: "not a slug" }]);
  });

  it("drops control characters from the words", () => {
    expect(parse("q=autism%00%0A%09club").query.q).toBe("autism club");
  });
});

describe("searchHref", () => {
  const query: SearchQuery = parse("q=autism&age=7&district=burnley&district=pendle&need=autism&page=3").query;

  it("writes the search back as a short address in a fixed order", () => {
    expect(searchHref(query, { page: 3 })).toBe("/local-offer?q=autism&age=7&need=autism&district=burnley&district=pendle&page=3");
    expect(searchHref(parse("").query)).toBe("/local-offer");
  });

  it("goes back to page 1 when anything but the page changes", () => {
    expect(searchHref(query, { districts: ["pendle"] })).toBe("/local-offer?q=autism&age=7&need=autism&district=pendle");
    expect(searchHref(query, { age: undefined })).toBe("/local-offer?q=autism&need=autism&district=burnley&district=pendle");
  });

  it("writes the sort only when it is not the default, and keeps a chosen sort when the words change", () => {
    expect(searchHref(query, { sort: "name" })).toBe("/local-offer?q=autism&age=7&need=autism&district=burnley&district=pendle&sort=name");
    const byName = parse("q=autism&sort=name").query;
    expect(searchHref(byName, { q: "" })).toBe("/local-offer");
    expect(searchHref(byName, { q: "adhd" })).toBe("/local-offer?q=adhd&sort=name");
    expect(searchHref(parse("q=autism").query, { q: "" })).toBe("/local-offer");
  });

  it("encodes the words safely", () => {
    expect(searchHref(parse("").query, { q: "a&b=c <script>" })).toBe("/local-offer?q=a%26b%3Dc+%3Cscript%3E");
  });

  it("gives the query string without the page for the pagination links", () => {
    expect(searchParamsOf(query)).toBe("q=autism&age=7&need=autism&district=burnley&district=pendle");
    expect(searchParamsOf(parse("").query)).toBe("");
  });

  it("round-trips: parsing a written address gives the same search", () => {
    const href = searchHref(query, { page: 2 });
    expect(parse(href.split("?")[1]!).query).toEqual({ ...query, page: 2 });
  });
});
