/**
 * The fields that say which survey this is (address, audience, series and wave,
 * who can answer), shared by "Create a survey" and "Import a survey from a file".
 */
import { useTranslation } from "react-i18next";
import { Radios } from "~/components/forms/radios";
import { TextInput } from "~/components/forms/text-input";
import { audiences } from "./definition";
import { accessModes, LIMITS } from "./lifecycle";

export function IdentityFields({ values, errors }: { values: Record<string, string>; errors: Record<string, string> }) {
  const { t } = useTranslation("survey-admin");
  const error = (field: string) => (errors[field] ? t(errors[field]!) : undefined);
  return (
    <>
      <TextInput
        name="slug"
        label={t("fields.slug")}
        hint={t("fields.slugHint")}
        defaultValue={values.slug}
        maxLength={LIMITS.slug}
        spellCheck={false}
        autoCapitalize="none"
        error={error("slug")}
      />
      <Radios
        name="audience"
        legend={t("fields.audience")}
        legendSize="s"
        defaultValue={values.audience}
        error={error("audience")}
        choices={audiences.map((audience) => ({ value: audience, label: t(`audiences.${audience}`) }))}
      />
      <TextInput
        name="series"
        label={t("fields.series")}
        hint={t("fields.seriesHint")}
        defaultValue={values.series}
        maxLength={LIMITS.series}
        spellCheck={false}
        autoCapitalize="none"
        error={error("series")}
      />
      <TextInput name="wave" label={t("fields.wave")} hint={t("fields.waveHint")} defaultValue={values.wave} maxLength={LIMITS.wave} width="10" error={error("wave")} />
      <Radios
        name="access"
        legend={t("fields.access")}
        legendSize="s"
        defaultValue={values.access}
        error={error("access")}
        choices={accessModes.map((mode) => ({ value: mode, label: t(`access.${mode}.label`), hint: t(`access.${mode}.hint`) }))}
      />
    </>
  );
}
