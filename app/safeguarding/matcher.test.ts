import { describe, expect, it } from "vitest";
import { STARTING_TERMS } from "../../migrations/202611230700_create_safeguarding";
import { STARTER_TERMS } from "../../migrations/202611231430_add_safeguarding_term_languages";
import { editDistance, findTerms, normalise, wordMatches } from "./matcher";

const list = [...STARTING_TERMS];

describe("normalise", () => {
  it("lowers case, drops accents and turns any punctuation into one space", () => {
    expect(normalise("  Self-HARM!!  ")).toBe("self harm");
    expect(normalise("Suïcide\n\tnow")).toBe("suicide now");
    expect(normalise("Łódź, żółw")).toBe("lodz zolw");
    expect(normalise("...")).toBe("");
  });
});

describe("editDistance", () => {
  it("counts missing, extra, changed and swapped letters as one each", () => {
    expect(editDistance("suicide", "sucide")).toBe(1);
    expect(editDistance("suicide", "suiccide")).toBe(1);
    expect(editDistance("suicide", "suicode")).toBe(1);
    expect(editDistance("suicide", "suicdie")).toBe(1);
    expect(editDistance("suicide", "scuidie")).toBeGreaterThan(1);
  });
  it("stops early past the limit", () => {
    expect(editDistance("a", "abcdef", 1)).toBe(2);
  });
});

describe("wordMatches", () => {
  it("allows one slip only for words of five letters or more", () => {
    expect(wordMatches("sucidal", "suicidal")).toBe(true);
    expect(wordMatches("abuze", "abuse")).toBe(true);
    expect(wordMatches("bill", "kill")).toBe(false);
    expect(wordMatches("kil", "kill")).toBe(false);
    expect(wordMatches("rap", "rape")).toBe(false);
  });
});

describe("findTerms", () => {
  it("finds a plain disclosure and names the matched phrases", () => {
    expect(findTerms("Sometimes my son says he wants to die.", list)).toEqual(["wants to die"]);
    expect(findTerms("Dad hits me when he is angry", list)).toEqual(["hits me"]);
    expect(findTerms("I am not safe at home", list)).toEqual(["not safe at home"]);
  });

  it("ignores case and accents", () => {
    expect(findTerms("SUÏCIDE", list)).toEqual(["suicide"]);
    expect(findTerms("He Touched Me", list)).toContain("touched me");
  });

  it("matches phrases across any run of spaces and punctuation", () => {
    expect(findTerms("i want...to   die", list)).toContain("want to die");
    expect(findTerms("want-to-die", list)).toContain("want to die");
    expect(findTerms("kill\nmyself", list)).toContain("kill myself");
  });

  it("matches words spelled out with separators, or run together", () => {
    expect(findTerms("k.i.l.l m-y-s-e-l-f", list)).toContain("kill myself");
    expect(findTerms("I could kill my self", list)).toContain("kill myself");
    expect(findTerms("selfharm", list)).toContain("self harm");
    expect(findTerms("s e l f - h a r m", list)).toContain("self harm");
    expect(findTerms("he keeps hurt ing him", ["hurting"])).toEqual(["hurting"]);
  });

  it("only joins whole words, so longer words that contain a phrase do not match", () => {
    expect(findTerms("The therapist was lovely", list)).toEqual([]);
    expect(findTerms("Grape juice and a drape", list)).toEqual([]);
  });

  it("allows common misspellings of longer words", () => {
    expect(findTerms("she talks about sucide", list)).toEqual(["suicide"]);
    expect(findTerms("he felt sucidal last year", list)).toEqual(["suicidal"]);
    expect(findTerms("there was abuze", list)).toContain("abuse");
  });

  it("does not let short words slip", () => {
    expect(findTerms("I paid the bill myself", ["kill myself"])).toEqual([]);
    expect(findTerms("He bits me", ["hits me"])).toEqual([]);
  });

  it("returns each phrase once, in the list's order", () => {
    expect(findTerms("abuse, abuse and more abuse. He hits me.", ["hits me", "abuse"])).toEqual(["hits me", "abuse"]);
  });

  it("finds nothing in an ordinary answer", () => {
    expect(findTerms("The speech and language therapy waiting list is far too long.", list)).toEqual([]);
    expect(findTerms("The school listened to us and the EHCP arrived on time.", list)).toEqual([]);
    expect(findTerms("", list)).toEqual([]);
    expect(findTerms("!!!", list)).toEqual([]);
  });

  it("normalises a term typed by a person", () => {
    expect(findTerms("not safe at home", ["  Not SAFE at-home "])).toEqual(["  Not SAFE at-home "]);
  });

  it("keeps the starting list normalised and without repeats", () => {
    for (const term of list) expect(normalise(term)).toBe(term);
    expect(new Set(list).size).toBe(list.length);
  });
});

describe("Urdu and Polish (the starter list, decision 028)", () => {
  const all = [...STARTING_TERMS, ...STARTER_TERMS.map((term) => term.written)];
  const found = (text: string) => findTerms(text, all);

  it("has no term twice once normalised, and every term keeps some words", () => {
    const keys = [...STARTING_TERMS, ...STARTER_TERMS.map((term) => normalise(term.written))];
    expect(new Set(keys).size).toBe(keys.length);
    for (const term of STARTER_TERMS) expect(normalise(term.written)).not.toBe("");
  });

  it.each([
    ["میرے ابو مجھے مارتے ہیں اور میں گھر جانے سے ڈرتا ہوں۔", ["مجھے مارتے ہیں", "گھر جانے سے ڈرتا"]],
    ["کبھی کبھی میں خودکشی کے بارے میں سوچتا ہوں", ["خودکشی"]],
    // Written as two words, or with a zero-width non-joiner between them.
    ["وہ خود کشی کی بات کرتی ہے", ["خودکشی"]],
    ["وہ خود\u200cکشی کی بات کرتی ہے", ["خودکشی"]],
    // Typed on an Arabic keyboard: Arabic heh and yeh instead of the Urdu letters.
    ["وہ مجهے مارتا هے", ["مجھے مارتا ہے"]],
    // Vowel marks and the kashida do not matter.
    ["میں مرنا چاہتـا ہُوں", ["مرنا چاہتا ہوں"]],
    ["چچا نے جنسی زیادتی کی", ["جنسی زیادتی"]],
    ["میں گھر سے بھاگ جاؤں گی", ["گھر سے بھاگ"]],
  ])("Urdu script: %s", (text, expected) => {
    expect(found(text)).toEqual(expect.arrayContaining(expected));
  });

  it.each([
    ["Abbu mujhe marte hain jab woh ghusse mein hote hain", ["mujhe marte hain"]],
    ["kabhi kabhi khudkushi ka sochta hoon", ["khudkushi"]],
    ["main marna chahti hun", ["marna chahti hun"]],
    ["mujhe ghar jane se dar lagta hai", ["ghar jane se dar"]],
  ])("Roman Urdu: %s", (text, expected) => {
    expect(found(text)).toEqual(expect.arrayContaining(expected));
  });

  it.each([
    ["Tata mnie bije, kiedy pije.", ["mnie bije"]],
    ["On bije mnie codziennie", ["bije mnie"]],
    ["Boję się wracać do domu.", ["boję się wracać do domu"]],
    ["boje sie wracac do domu", ["boję się wracać do domu"]],
    ["Myślę o samobójstwie", ["samobójstwie"]],
    ["mysle o samobojstwie", ["samobójstwie"]],
    ["SAMOBÓJSTWO", ["samobójstwo"]],
    ["wujek mnie molestowal", ["molestował"]],
    ["Molestowanie w szkole", ["molestowanie"]],
    ["Ojczym znęca się nade mną", ["znęca się"]],
    ["Nie chcę żyć.", ["nie chcę żyć"]],
    ["Ucieknę z domu jutro", ["ucieknę z domu"]],
  ])("Polish: %s", (text, expected) => {
    expect(found(text)).toEqual(expect.arrayContaining(expected));
  });

  it.each([
    // Urdu: "March", "market", "diagnosis" (common in SEND letters), "automatic".
    "ہم نے مارچ میں درخواست دی تھی لیکن کوئی جواب نہیں آیا",
    "مجھے مارکیٹ جانا ہے",
    "بیٹے کی تشخیص میں ایک سال لگا",
    "اسکول کا خودکار دروازہ ٹوٹا ہوا ہے",
    "mujhe school se koi jawab nahi mila",
    // Polish: "bije" inside other words, or without "mnie"; "dotyczy mnie" is not "dotyka mnie".
    "Syn pobija rekordy w pływaniu i bardzo to lubi.",
    "Zegar bije o dwunastej, a autobus przyjeżdża za późno.",
    "Zabieram syna na basen w każdą sobotę",
    "Ta decyzja dotyczy mnie bezpośrednio",
    "Chcę umówić wizytę u logopedy",
    "Szkoła nie odpowiada na nasze maile od miesięcy.",
  ])("no false alarm: %s", (text) => {
    expect(found(text)).toEqual([]);
  });
});
