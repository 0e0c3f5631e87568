import {
  forwardRef,
  useCallback,
  useEffect,
  useRef,
  useState,
  type ChangeEvent,
  type ReactNode,
  type Ref,
  type TextareaHTMLAttributes,
} from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "./field";

export interface TextareaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name" | "maxLength"> {
  name: string;
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  isPageHeading?: boolean;
  /**
   * Show a GOV.UK character count. This is advice, not a hard limit: there is
   * deliberately no maxlength attribute, so people can paste and then edit.
   * Check the length on the server too.
   */
  maxLength?: number;
}

/** How long typing must pause before the screen reader hears the new count. */
export const COUNT_ANNOUNCE_DELAY_MS = 1000;

function setRef<T>(ref: Ref<T> | undefined, value: T | null) {
  if (typeof ref === "function") ref(value);
  else if (ref) (ref as { current: T | null }).current = value;
}

/**
 * GOV.UK textarea, optionally with the character count pattern. Without
 * JavaScript the count is a hint ("You can enter up to 200 characters"). Once
 * hydrated, that hint is kept for screen readers (it stays in
 * aria-describedby, visually hidden), a visible count updates as you type,
 * and a polite live region says the count after typing pauses, as GOV.UK's
 * own JavaScript does.
 */
export const Textarea = forwardRef<HTMLTextAreaElement, TextareaProps>(function Textarea(
  { name, id = name, label, hint, error, optional, isPageHeading, maxLength, rows = 5, className, onChange, ...textarea },
  ref,
) {
  const { t } = useTranslation("common");
  const counted = typeof maxLength === "number";
  const initial = String(textarea.value ?? textarea.defaultValue ?? "").length;
  const [length, setLength] = useState(initial);
  const [announced, setAnnounced] = useState("");
  const [hydrated, setHydrated] = useState(false);
  const element = useRef<HTMLTextAreaElement | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const countMessage = useCallback(
    (count: number) => {
      const remaining = (maxLength ?? 0) - count;
      return remaining < 0 ? t("characterCount.over", { count: -remaining }) : t("characterCount.remaining", { count: remaining });
    },
    [maxLength, t],
  );

  useEffect(() => {
    if (!counted) return;
    setHydrated(true);
    // The text as hydrated. Anything typed before hydration is put back just after this,
    // with an input event, so handleChange counts it (keep-typed-text.ts).
    setLength(element.current?.value.length ?? 0);
    return () => clearTimeout(timer.current);
  }, [counted]);

  // A controlled value can change from outside (e.g. a form reset).
  useEffect(() => {
    if (counted && textarea.value !== undefined) setLength(String(textarea.value).length);
  }, [counted, textarea.value]);

  const attachRef = useCallback(
    (node: HTMLTextAreaElement | null) => {
      element.current = node;
      setRef(ref, node);
    },
    [ref],
  );

  function handleChange(event: ChangeEvent<HTMLTextAreaElement>) {
    if (counted) {
      const count = event.target.value.length;
      setLength(count);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setAnnounced(countMessage(count)), COUNT_ANNOUNCE_DELAY_MS);
    }
    onChange?.(event);
  }

  const over = counted && length > maxLength;
  const infoId = `${id}-info`;
  const describedBy =
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null, counted ? infoId : null].filter(Boolean).join(" ") || undefined;
  const labelElement = (
    <label className={`govuk-label${isPageHeading ? " govuk-label--l" : ""}`} htmlFor={id}>
      {label}
      {optional ? ` ${t("optional")}` : null}
    </label>
  );

  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}${counted ? " govuk-character-count" : ""}`}>
      {isPageHeading ? <h1 className="govuk-label-wrapper">{labelElement}</h1> : labelElement}
      {hint ? (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      <textarea
        ref={attachRef}
        id={id}
        name={name}
        rows={rows}
        className={`govuk-textarea${error || over ? " govuk-textarea--error" : ""}${counted ? " govuk-js-character-count" : ""}${className ? ` ${className}` : ""}`}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        onChange={handleChange}
        {...textarea}
      />
      {counted ? (
        <>
          <div id={infoId} className={`govuk-hint govuk-character-count__message${hydrated ? " govuk-visually-hidden" : ""}`}>
            {t("characterCount.limit", { count: maxLength })}
          </div>
          {hydrated ? (
            <div
              className={`govuk-character-count__message govuk-character-count__status ${over ? "govuk-error-message" : "govuk-hint"}`}
              aria-hidden="true"
            >
              {countMessage(length)}
            </div>
          ) : null}
          <div className="govuk-character-count__sr-status govuk-visually-hidden" aria-live="polite">
            {announced}
          </div>
        </>
      ) : null}
    </div>
  );
});
