import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkDefinitionText } from "./import";
import { starterDefinition } from "./lifecycle";

const good = starterDefinition("Imported survey");

describe("checking a definition loaded as data", () => {
  it("accepts a valid definition, with or without a byte order mark", () => {
    expect(checkDefinitionText(JSON.stringify(good))).toMatchObject({ ok: true, definition: { estimatedMinutes: 5 } });
    expect(checkDefinitionText(`\uFEFF${JSON.stringify(good, null, 2)}`).ok).toBe(true);
  });

  it("says where JSON that does not parse goes wrong, by line and column", () => {
    const result = checkDefinitionText('{\n  "title": [],\n  "pages": [,]\n}');
    expect(result).toEqual({ ok: false, problems: [{ path: "", steps: [], key: "notJson", values: { line: 3, column: 13 } }] });
    // Errors Node gives a position for, and the end of the text.
    expect(checkDefinitionText('{\n  "title" []\n}')).toMatchObject({ problems: [{ key: "notJson", values: { line: 2, column: 11 } }] });
    expect(checkDefinitionText('{\n  "title": [\n')).toEqual({ ok: false, problems: [{ path: "", steps: [], key: "notJsonEnd" }] });
    expect(checkDefinitionText("   ")).toEqual({ ok: false, problems: [{ path: "", steps: [], key: "empty" }] });
    expect(checkDefinitionText("[1, 2]")).toEqual({ ok: false, problems: [{ path: "", steps: [], key: "notObject" }] });
  });

  it("lists every problem with its path and plain words", () => {
    const broken = structuredClone(good) as unknown as Record<string, any>;
    broken.estimatedMinutes = "five";
    broken.title = [{ language: "en-GB", format: "standard", text: "", reviewed: true }];
    delete broken.purpose;
    broken.pages[0].questions[0].type = "essay";
    broken.pages[0].questions[0].key = "Comments here";
    broken.pages[0].questions[0].text[0].pictogram = "unicorn";
    const result = checkDefinitionText(JSON.stringify(broken));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = Object.fromEntries(result.problems.map((p) => [p.path, { key: p.key, values: p.values }]));
    expect(byPath).toEqual({
      title: { key: "definition.englishRequired", values: undefined },
      purpose: { key: "missing", values: undefined },
      estimatedMinutes: { key: "wrongType", values: { expected: "number", received: "text" } },
      "pages[0].questions[0].key": { key: "definition.key", values: undefined },
      "pages[0].questions[0].type": { key: "notOneOf", values: { value: "essay", allowed: expect.stringContaining("single_choice, multiple_choice") } },
      "pages[0].questions[0].text[0].pictogram": { key: "unknownPictogram", values: { value: "unicorn" } },
    });
    const type = result.problems.find((p) => p.path === "pages[0].questions[0].type")!;
    expect(type.steps).toEqual([{ field: "pages" }, { item: "page", number: 1 }, { field: "questions" }, { item: "question", number: 1 }, { field: "type" }]);
  });

  it("catches what only the whole survey shows: keys used twice, conditions on unknown questions", () => {
    const twice = structuredClone(good);
    twice.pages.push({ ...structuredClone(good.pages[0]!), key: "more" });
    twice.pages[1]!.questions[0]!.condition = { question: "nowhere", anyOf: ["yes"] };
    const result = checkDefinitionText(JSON.stringify(twice));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.path, p.key])).toEqual([
      ["pages[1].questions[0].key", "definition.duplicateKey"],
      ["pages[1].questions[0].condition", "definition.conditionUnknown"],
    ]);
  });

  it("accepts the example in docs/survey-definition-format.md", () => {
    const doc = readFileSync(join(import.meta.dirname, "../../docs/survey-definition-format.md"), "utf8");
    const example = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].at(-1)![1]!;
    expect(checkDefinitionText(example)).toMatchObject({ ok: true });
  });
});
