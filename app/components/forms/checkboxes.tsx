import { ChoiceItems, type Choice } from "./choice-items";
import { FieldsetGroup, type GroupQuestionProps } from "./fieldset";

export interface CheckboxesProps extends GroupQuestionProps {
  choices: Choice[];
  defaultValues?: string[];
  small?: boolean;
}

/** GOV.UK checkboxes ("select all that apply"). */
export function Checkboxes({ name, id = name, legend, hint, error, choices, defaultValues = [], isPageHeading, legendSize, small, inputProps }: CheckboxesProps) {
  return (
    <FieldsetGroup id={id} legend={legend} hint={hint} error={error} isPageHeading={isPageHeading} legendSize={legendSize}>
      <div className={`govuk-checkboxes${small ? " govuk-checkboxes--small" : ""}`} data-module="govuk-checkboxes">
        <ChoiceItems kind="checkboxes" name={name} id={id} choices={choices} isChecked={(v) => defaultValues.includes(v)} inputProps={inputProps} />
      </div>
    </FieldsetGroup>
  );
}
