import { useTranslation } from "react-i18next";
import { Checkboxes } from "~/components/forms/checkboxes";
import { Radios } from "~/components/forms/radios";
import { Select } from "~/components/forms/select";
import type { FieldErrors, FormValues } from "~/utils/form-data";
import { roles } from "./roles";

export interface AccessFieldsProps {
  errors: FieldErrors;
  values: { role?: string; workingGroupIds?: string[]; leadGroupIds?: string[]; organisationId?: string };
  groups: { id: number; name: string }[];
  organisations: { id: string; name: string }[];
  /** Editing an account: which of its groups it leads. */
  showLeads?: boolean;
}

/** Role, working groups and organisation: shared by the invite and edit-access forms. */
export function AccessFields({ errors, values, groups, organisations, showLeads = false }: AccessFieldsProps) {
  const { t } = useTranslation("users");
  const { t: tAdmin } = useTranslation("admin");
  return (
    <>
      <Radios
        name="role"
        legend={t("form.role")}
        legendSize="m"
        error={errors.role ? t(errors.role) : undefined}
        defaultValue={values.role}
        choices={roles.map((role) => ({ value: role, label: tAdmin(`roles.${role}`), hint: t(`form.roleHints.${role}`) }))}
      />
      <Checkboxes
        name="workingGroupIds"
        legend={t("form.groups")}
        legendSize="s"
        hint={t("form.groupsHint")}
        error={errors.workingGroupIds ? t(errors.workingGroupIds) : undefined}
        defaultValues={values.workingGroupIds ?? []}
        choices={groups.map((group) => ({ value: String(group.id), label: group.name }))}
      />
      {showLeads ? (
        <Checkboxes
          name="leadGroupIds"
          legend={t("form.leads")}
          legendSize="s"
          hint={t("form.leadsHint")}
          error={errors.leadGroupIds ? t(errors.leadGroupIds) : undefined}
          defaultValues={values.leadGroupIds ?? []}
          choices={groups.map((group) => ({ value: String(group.id), label: group.name }))}
        />
      ) : null}
      <Select
        name="organisationId"
        label={t("form.organisation")}
        hint={t("form.organisationHint")}
        error={errors.organisationId ? t(errors.organisationId) : undefined}
        defaultValue={values.organisationId ?? ""}
        options={[{ value: "", label: t("form.noOrganisation") }, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
      />
    </>
  );
}

export function accessValues(values: FormValues | undefined) {
  const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
  return {
    role: one(values?.role),
    workingGroupIds: list(values?.workingGroupIds),
    leadGroupIds: list(values?.leadGroupIds),
    organisationId: one(values?.organisationId),
    name: one(values?.name),
    email: one(values?.email),
  };
}
