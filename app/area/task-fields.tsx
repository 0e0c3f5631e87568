import { useTranslation } from "react-i18next";
import { DateInput } from "~/components/forms/date-input";
import { Radios } from "~/components/forms/radios";
import { TextInput } from "~/components/forms/text-input";
import { Textarea } from "~/components/forms/textarea";
import type { FieldErrors } from "~/utils/form-data";
import { dateErrorParts, RAG_VALUES } from "./schemas";

const LEAD_ROLE_EXAMPLE = "SEND Reforms Manager";

export interface TaskFieldValues {
  description?: string;
  leadRole?: string;
  dueText?: string;
  due: { day: string; month: string; year: string };
  outcome?: string;
  rag?: string;
}

/** The fields of an improvement-plan task, shared by the "add a task" and "change a task" pages. */
export function TaskFields({ values, errors, vars = {} }: { values: TaskFieldValues; errors: FieldErrors; vars?: Record<string, string> }) {
  const { t } = useTranslation("area-admin");
  const error = (field: string) => (errors[field] ? t(errors[field], vars) : undefined);
  return (
    <>
      <Textarea name="description" label={t("fields.description")} hint={t("fields.descriptionHint")} rows={3} defaultValue={values.description} error={error("description")} />
      <TextInput
        name="leadRole"
        label={t("fields.leadRole")}
        hint={t("fields.leadRoleHint", { example: LEAD_ROLE_EXAMPLE })}
        optional
        autoComplete="off"
        defaultValue={values.leadRole}
        error={error("leadRole")}
      />
      <TextInput
        name="dueText"
        label={t("fields.dueText")}
        hint={t("fields.dueTextHint")}
        optional
        autoComplete="off"
        width="20"
        defaultValue={values.dueText}
        error={error("dueText")}
      />
      <DateInput
        name="dueDate"
        legend={t("fields.dueDate")}
        legendSize="s"
        hint={t("fields.dueDateHint")}
        error={error("dueDate")}
        errorParts={dateErrorParts(errors.dueDate, values.due)}
        defaultValue={values.due}
      />
      <Textarea name="outcome" label={t("fields.outcome")} hint={t("fields.outcomeHint")} optional defaultValue={values.outcome} error={error("outcome")} />
      <Radios
        name="rag"
        legend={t("fields.rag")}
        legendSize="s"
        error={error("rag")}
        defaultValue={values.rag}
        choices={RAG_VALUES.map((rag) => ({ value: rag, label: t(`rag.${rag}`), hint: t(`rag.${rag}Hint`) }))}
      />
    </>
  );
}
