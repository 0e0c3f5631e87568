import { describe, expect, it } from "vitest";
import { en, SurveyDefinitionSchema, type SurveyDefinition } from "../surveys/definition";
import {
  answerCell,
  codebookTable,
  exportFilename,
  headerRow,
  orderResponses,
  parseReason,
  questionColumns,
  REASON_MAX,
  responseTable,
  WITHHELD,
  type CodebookWords,
  type ExportResponse,
  type ExportVersion,
} from "./export";
import { REDACTED } from "./redact";

const definition = (pages: unknown[]): SurveyDefinition =>
  SurveyDefinitionSchema.parse({ title: en("T"), purpose: en("P"), howUsed: en("H"), estimatedMinutes: 5, pages });

const q = (key: string, type: string, extra: Record<string, unknown> = {}) => ({ key, type, required: false, text: en(`Question ${key}`), ...extra });
const options = (...values: string[]) => values.map((value) => ({ value, label: en(`Label ${value}`) }));

// Version 1 asked "old_text" and "language" (a key that is also a leading column's name);
// version 2 dropped "old_text", added "services" and moved "satisfied" after "comments".
const v1: ExportVersion = {
  id: "v1",
  number: 1,
  definition: definition([
    { key: "about", questions: [q("where", "single_choice", { about: "district" }), q("age", "single_choice", { about: "age_band" })] },
    { key: "main", questions: [q("satisfied", "agreement"), q("old_text", "long_text"), q("language", "yes_no_not_sure"), q("comments", "long_text")] },
  ]),
};
const v2: ExportVersion = {
  id: "v2",
  number: 2,
  definition: definition([
    { key: "about", questions: [q("where", "single_choice", { about: "district" }), q("age", "single_choice", { about: "age_band" })] },
    {
      key: "main",
      questions: [
        q("comments", "long_text", { required: true }),
        q("satisfied", "agreement"),
        q("services", "multiple_choice", { options: options("speech", "ot", "camhs") }),
        q("language", "yes_no_not_sure"),
        q("children", "number", { min: 1, max: 10 }),
        q("mood", "face_scale"),
      ],
    },
    { key: "more", condition: { question: "satisfied", anyOf: ["disagree", "strongly_disagree"] }, questions: [q("why", "short_text")] },
  ]),
};

describe("the question columns", () => {
  const columns = questionColumns(v2, [v1, v2]);

  it("follow the current version's order, then keys only earlier versions asked; 'about you' questions are the leading columns", () => {
    expect(columns.map((c) => c.key)).toEqual(["comments", "satisfied", "services", "language", "children", "mood", "why", "old_text"]);
    expect(headerRow(columns)).toEqual([
      "row",
      "submitted_on",
      "language",
      "format",
      "district",
      "health_area",
      "age_band",
      "support_level",
      "completed_by",
      "comments",
      "satisfied",
      "services",
      "q_language",
      "children",
      "mood",
      "why",
      "old_text",
    ]);
  });

  it("know which versions asked each key, and a page's condition", () => {
    const byKey = Object.fromEntries(columns.map((c) => [c.key, c]));
    expect(byKey.old_text).toMatchObject({ inCurrent: false, versions: [1], question: { type: "long_text" } });
    expect(byKey.comments).toMatchObject({ inCurrent: true, versions: [1, 2], question: { required: true } });
    expect(byKey.why!.condition).toEqual({ question: "satisfied", anyOf: ["disagree", "strongly_disagree"] });
  });
});

const response = (over: Partial<ExportResponse> & { id: string }): ExportResponse => ({
  versionId: "v2",
  submittedAt: new Date("2026-06-10T09:00:00Z"),
  language: "en-GB",
  format: "standard",
  district: "burnley",
  ageBand: "5_10",
  supportLevel: "ehc_plan",
  completedBy: "on_my_own",
  freeTextRemoved: false,
  answers: {},
  ...over,
});

describe("an answer as a cell", () => {
  const plain = { flagged: false, freeTextRemoved: false };

  it("is the code, codes joined with '; ', a number as a number, or empty", () => {
    expect(answerCell("agree", "agreement", plain)).toBe("agree");
    expect(answerCell(["speech", "camhs"], "multiple_choice", plain)).toBe("speech; camhs");
    expect(answerCell("3", "number", plain)).toBe(3);
    expect(answerCell("-2.5", "number", plain)).toBe(-2.5);
    expect(answerCell("2026-01-31", "date", plain)).toBe("2026-01-31");
    expect(answerCell(undefined, "agreement", plain)).toBeNull();
    expect(answerCell([], "multiple_choice", plain)).toBeNull();
  });

  it("takes names, emails and phone numbers out of free text", () => {
    expect(answerCell("Mrs Hargreaves was kind, ring 07700 900123 or jo@example.org", "long_text", plain)).toBe(
      `${REDACTED.name} was kind, ring ${REDACTED.phone} or ${REDACTED.email}`,
    );
  });

  it("never gives a flagged answer, whatever it is", () => {
    expect(answerCell("He hits me", "long_text", { flagged: true, freeTextRemoved: false })).toBe(WITHHELD);
    expect(answerCell("agree", "agreement", { flagged: true, freeTextRemoved: false })).toBe(WITHHELD);
  });

  it("leaves free text blank once retention has removed it, but keeps choices", () => {
    const removed = { flagged: false, freeTextRemoved: true };
    expect(answerCell("Still here somehow", "short_text", removed)).toBeNull();
    expect(answerCell("agree", "agreement", removed)).toBe("agree");
  });
});

describe("the responses table", () => {
  const columns = questionColumns(v2, [v1, v2]);
  const context = {
    flagged: new Set(["b comments"]),
    healthAreaOf: new Map([["burnley", "east-lancs"]]),
    questionsOf: new Map([v1, v2].map((v) => [v.id, new Map(v.definition.pages.flatMap((p) => p.questions).map((x) => [x.key, x]))])),
  };

  it("has one row per response, numbered in file order, with the leading columns and codes; no id", () => {
    const table = responseTable(
      [
        response({
          id: "b",
          answers: { comments: "My son is called Jack and the wait was long", satisfied: "disagree", services: ["speech", "ot"], children: "2", why: "call 01632 960001" },
        }),
        response({
          id: "a",
          versionId: "v1",
          submittedAt: new Date("2026-06-10T20:00:00Z"),
          language: "ur",
          format: "easy_read",
          district: "pendle",
          answers: { comments: "Dr Okafor listened", old_text: "Email me at a@b.co.uk", satisfied: "agree", language: "yes" },
        }),
        response({ id: "c", district: null, ageBand: null, supportLevel: null, completedBy: null, freeTextRemoved: true, answers: { comments: "gone", mood: "4" } }),
      ],
      columns,
      context,
    );
    expect(table).toHaveLength(4);
    const [header, ...rows] = table;
    const cell = (row: (typeof rows)[number], name: string) => row[header!.indexOf(name)];
    // All three on 10 June (UK): by id within the day, so "a" comes first although it was sent last.
    expect(rows.map((r) => r[0])).toEqual([1, 2, 3]);
    expect(rows[0]!.slice(0, 9)).toEqual([1, "2026-06-10", "ur", "easy_read", "pendle", null, "5_10", "ehc_plan", "on_my_own"]);
    expect(cell(rows[0]!, "comments")).toBe(`${REDACTED.name} listened`);
    expect(cell(rows[0]!, "old_text")).toBe(`Email me at ${REDACTED.email}`);
    expect(cell(rows[0]!, "q_language")).toBe("yes");
    expect(rows[1]!.slice(0, 6)).toEqual([2, "2026-06-10", "en-GB", "standard", "burnley", "east-lancs"]);
    expect(cell(rows[1]!, "comments")).toBe(WITHHELD);
    expect(cell(rows[1]!, "services")).toBe("speech; ot");
    expect(cell(rows[1]!, "children")).toBe(2);
    expect(cell(rows[1]!, "why")).toBe(`call ${REDACTED.phone}`);
    expect(cell(rows[1]!, "old_text")).toBeNull();
    expect(rows[2]!.slice(4, 9)).toEqual([null, null, null, null, null]);
    expect(cell(rows[2]!, "comments")).toBeNull();
    expect(cell(rows[2]!, "mood")).toBe("4");
    expect(JSON.stringify(table)).not.toMatch(/Jack|Okafor|a@b\.co\.uk|01632|"[abc]"/);
  });

  it("reads an answer as the version it answered asked it: text there is redacted even if the column is a choice now", () => {
    const asText: ExportVersion = { id: "v0", number: 0, definition: definition([{ key: "p", questions: [q("satisfied", "short_text")] }]) };
    const withText = { ...context, questionsOf: new Map([...context.questionsOf, ["v0", new Map([["satisfied", asText.definition.pages[0]!.questions[0]!]])]]) };
    const table = responseTable([response({ id: "z", versionId: "v0", answers: { satisfied: "Ask Mr Dale Price" } })], columns, withText);
    expect(table[1]![table[0]!.indexOf("satisfied")]).toBe(`Ask ${REDACTED.name}`);
  });
});

describe("the order of rows", () => {
  it("is by UK date, so a late-evening summer response belongs to the next day, then by id", () => {
    const ordered = orderResponses([
      { id: "1", submittedAt: new Date("2026-06-10T23:30:00Z") }, // 00:30 BST on 11 June
      { id: "2", submittedAt: new Date("2026-06-11T08:00:00Z") },
      { id: "9", submittedAt: new Date("2026-06-10T08:00:00Z") },
      { id: "3", submittedAt: new Date("2026-06-10T22:59:00Z") }, // 23:59 BST on 10 June
    ]);
    expect(ordered.map((r) => r.id)).toEqual(["3", "9", "1", "2"]);
  });
});

const words: CodebookWords = {
  headers: { column: "column", question: "question", type: "type", codes: "codes", notes: "notes" },
  leading: {
    row: { question: "Row number", type: "Number", notes: "Not a reference" },
    submitted_on: { question: "Sent", type: "Date", notes: "" },
    language: { question: "Language", type: "Code", notes: "" },
    format: { question: "Format", type: "Code", notes: "" },
    district: { question: "District", type: "Code", notes: "" },
    health_area: { question: "Health area", type: "Code", notes: "" },
    age_band: { question: "Age", type: "Code", notes: "" },
    support_level: { question: "Support", type: "Code", notes: "" },
    completed_by: { question: "Who", type: "Code", notes: "" },
  },
  types: {
    single_choice: "One",
    multiple_choice: "Many",
    agreement: "Agreement",
    face_scale: "Faces",
    yes_no_not_sure: "Yes or no",
    short_text: "Short text",
    long_text: "Long text",
    number: "Number",
    date: "Date",
  },
  codes: {
    language: [
      { code: "en-GB", label: "English" },
      { code: "ur", label: "Urdu" },
    ],
    format: [{ code: "standard", label: "Standard" }],
    district: [{ code: "burnley", label: "Burnley" }],
    health_area: [{ code: "east-lancs", label: "East Lancashire" }],
    age_band: [{ code: "5_10", label: "5 to 10 years" }],
    support_level: [],
    completed_by: [],
    agreement: { strongly_agree: "Strongly agree", agree: "Agree", neither: "Neither", disagree: "Disagree", strongly_disagree: "Strongly disagree", dont_know: "Don't know" },
    face: { "1": "Very unhappy", "2": "Unhappy", "3": "Neutral", "4": "Happy", "5": "Very happy" },
    yesNo: { yes: "Yes", no: "No", not_sure: "Not sure" },
  },
  notes: {
    required: "Required.",
    optional: "Optional.",
    multiple: "Separated by '; '.",
    freeText: "Redacted; [withheld] means passed to the safeguarding lead.",
    date: "YYYY-MM-DD.",
    number: (min, max) => `From ${min} to ${max}.`,
    condition: (key, values) => `Only when ${key} is ${values}.`,
    notInCurrent: (versions) => `Only in version ${versions}.`,
  },
};

describe("the codebook", () => {
  const table = codebookTable(questionColumns(v2, [v1, v2]), words);
  const row = (name: string) => table.find((r) => r[0] === name)!;

  it("has a row for every column of the responses table, in the same order", () => {
    expect(table[0]).toEqual(["column", "question", "type", "codes", "notes"]);
    expect(table.slice(1).map((r) => r[0])).toEqual(headerRow(questionColumns(v2, [v1, v2])));
  });

  it("gives each code its English words", () => {
    expect(row("language")).toEqual(["language", "Language", "Code", "en-GB = English\nur = Urdu", null]);
    expect(row("health_area")[3]).toBe("east-lancs = East Lancashire");
    expect(row("satisfied")).toEqual([
      "satisfied",
      "Question satisfied",
      "Agreement",
      "strongly_agree = Strongly agree\nagree = Agree\nneither = Neither\ndisagree = Disagree\nstrongly_disagree = Strongly disagree\ndont_know = Don't know",
      "Optional.",
    ]);
    expect(row("services")[3]).toBe("speech = Label speech\not = Label ot\ncamhs = Label camhs");
    expect(row("mood")[3]).toBe("1 = Very unhappy\n2 = Unhappy\n3 = Neutral\n4 = Happy\n5 = Very happy");
    expect(row("q_language")).toEqual(["q_language", "Question language", "Yes or no", "yes = Yes\nno = No\nnot_sure = Not sure", "Optional."]);
  });

  it("explains free text, [withheld], conditions, ranges and keys no longer asked", () => {
    expect(row("comments")).toEqual(["comments", "Question comments", "Long text", null, "Required. Redacted; [withheld] means passed to the safeguarding lead."]);
    expect(row("services")[4]).toBe("Optional. Separated by '; '.");
    expect(row("children")[4]).toBe("Optional. From 1 to 10.");
    expect(row("why")[4]).toBe("Optional. Redacted; [withheld] means passed to the safeguarding lead. Only when satisfied is disagree, strongly_disagree.");
    expect(row("old_text")[4]).toBe("Optional. Redacted; [withheld] means passed to the safeguarding lead. Only in version 1.");
  });
});

describe("file names and reasons", () => {
  it("names a file by the survey, what it holds and the UK date", () => {
    expect(exportFilename("parent-carer-survey-2026", "responses", "csv", new Date("2026-11-23T10:00:00Z"))).toBe("parent-carer-survey-2026-responses-2026-11-23.csv");
    // 23:30 UTC in June is the next day in the UK; nothing but letters, digits and dashes.
    expect(exportFilename('bad"; name/..', "codebook", "xlsx", new Date("2026-06-10T23:30:00Z"))).toBe("badname-codebook-2026-06-11.xlsx");
  });

  it("wants a reason, and not a long one", () => {
    expect(parseReason("  To check against the SEN team's figures ")).toEqual({ ok: true, reason: "To check against the SEN team's figures" });
    expect(parseReason("   ")).toEqual({ ok: false, error: "reasonMissing" });
    expect(parseReason(null)).toEqual({ ok: false, error: "reasonMissing" });
    expect(parseReason("x".repeat(REASON_MAX))).toMatchObject({ ok: true });
    expect(parseReason("x".repeat(REASON_MAX + 1))).toEqual({ ok: false, error: "reasonTooLong" });
  });
});
