import type { ReactNode } from "react";
import type { GroupQuestionProps } from "./fieldset";

export interface Choice {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Language of the label, when it differs from the page's. */
  lang?: string;
}

/**
 * The items of GOV.UK radios or checkboxes. The first input carries the field
 * id, so an error summary link lands on it.
 */
export function ChoiceItems({
  kind,
  name,
  id,
  choices,
  isChecked,
  inputProps,
}: {
  kind: "radios" | "checkboxes";
  name: string;
  id: string;
  choices: Choice[];
  isChecked: (value: string) => boolean;
  inputProps?: GroupQuestionProps["inputProps"];
}) {
  return (
    <>
      {choices.map((choice, index) => {
        const inputId = index === 0 ? id : `${id}-${index + 1}`;
        return (
          <div className={`govuk-${kind}__item`} key={choice.value}>
            <input
              className={`govuk-${kind}__input`}
              id={inputId}
              name={name}
              type={kind === "radios" ? "radio" : "checkbox"}
              value={choice.value}
              defaultChecked={isChecked(choice.value)}
              aria-describedby={choice.hint ? `${inputId}-item-hint` : undefined}
              {...inputProps}
            />
            <label className={`govuk-label govuk-${kind}__label`} htmlFor={inputId} lang={choice.lang}>
              {choice.label}
            </label>
            {choice.hint ? (
              <div id={`${inputId}-item-hint`} className={`govuk-hint govuk-${kind}__hint`}>
                {choice.hint}
              </div>
            ) : null}
          </div>
        );
      })}
    </>
  );
}
