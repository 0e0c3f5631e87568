import { useEffect, useRef, useState, type Ref } from "react";
import { useTranslation } from "react-i18next";

/** Every copy this guard keeps in sessionStorage starts with this, so they can be found and forgotten together. */
export const STORAGE_PREFIX = "portal-answers:";

/** A form's answers: field name → values (one for a text box, the ticked ones for checkboxes). */
export type SavedValues = Record<string, string[]>;

interface Entry {
  values: SavedValues;
  /** The form was sent while online; forgotten once another page with a guard opens (it got through). */
  submitted?: boolean;
}

/** The parts of a form control the guard reads and writes. */
export interface FieldLike {
  name: string;
  type: string;
  value: string;
  checked?: boolean;
  disabled?: boolean;
  click?: () => void;
  dispatchEvent?: (event: Event) => boolean;
}

/** The parts of Storage the guard uses (sessionStorage, or a test's). */
export type StorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

/** Never copied: they are not answers (and the CSRF token is not for storage). */
const SKIPPED_TYPES = new Set(["hidden", "submit", "button", "reset", "image", "file", "password", "select-multiple"]);
const SKIPPED_NAMES = new Set(["csrf", "intent"]);

function answerFields(elements: Iterable<unknown> | ArrayLike<unknown>): FieldLike[] {
  return Array.from(elements as ArrayLike<unknown>).filter((element): element is FieldLike => {
    const field = element as Partial<FieldLike>;
    return (
      typeof field.name === "string" &&
      field.name !== "" &&
      typeof field.type === "string" &&
      !SKIPPED_TYPES.has(field.type) &&
      !SKIPPED_NAMES.has(field.name) &&
      !field.disabled
    );
  });
}

const isChoice = (field: FieldLike) => field.type === "radio" || field.type === "checkbox";

/** What the form holds now. */
export function readForm(elements: Iterable<unknown> | ArrayLike<unknown>): SavedValues {
  const values: SavedValues = {};
  for (const field of answerFields(elements)) {
    const list = (values[field.name] ??= []);
    if (!isChoice(field)) list.push(field.value);
    else if (field.checked) list.push(field.value);
  }
  return values;
}

/** Sets a value so that React (and any character count) notices, as if typed. */
function setTypedValue(field: FieldLike, value: string) {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field) as object, "value")?.set;
  if (setter) setter.call(field, value);
  else field.value = value;
  if (field.dispatchEvent && typeof Event === "function") {
    field.dispatchEvent(new Event("input", { bubbles: true }));
    field.dispatchEvent(new Event("change", { bubbles: true }));
  }
}

/**
 * Puts saved answers back, but only into questions that are empty now: a value
 * the server rendered (or the browser restored, or the person typed) always
 * wins. Options that no longer exist are ignored. Returns the names filled in.
 */
export function restoreForm(elements: Iterable<unknown> | ArrayLike<unknown>, saved: SavedValues): string[] {
  const byName = new Map<string, FieldLike[]>();
  for (const field of answerFields(elements)) byName.set(field.name, [...(byName.get(field.name) ?? []), field]);
  const restored: string[] = [];
  for (const [name, fields] of byName) {
    const wanted = (saved[name] ?? []).filter((v) => typeof v === "string");
    if (!wanted.some((v) => v !== "")) continue;
    if (fields.every(isChoice)) {
      if (fields.some((f) => f.checked)) continue;
      let changed = false;
      for (const field of fields) {
        if (!wanted.includes(field.value)) continue;
        // A click, so React and conditional reveals see it as the person's choice.
        if (field.click) field.click();
        else field.checked = true;
        changed = true;
      }
      if (changed) restored.push(name);
    } else {
      if (fields.some((f) => isChoice(f) || f.value !== "")) continue;
      fields.forEach((field, index) => {
        const value = wanted[index];
        if (value) setTypedValue(field, value);
      });
      restored.push(name);
    }
  }
  return restored;
}

function isEntry(value: unknown): value is Entry {
  if (!value || typeof value !== "object") return false;
  const values = (value as Entry).values;
  return !!values && typeof values === "object" && Object.values(values).every((v) => Array.isArray(v) && v.every((s) => typeof s === "string"));
}

export function readEntry(storage: StorageLike, key: string): Entry | undefined {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(STORAGE_PREFIX + key) ?? "null");
    return isEntry(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function writeEntry(storage: StorageLike, key: string, entry: Entry) {
  try {
    storage.setItem(STORAGE_PREFIX + key, JSON.stringify(entry));
  } catch {
    // Storage full or switched off (some private modes): the form still works, it just is not copied.
  }
}

function ownKeys(storage: StorageLike): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(STORAGE_PREFIX)) keys.push(key.slice(STORAGE_PREFIX.length));
  }
  return keys;
}

/** Forget pages that were sent while online: this page opened, so they got through. */
export function forgetSubmitted(storage: StorageLike, exceptKey: string) {
  for (const key of ownKeys(storage)) {
    if (key !== exceptKey && readEntry(storage, key)?.submitted) storage.removeItem(STORAGE_PREFIX + key);
  }
}

/** Forget every copy of every page (e.g. on the confirmation page, on a shared device). */
export function forgetSavedAnswers(storage: StorageLike | undefined = safeSessionStorage()) {
  if (!storage) return;
  for (const key of ownKeys(storage)) storage.removeItem(STORAGE_PREFIX + key);
}

/** Put on the confirmation page: forgets every copy once the survey is sent. Draws nothing. */
export function ForgetSavedAnswers() {
  useEffect(() => forgetSavedAnswers(), []);
  return null;
}

function safeSessionStorage(): StorageLike | undefined {
  try {
    return typeof window === "undefined" ? undefined : window.sessionStorage;
  } catch {
    return undefined; // blocked by the browser's privacy settings
  }
}

/**
 * Watches one form: keeps a copy of the answers in `storage` as they are
 * given, puts them back into empty questions when the page opens, and refuses
 * to send while the browser is offline. Returns a function that stops watching.
 */
export function guardForm({
  form,
  storage,
  storageKey,
  isOnline,
  onOfflineSubmit,
}: {
  form: Pick<HTMLFormElement, "elements" | "addEventListener" | "removeEventListener">;
  storage: StorageLike | undefined;
  storageKey: string;
  isOnline: () => boolean;
  onOfflineSubmit: () => void;
}): () => void {
  if (storage) {
    forgetSubmitted(storage, storageKey);
    const saved = readEntry(storage, storageKey);
    if (saved) restoreForm(form.elements, saved.values);
  }
  const save = () => {
    if (storage) writeEntry(storage, storageKey, { values: readForm(form.elements) });
  };
  const submit = (event: Event) => {
    if (!isOnline()) {
      event.preventDefault();
      // Keep it from React's handlers (Remix <Form>, react-hook-form), which would send it anyway.
      event.stopPropagation();
      save();
      onOfflineSubmit();
      return;
    }
    if (storage) writeEntry(storage, storageKey, { values: readForm(form.elements), submitted: true });
  };
  form.addEventListener("input", save);
  form.addEventListener("change", save);
  form.addEventListener("submit", submit);
  return () => {
    form.removeEventListener("input", save);
    form.removeEventListener("change", save);
    form.removeEventListener("submit", submit);
  };
}

export interface ConnectionGuardProps {
  /** The id of the survey page's <form>. */
  formId: string;
  /**
   * Names this page of this draft, e.g. `${responseId}:${pageKey}`. Make it
   * specific to the draft, so one person's copy never fills in another's survey.
   */
  storageKey: string;
}

export type ConnectionNotice = "none" | "offline" | "online";

/**
 * A safety net for a survey page with JavaScript (nothing on the server):
 * answers are copied to sessionStorage as they are given and put back into
 * empty questions after a refresh or a failed send; a send while offline is
 * stopped with a GOV.UK error message; going offline and online again is
 * announced. Put it just above the form's buttons.
 */
export function ConnectionGuard({ formId, storageKey }: ConnectionGuardProps) {
  const [mounted, setMounted] = useState(false);
  const [notice, setNotice] = useState<ConnectionNotice>("none");
  const [offlineError, setOfflineError] = useState(0);
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setMounted(true);
    if (navigator.onLine === false) setNotice("offline");
    const offline = () => setNotice("offline");
    const online = () => {
      setNotice("online");
      setOfflineError(0);
    };
    window.addEventListener("offline", offline);
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("offline", offline);
      window.removeEventListener("online", online);
    };
  }, []);

  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    return guardForm({
      form,
      storage: safeSessionStorage(),
      storageKey,
      isOnline: () => navigator.onLine !== false,
      onOfflineSubmit: () => setOfflineError((n) => n + 1),
    });
  }, [formId, storageKey]);

  // Each refused send moves focus to the message, as a GOV.UK error summary does.
  useEffect(() => {
    if (offlineError > 0) {
      summary.current?.focus();
      summary.current?.scrollIntoView?.({ block: "center" });
    }
  }, [offlineError]);

  if (!mounted) return null;
  return (
    <ConnectionMessages
      notice={offlineError > 0 ? "none" : notice}
      offlineError={offlineError > 0}
      summaryRef={summary}
    />
  );
}

/** The notice and the error (drawn by ConnectionGuard once the page runs JavaScript). */
export function ConnectionMessages({
  notice,
  offlineError,
  summaryRef,
}: {
  notice: ConnectionNotice;
  offlineError: boolean;
  summaryRef?: Ref<HTMLDivElement>;
}) {
  const { t } = useTranslation("easy-read");
  return (
    <div className="portal-connection app-no-print">
      <div role="status" className={notice === "none" ? undefined : `portal-connection__notice portal-connection__notice--${notice}`}>
        {notice === "offline" ? <p className="govuk-body govuk-!-margin-bottom-0">{t("connection.offline")}</p> : null}
        {notice === "online" ? <p className="govuk-body govuk-!-margin-bottom-0">{t("connection.online")}</p> : null}
      </div>
      <div role="alert">
        {offlineError ? (
          <div className="govuk-error-summary portal-connection__error" ref={summaryRef} tabIndex={-1}>
            <h2 className="govuk-error-summary__title">{t("errorSummary.title", { ns: "common" })}</h2>
            <div className="govuk-error-summary__body">
              <p className="govuk-body govuk-!-margin-bottom-0">{t("connection.offlineSubmit")}</p>
            </div>
          </div>
        ) : null}
      </div>
    </div>
  );
}
