import { ChoiceItems, type Choice } from "./choice-items";
import { FieldsetGroup, type GroupQuestionProps } from "./fieldset";

export type { Choice };

export interface RadiosProps extends GroupQuestionProps {
  choices: Choice[];
  defaultValue?: string;
  inline?: boolean;
  small?: boolean;
}

/** GOV.UK radios ("choose one"). */
export function Radios({ name, id = name, legend, hint, error, choices, defaultValue, isPageHeading, legendSize, inline, small, inputProps }: RadiosProps) {
  return (
    <FieldsetGroup id={id} legend={legend} hint={hint} error={error} isPageHeading={isPageHeading} legendSize={legendSize}>
      <div className={`govuk-radios${inline ? " govuk-radios--inline" : ""}${small ? " govuk-radios--small" : ""}`} data-module="govuk-radios">
        <ChoiceItems kind="radios" name={name} id={id} choices={choices} isChecked={(v) => v === defaultValue} inputProps={inputProps} />
      </div>
    </FieldsetGroup>
  );
}
