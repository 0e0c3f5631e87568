import i18next from "i18next";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import common from "../../public/locales/en-GB/common.json";
import easyRead from "../../public/locales/en-GB/easy-read.json";
import {
  ConnectionGuard,
  ConnectionMessages,
  forgetSavedAnswers,
  guardForm,
  readEntry,
  readForm,
  restoreForm,
  STORAGE_PREFIX,
  type FieldLike,
  type StorageLike,
} from "./connection-guard";

const i18n = i18next.createInstance();
void i18n.init({
  lng: "en-GB",
  fallbackLng: "en-GB",
  ns: ["easy-read", "common"],
  defaultNS: "easy-read",
  resources: { "en-GB": { "easy-read": easyRead, common } },
  interpolation: { escapeValue: false },
  initImmediate: false,
});
const render = (element: ReactElement) => renderToStaticMarkup(<I18nextProvider i18n={i18n}>{element}</I18nextProvider>);

// ---- A survey page's form, as plain objects (the project has no DOM library) ----

type Field = FieldLike & { checked: boolean };

function input(name: string, value = "", type = "text"): Field {
  return { name, type, value, checked: false };
}

/** Radios or checkboxes that behave like the browser's when clicked. */
function choices(type: "radio" | "checkbox", name: string, values: string[], checked: string[] = []): Field[] {
  const group: Field[] = values.map((value) => ({ name, type, value, checked: checked.includes(value) }));
  for (const field of group) {
    field.click = () => {
      if (type === "radio") for (const other of group) other.checked = other === field;
      else field.checked = !field.checked;
    };
  }
  return group;
}

class FakeForm extends EventTarget {
  constructor(public elements: Field[]) {
    super();
  }
  field(name: string, value?: string): Field {
    const found = this.elements.find((f) => f.name === name && (value === undefined || f.value === value));
    if (!found) throw new Error(`no field ${name}`);
    return found;
  }
  /** The person sends the form; returns whether the browser would go on to send it. */
  submit(): boolean {
    return this.dispatchEvent(new Event("submit", { cancelable: true }));
  }
}

/** An empty survey page with every kind of question. */
function surveyPage(values: Partial<Record<string, string | string[]>> = {}) {
  const one = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  const many = (name: string) => (Array.isArray(values[name]) ? (values[name] as string[]) : typeof values[name] === "string" ? [values[name] as string] : []);
  return new FakeForm([
    input("csrf", "token-123", "hidden"),
    input("name", one("name")),
    input("story", one("story"), "textarea"),
    ...choices("radio", "feeling", ["1", "2", "3", "4", "5"], many("feeling")),
    ...choices("checkbox", "help", ["school", "doctor", "family"], many("help")),
    input("birthday-day", one("birthday-day")),
    input("birthday-month", one("birthday-month")),
    input("birthday-year", one("birthday-year")),
    { ...input("intent", "continue", "submit") },
  ]);
}

class MemoryStorage implements StorageLike {
  private map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
}

function guard(form: FakeForm, storage: StorageLike, storageKey: string, online = { value: true }) {
  let refused = 0;
  const stop = guardForm({
    form: form as unknown as HTMLFormElement,
    storage,
    storageKey,
    isOnline: () => online.value,
    onOfflineSubmit: () => refused++,
  });
  return { stop, refused: () => refused };
}

const answered = {
  name: "Sam",
  story: "I like art.",
  feeling: "4",
  help: ["school", "family"],
  "birthday-day": "5",
  "birthday-month": "3",
  "birthday-year": "2012",
};

describe("ConnectionGuard", () => {
  it("draws nothing on the server: without JavaScript the page is unchanged", () => {
    expect(render(<ConnectionGuard formId="survey-page" storageKey="r1:about-you" />)).toBe("");
  });

  it("shows the offline error as a GOV.UK error message in an alert", () => {
    const html = render(<ConnectionMessages notice="none" offlineError />);
    expect(html).toMatch(
      /<div role="alert"><div class="govuk-error-summary[^"]*" tabindex="-1"><h2 class="govuk-error-summary__title">There is a problem<\/h2>/,
    );
    expect(html).toContain("You&#x27;re not connected to the internet. Your answers on this page are still here. Check your connection, then try again.");
  });

  it("says when the connection goes and comes back", () => {
    expect(render(<ConnectionMessages notice="offline" offlineError={false} />)).toMatch(/role="status"[^>]*><p[^>]*>You&#x27;re not connected to the internet\. You can keep answering/);
    expect(render(<ConnectionMessages notice="online" offlineError={false} />)).toContain("You&#x27;re connected again. You can carry on.");
    const quiet = render(<ConnectionMessages notice="none" offlineError={false} />);
    expect(quiet).not.toContain("connected");
    expect(quiet).toContain('<div role="alert"></div>'); // there, empty, ready to announce
  });
});

describe("keeping a copy of the answers", () => {
  it("reads every answer, but not the CSRF token or the buttons", () => {
    expect(readForm(surveyPage(answered).elements)).toEqual({
      name: ["Sam"],
      story: ["I like art."],
      feeling: ["4"],
      help: ["school", "family"],
      "birthday-day": ["5"],
      "birthday-month": ["3"],
      "birthday-year": ["2012"],
    });
  });

  it("copies the answers as they are given", () => {
    const storage = new MemoryStorage();
    const form = surveyPage();
    guard(form, storage, "r1:about-you");
    form.field("name").value = "Sam";
    form.dispatchEvent(new Event("input"));
    form.field("feeling", "2").click?.();
    form.dispatchEvent(new Event("change"));
    expect(readEntry(storage, "r1:about-you")?.values).toMatchObject({ name: ["Sam"], feeling: ["2"], help: [] });
    expect(storage.getItem(STORAGE_PREFIX + "r1:about-you")).not.toContain("token-123");
  });

  it("stops copying when the page is left", () => {
    const storage = new MemoryStorage();
    const form = surveyPage();
    guard(form, storage, "r1:about-you").stop();
    form.field("name").value = "Sam";
    form.dispatchEvent(new Event("input"));
    expect(readEntry(storage, "r1:about-you")).toBeUndefined();
  });
});

describe("putting answers back after a refresh or a lost connection", () => {
  it("fills in every empty question: text, long text, a radio, checkboxes and a date", () => {
    const storage = new MemoryStorage();
    const before = surveyPage(answered);
    guard(before, storage, "r1:about-you");
    before.dispatchEvent(new Event("input"));

    const after = surveyPage(); // the page came back empty
    guard(after, storage, "r1:about-you");
    expect(readForm(after.elements)).toEqual(readForm(before.elements));
  });

  it("never overwrites what the server rendered", () => {
    const saved = { name: ["Sam"], feeling: ["4"], help: ["school"], story: ["Old words"], "birthday-year": ["2012"] };
    const form = surveyPage({ name: "Alex", feeling: "2", help: ["doctor"], "birthday-day": "9" });
    const restored = restoreForm(form.elements, saved);
    expect(form.field("name").value).toBe("Alex");
    expect(form.field("feeling", "2").checked).toBe(true);
    expect(form.field("feeling", "4").checked).toBe(false);
    expect(form.field("help", "doctor").checked).toBe(true);
    expect(form.field("help", "school").checked).toBe(false);
    // Empty questions are still filled in.
    expect(form.field("story").value).toBe("Old words");
    expect(form.field("birthday-year").value).toBe("2012");
    expect(form.field("birthday-day").value).toBe("9");
    expect(restored.sort()).toEqual(["birthday-year", "story"]);
  });

  it("ignores saved options that are not on the page (changed or tampered)", () => {
    const form = surveyPage();
    restoreForm(form.elements, { feeling: ["9"], help: ["school", "wizard"] });
    expect(form.elements.filter((f) => f.name === "feeling" && f.checked)).toEqual([]);
    expect(form.elements.filter((f) => f.name === "help" && f.checked).map((f) => f.value)).toEqual(["school"]);
  });

  it("ignores a damaged copy", () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_PREFIX + "r1:about-you", "{not json");
    const form = surveyPage();
    guard(form, storage, "r1:about-you");
    expect(form.field("name").value).toBe("");
    storage.setItem(STORAGE_PREFIX + "r1:about-you", JSON.stringify({ values: { name: "Sam" } }));
    guard(surveyPage(), storage, "r1:about-you");
    expect(readEntry(storage, "r1:about-you")).toBeUndefined();
  });

  it("keeps the copy after a send, until the next page opens (the send may have failed)", () => {
    const storage = new MemoryStorage();
    const page = surveyPage(answered);
    guard(page, storage, "r1:about-you");
    expect(page.submit()).toBe(true);
    // The same page again (a failed send, a validation error, a refresh): still there.
    const again = surveyPage();
    guard(again, storage, "r1:about-you");
    expect(again.field("name").value).toBe("Sam");
    // The next page opens: the send got through, so the copy is forgotten.
    guard(surveyPage(), storage, "r1:school");
    expect(readEntry(storage, "r1:about-you")).toBeUndefined();
  });

  it("keeps other pages' copies that were never sent", () => {
    const storage = new MemoryStorage();
    const page = surveyPage(answered);
    guard(page, storage, "r1:about-you");
    page.dispatchEvent(new Event("input"));
    guard(surveyPage(), storage, "r1:school");
    expect(readEntry(storage, "r1:about-you")?.values.name).toEqual(["Sam"]);
  });

  it("can forget every copy (e.g. on the confirmation page)", () => {
    const storage = new MemoryStorage();
    storage.setItem("something-else", "keep me");
    const page = surveyPage(answered);
    guard(page, storage, "r1:about-you");
    page.dispatchEvent(new Event("input"));
    forgetSavedAnswers(storage);
    expect(storage.length).toBe(1);
    expect(storage.getItem("something-else")).toBe("keep me");
  });

  it("works when storage is switched off", () => {
    const form = surveyPage();
    const refused = guardForm({ form: form as unknown as HTMLFormElement, storage: undefined, storageKey: "k", isOnline: () => false, onOfflineSubmit: () => undefined });
    expect(form.submit()).toBe(false);
    refused();
    const full: StorageLike = { ...new MemoryStorage(), length: 0, key: () => null, getItem: () => null, removeItem: () => undefined, setItem: () => { throw new DOMException("full", "QuotaExceededError"); } };
    const page = surveyPage(answered);
    guard(page, full, "k");
    expect(() => page.dispatchEvent(new Event("input"))).not.toThrow();
  });
});

describe("sending while offline", () => {
  it("is stopped, the person is told, and the answers stay in the form and in the copy", () => {
    const storage = new MemoryStorage();
    const online = { value: true };
    const page = surveyPage(answered);
    const watched = guard(page, storage, "r1:about-you", online);
    online.value = false;
    let reachedReact = false;
    page.addEventListener("submit", (event) => {
      // What a later listener (React's, at the document) would see.
      reachedReact = !event.cancelBubble;
    });
    expect(page.submit()).toBe(false);
    expect(reachedReact).toBe(false);
    expect(watched.refused()).toBe(1);
    expect(page.field("name").value).toBe("Sam");
    expect(readEntry(storage, "r1:about-you")?.values.name).toEqual(["Sam"]);
    expect(readEntry(storage, "r1:about-you")?.submitted).toBeFalsy();
  });

  it("goes through once the connection is back", () => {
    const online = { value: false };
    const page = surveyPage(answered);
    const watched = guard(page, new MemoryStorage(), "r1:about-you", online);
    expect(page.submit()).toBe(false);
    online.value = true;
    expect(page.submit()).toBe(true);
    expect(watched.refused()).toBe(1);
  });
});
