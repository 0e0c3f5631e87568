// The pieces of bench/surveys.ts that act as a browser without JavaScript:
// a cookie jar, reading a page's forms (action, hidden fields, the choices a
// question offers), filling them in as a respondent would, and encoding the
// post. Pure: no network, no database, so they can be checked on their own.
import { checkAnswer, type AnswerContext, type AnswerValue } from "../app/surveys/answers";
import { en, type Question, type SurveyDefinition, type SurveyPage } from "../app/surveys/definition";

type Random = { next(): number; int(min: number, max: number): number; pick<T>(items: readonly T[]): T };

// ---------------------------------------------------------------------------
// Cookies

/** The cookies one browser holds for 127.0.0.1: name → value (every portal cookie has Path=/). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Takes a response's Set-Cookie headers: a cookie set to expire, or to "", is dropped. */
  store(setCookie: string[] | undefined): void {
    for (const header of setCookie ?? []) {
      const [pair = "", ...attributes] = header.split(";");
      const equals = pair.indexOf("=");
      if (equals < 1) continue;
      const name = pair.slice(0, equals).trim();
      const value = pair.slice(equals + 1).trim();
      const expired = attributes.some((a) => {
        const [key = "", v = ""] = a.split("=").map((s) => s.trim());
        if (/^max-age$/i.test(key)) return Number(v) <= 0;
        if (/^expires$/i.test(key)) return Date.parse(v) <= Date.now();
        return false;
      });
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** The Cookie request header, or undefined when there is none. */
  header(): string | undefined {
    return this.cookies.size ? [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ") : undefined;
  }

  has(name: string): boolean {
    return this.cookies.has(name);
  }
}

// ---------------------------------------------------------------------------
// Reading forms

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === "#") return String.fromCodePoint(code[1]?.toLowerCase() === "x" ? parseInt(code.slice(2), 16) : Number(code.slice(1)));
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

export function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of tag.matchAll(/([^\s=/>"']+)(?:\s*=\s*"([^"]*)")?/g)) {
    found[match[1]!.toLowerCase()] = decodeEntities(match[2] ?? "");
  }
  return found;
}

export interface PageForm {
  action: string;
  method: string;
  /** Hidden inputs, in order (csrf, intent, …). */
  hidden: [string, string][];
  /** Radio and checkbox groups: name → the values offered, in page order. */
  choices: Map<string, { type: "radio" | "checkbox"; values: string[] }>;
  /** Select boxes: name → option values (the empty "choose" option left out). */
  selects: Map<string, string[]>;
  /** Text-like inputs and text areas, by name. */
  fields: Set<string>;
  /** Submit buttons with a name: what clicking each one adds. */
  buttons: [string, string][];
}

/** Every <form> on the page, read as a browser would submit it. */
export function readForms(html: string, pageUrl: string): PageForm[] {
  const forms: PageForm[] = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const attrs = attributes(match[1]!);
    const body = match[2]!;
    // A form with no action posts back to the page itself.
    const target = new URL(attrs.action || pageUrl, pageUrl);
    const form: PageForm = {
      action: target.pathname + target.search,
      method: (attrs.method || "get").toLowerCase(),
      hidden: [],
      choices: new Map(),
      selects: new Map(),
      fields: new Set(),
      buttons: [],
    };
    for (const input of body.matchAll(/<input\b([^>]*)>/gi)) {
      const a = attributes(input[1]!);
      if (!a.name || "disabled" in a) continue;
      const type = (a.type || "text").toLowerCase();
      if (type === "hidden") form.hidden.push([a.name, a.value ?? ""]);
      else if (type === "radio" || type === "checkbox") {
        const group = form.choices.get(a.name) ?? { type, values: [] };
        group.values.push(a.value ?? "on");
        form.choices.set(a.name, group);
      } else if (type === "submit") form.buttons.push([a.name, a.value ?? ""]);
      else form.fields.add(a.name);
    }
    for (const textarea of body.matchAll(/<textarea\b([^>]*)>/gi)) {
      const a = attributes(textarea[1]!);
      if (a.name) form.fields.add(a.name);
    }
    for (const select of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
      const a = attributes(select[1]!);
      if (!a.name) continue;
      const values = [...select[2]!.matchAll(/<option\b([^>]*)>/gi)].map((o) => attributes(o[1]!).value ?? "").filter((v) => v !== "");
      form.selects.set(a.name, values);
    }
    for (const button of body.matchAll(/<button\b([^>]*)>/gi)) {
      const a = attributes(button[1]!);
      if (a.name && (a.type ?? "submit").toLowerCase() === "submit") form.buttons.push([a.name, a.value ?? ""]);
    }
    forms.push(form);
  }
  return forms;
}

/** The post form that carries `intent` (as a hidden field or as a button), or undefined. */
export function formWithIntent(forms: PageForm[], intent: string): PageForm | undefined {
  return forms.find(
    (f) => f.method === "post" && (f.hidden.some(([n, v]) => n === "intent" && v === intent) || f.buttons.some(([n, v]) => n === "intent" && v === intent)),
  );
}

/** The reference on the confirmation page ("SV-7KQ3-M9XP"). */
export function readReference(html: string): string | undefined {
  return /\bSV-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}\b/.exec(html)?.[0];
}

// ---------------------------------------------------------------------------
// The benchmark's survey: 20 required questions, every type

const TYPES: Pick<Question, "type" | "about">[] = [
  { type: "agreement" },
  { type: "agreement" },
  { type: "yes_no_not_sure" },
  { type: "single_choice" },
  { type: "multiple_choice" },
  { type: "face_scale" },
  { type: "number" },
  { type: "date" },
  { type: "short_text" },
  { type: "long_text" },
  { type: "agreement" },
  { type: "yes_no_not_sure" },
  { type: "single_choice" },
  { type: "multiple_choice" },
  { type: "face_scale" },
  { type: "number" },
  { type: "agreement" },
  { type: "short_text" },
  { type: "single_choice", about: "district" },
  { type: "single_choice", about: "age_band" },
];

export const BENCH_QUESTION_COUNT = TYPES.length;

/**
 * A survey of 20 required questions (no conditions, so every respondent
 * answers all 20), `perPage` to a page: 20 pages of 1, or 10 pages of 2.
 */
export function benchSurveyDefinition(perPage: 1 | 2): SurveyDefinition {
  const questions: Question[] = TYPES.map((t, i) => {
    const n = String(i + 1).padStart(2, "0");
    const choices = t.type === "single_choice" || t.type === "multiple_choice";
    return {
      key: `q${n}`,
      type: t.type,
      required: true,
      text: en(`Benchmark question ${n} (${t.about ?? t.type.replace(/_/g, " ")})`),
      hint: [],
      options:
        choices && !t.about
          ? ["first", "second", "third", "fourth", "fifth"].map((value) => ({ value, label: en(`The ${value} choice`) }))
          : [],
      allowDontKnow: true,
      condition: null,
      areaOfConcern: (i % 12) + 1,
      workingGroup: null,
      about: t.about ?? null,
      min: t.type === "number" ? 0 : null,
      max: t.type === "number" ? 120 : null,
    };
  });
  const pages: SurveyPage[] = [];
  for (let i = 0; i < questions.length; i += perPage) {
    pages.push({ key: `p${String(pages.length + 1).padStart(2, "0")}`, title: [], questions: questions.slice(i, i + perPage), condition: null });
  }
  return {
    title: en("Benchmark survey"),
    purpose: en("Simulated respondents complete this survey to measure the journey."),
    howUsed: en("The answers are thrown away with the benchmark's database."),
    estimatedMinutes: 10,
    pages,
  };
}

const WORDS = "support school plan family help listened meeting waiting therapy friends future health college transport information".split(" ");

function sentence(random: Random, words: number): string {
  const out = Array.from({ length: words }, () => random.pick(WORDS));
  return `${out.join(" ").replace(/^./, (c) => c.toUpperCase())}.`;
}

export interface FilledPage {
  /** The fields to post (repeated names for checkboxes), the clicked button last. */
  fields: [string, string][];
  /** What the portal should store for each question, after its own tidying. */
  expected: Record<string, AnswerValue>;
}

/**
 * Fills in a page's form as a respondent would: one of the offered choices
 * for each radio group, one to three boxes, a number, a real date, some
 * words. Throws when a question's field is missing from the page, so a broken
 * page is an error in the run rather than a silent skip.
 */
export function fillPage(form: PageForm, page: SurveyPage, random: Random, intent = "continue"): FilledPage {
  const fields: [string, string][] = [...form.hidden];
  const expected: Record<string, AnswerValue> = {};
  for (const q of page.questions) {
    const missing = () => new Error(`page ${page.key} has no field for ${q.key} (${q.type})`);
    switch (q.type) {
      case "agreement":
      case "face_scale":
      case "yes_no_not_sure":
      case "single_choice": {
        const offered = form.choices.get(q.key)?.values ?? form.selects.get(q.key);
        if (!offered?.length) throw missing();
        const value = random.pick(offered);
        fields.push([q.key, value]);
        expected[q.key] = value;
        break;
      }
      case "multiple_choice": {
        const offered = form.choices.get(q.key)?.values;
        if (!offered?.length) throw missing();
        const count = random.int(1, Math.min(3, offered.length));
        const chosen = new Set<string>();
        while (chosen.size < count) chosen.add(random.pick(offered));
        for (const value of offered) if (chosen.has(value)) fields.push([q.key, value]);
        // Stored in the question's order, which is the page's order.
        expected[q.key] = offered.filter((v) => chosen.has(v));
        break;
      }
      case "number": {
        if (!form.fields.has(q.key)) throw missing();
        const value = random.int(q.min ?? 0, q.max ?? 100);
        fields.push([q.key, String(value)]);
        expected[q.key] = String(value);
        break;
      }
      case "date": {
        if (!["day", "month", "year"].every((p) => form.fields.has(`${q.key}-${p}`))) throw missing();
        const [year, month, day] = [random.int(2015, 2025), random.int(1, 12), random.int(1, 28)];
        fields.push([`${q.key}-day`, String(day)], [`${q.key}-month`, String(month)], [`${q.key}-year`, String(year)]);
        expected[q.key] = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
        break;
      }
      case "short_text":
      case "long_text": {
        if (!form.fields.has(q.key)) throw missing();
        const value =
          q.type === "short_text"
            ? sentence(random, random.int(3, 12))
            : Array.from({ length: random.int(2, 12) }, () => sentence(random, random.int(6, 16))).join(" ");
        fields.push([q.key, value]);
        expected[q.key] = value;
        break;
      }
    }
  }
  const button = form.buttons.find(([name, value]) => name === "intent" && value === intent);
  if (button) fields.push(button);
  return { fields, expected };
}

/** Checks a filled page against the engine's own rules: what the server will accept and store. */
export function checkFilled(page: SurveyPage, filled: FilledPage, context: AnswerContext): string[] {
  const problems: string[] = [];
  for (const q of page.questions) {
    const value = filled.expected[q.key];
    const checked = checkAnswer(q, value ?? "", context);
    if (!checked.ok) problems.push(`${q.key}: ${checked.error}`);
    else if (JSON.stringify(checked.value) !== JSON.stringify(value)) problems.push(`${q.key}: stored as ${JSON.stringify(checked.value)}`);
  }
  return problems;
}

export function encodeForm(fields: [string, string][]): string {
  return new URLSearchParams(fields).toString();
}
