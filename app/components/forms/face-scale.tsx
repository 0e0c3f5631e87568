import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FieldsetGroup, type GroupQuestionProps } from "./fieldset";

export type FaceLevel = "veryUnhappy" | "unhappy" | "neutral" | "happy" | "veryHappy";

/** The five points of the scale, worst first. Each is submitted as its value ("1" to "5"). */
export const FACE_LEVELS: { level: FaceLevel; value: string }[] = [
  { level: "veryUnhappy", value: "1" },
  { level: "unhappy", value: "2" },
  { level: "neutral", value: "3" },
  { level: "happy", value: "4" },
  { level: "veryHappy", value: "5" },
];

export interface FaceScaleProps extends GroupQuestionProps {
  /** "1" (very unhappy) to "5" (very happy). */
  defaultValue?: string;
  /** Different words for some or all of the points, e.g. for younger children. */
  labels?: Partial<Record<FaceLevel, ReactNode>>;
}

/**
 * Mouths, from a deep frown to a wide open smile (quadratic curves: the
 * control point moves down as the face gets happier). The two extremes also
 * differ in shape, not just in degree: worried eyebrows, an open grin.
 */
const mouths: Record<FaceLevel, { d: string; filled?: boolean }> = {
  veryUnhappy: { d: "M19 48 Q32 32 45 48" },
  unhappy: { d: "M21 45 Q32 38 43 45" },
  neutral: { d: "M21 42 L43 42" },
  happy: { d: "M21 40 Q32 48 43 40" },
  veryHappy: { d: "M18 37 Q32 59 46 37 Z", filled: true },
};

/** A simple drawn face. Decorative: the words next to it say the same thing. */
export function Face({ level }: { level: FaceLevel }) {
  const mouth = mouths[level];
  return (
    <svg className="portal-face-scale__face" viewBox="0 0 64 64" width="64" height="64" aria-hidden="true" focusable="false">
      <circle cx="32" cy="32" r="29" fill="none" stroke="currentColor" strokeWidth="3" />
      <circle cx="22" cy="25" r="3.5" fill="currentColor" />
      <circle cx="42" cy="25" r="3.5" fill="currentColor" />
      {level === "veryUnhappy" ? <path d="M14 19 L26 14 M38 14 L50 19" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" /> : null}
      <path
        d={mouth.d}
        fill={mouth.filled ? "currentColor" : "none"}
        stroke="currentColor"
        strokeWidth="3.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/**
 * A five-point face scale for "how do you feel about…" questions. It is a set
 * of real radio buttons (arrow keys move between them), each a big target with
 * a drawn face and the words always visible: never a face or a colour alone.
 * The first radio carries the field id so an error summary link lands on it.
 */
export function FaceScale({ name, id = name, legend, hint, error, defaultValue, labels, isPageHeading, legendSize, inputProps }: FaceScaleProps) {
  const { t } = useTranslation("common");
  return (
    <FieldsetGroup id={id} legend={legend} hint={hint} error={error} isPageHeading={isPageHeading} legendSize={legendSize}>
        <div className={`portal-face-scale${error ? " portal-face-scale--error" : ""}`}>
          {FACE_LEVELS.map(({ level, value }, index) => {
            const inputId = index === 0 ? id : `${id}-${index + 1}`;
            return (
              <div className="portal-face-scale__option" key={value}>
                <input
                  className="portal-face-scale__input"
                  id={inputId}
                  name={name}
                  type="radio"
                  value={value}
                  defaultChecked={defaultValue === value}
                  {...inputProps}
                />
                <label className="portal-face-scale__label" htmlFor={inputId}>
                  <Face level={level} />
                  <span className="portal-face-scale__text">{labels?.[level] ?? t(`faceScale.${level}`)}</span>
                </label>
              </div>
            );
          })}
        </div>
    </FieldsetGroup>
  );
}
