/**
 * The fields of each section's page of the service form. Plain posted fields
 * (no JavaScript needed); repeated rows are numbered (`location-0-name`) with one
 * blank row after the existing ones for adding another. See editing-sections.ts
 * for what each field means and how it is checked.
 */
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Checkboxes } from "~/components/forms/checkboxes";
import { Fieldset } from "~/components/forms/fieldset";
import { Radios } from "~/components/forms/radios";
import { Select } from "~/components/forms/select";
import { Textarea } from "~/components/forms/textarea";
import { TextInput } from "~/components/forms/text-input";
import type { FieldErrors, FormValues } from "~/utils/form-data";
import {
  accessNeeds,
  commonLanguages,
  LIMITS,
  MAX_ROWS,
  rowCount,
  weekDays,
  type SectionOptions,
  type ServiceSection,
} from "./editing-sections";
import { accessibilityFeatures, broadAreas, costs, deliveries, phases, sendTopics } from "./model";

interface FieldsProps {
  values: FormValues;
  errors: FieldErrors;
  options: SectionOptions;
}

function useFieldHelpers({ values, errors }: FieldsProps) {
  const { t, i18n } = useTranslation(["services-admin", "local-offer-terms"]);
  const one = (name: string) => {
    const value = values[name];
    return Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
  };
  const many = (name: string) => {
    const value = values[name];
    return value === undefined ? [] : Array.isArray(value) ? value : value === "" ? [] : [value];
  };
  const error = (name: string) => (errors[name] ? t(errors[name]!) : undefined);
  return { t, i18n, one, many, error };
}

function About(props: FieldsProps) {
  const { t, one, error } = useFieldHelpers(props);
  return (
    <>
      <TextInput name="name" label={t("fields.name")} defaultValue={one("name")} error={error("name")} autoComplete="off" />
      <Textarea name="summary" label={t("fields.summary")} hint={t("form.summaryHint")} rows={3} maxLength={LIMITS.summary} defaultValue={one("summary")} error={error("summary")} />
      <Textarea name="description" label={t("fields.description")} hint={t("form.descriptionHint")} rows={8} defaultValue={one("description")} error={error("description")} />
    </>
  );
}

function Who(props: FieldsProps) {
  const { t, one, many, error } = useFieldHelpers(props);
  const areas = broadAreas.filter((area) => props.options.needs.some((n) => n.broad_area === area));
  return (
    <>
      <TextInput name="ageMin" label={t("fields.ageMin")} hint={t("form.ageHint")} inputMode="numeric" width="2" defaultValue={one("ageMin")} error={error("ageMin")} />
      <TextInput name="ageMax" label={t("fields.ageMax")} hint={t("form.ageHint")} inputMode="numeric" width="2" defaultValue={one("ageMax")} error={error("ageMax")} />
      <Checkboxes
        name="phases"
        legend={t("fields.phases")}
        legendSize="s"
        hint={t("form.phasesHint")}
        small
        defaultValues={many("phases")}
        error={error("phases")}
        choices={phases.map((p) => ({ value: p, label: t(`local-offer-terms:phases.${p}`) }))}
      />
      <h2 className="govuk-heading-m">{t("fields.needs")}</h2>
      <p className="govuk-body">{t("form.needsHint")}</p>
      {areas.map((area) => (
        <Checkboxes
          key={area}
          name="needs"
          id={`needs-${area}`}
          legend={t(`local-offer-terms:broadAreas.${area}`)}
          legendSize="s"
          small
          defaultValues={many("needs")}
          error={error(`needs-${area}`)}
          choices={props.options.needs.filter((n) => n.broad_area === area).map((n) => ({ value: n.slug, label: n.name }))}
        />
      ))}
      <Textarea name="whoFor" label={t("fields.whoFor")} hint={t("form.whoForHint")} rows={4} defaultValue={one("whoFor")} error={error("whoFor")} />
    </>
  );
}

function Access(props: FieldsProps) {
  const { t, one, many, error } = useFieldHelpers(props);
  return (
    <>
      <Checkboxes
        name="access"
        legend={t("fields.access")}
        legendSize="s"
        hint={t("form.accessHint")}
        defaultValues={many("access")}
        error={error("access")}
        choices={accessNeeds.map((a) => ({ value: a, label: t(`local-offer-terms:access.${a}`) }))}
      />
      <Textarea name="howToAccess" label={t("fields.howToAccess")} hint={t("form.howToAccessHint")} rows={5} defaultValue={one("howToAccess")} error={error("howToAccess")} />
    </>
  );
}

function Cost(props: FieldsProps) {
  const { t, one, error } = useFieldHelpers(props);
  return (
    <>
      <Radios
        name="cost"
        legend={t("fields.cost")}
        legendSize="s"
        defaultValue={one("cost")}
        error={error("cost")}
        choices={costs.map((c) => ({ value: c, label: t(`local-offer-terms:cost.${c}`) }))}
      />
      <Textarea name="costDetail" label={t("fields.costDetail")} hint={t("form.costDetailHint")} rows={3} defaultValue={one("costDetail")} error={error("costDetail")} />
    </>
  );
}

/** "Remove this …" for an existing row of a repeated group. */
function RemoveRow({ name, label }: { name: string; label: string }) {
  return (
    <div className="govuk-form-group">
      <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
        <div className="govuk-checkboxes__item">
          <input className="govuk-checkboxes__input" id={name} name={name} type="checkbox" value="yes" />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={name}>
            {label}
          </label>
        </div>
      </div>
    </div>
  );
}

/** The existing rows of a repeated group plus one blank row for adding another. */
function Rows({ count, children }: { count: number; children: (index: number, isNew: boolean) => ReactNode }) {
  const rows = Math.min(count + 1, MAX_ROWS + 1);
  return <>{Array.from({ length: rows }, (_, i) => children(i, i === count))}</>;
}

function Where(props: FieldsProps) {
  const { t, one, many, error } = useFieldHelpers(props);
  const districtOptions = [{ value: "", label: t("form.noDistrict") }, ...props.options.districts.map((d) => ({ value: d.slug, label: d.name }))];
  return (
    <>
      <Radios
        name="area"
        legend={t("fields.area")}
        legendSize="s"
        defaultValue={one("area")}
        error={error("area")}
        choices={[
          { value: "whole", label: t("local-offer-terms:wholeArea") },
          { value: "districts", label: t("form.someDistricts") },
        ]}
      />
      <Checkboxes
        name="districts"
        legend={t("fields.districts")}
        legendSize="s"
        hint={t("form.districtsHint")}
        small
        defaultValues={many("districts")}
        error={error("districts")}
        choices={props.options.districts.map((d) => ({ value: d.slug, label: d.name }))}
      />
      <Checkboxes
        name="delivery"
        legend={t("fields.delivery")}
        legendSize="s"
        small
        defaultValues={many("delivery")}
        error={error("delivery")}
        choices={deliveries.map((d) => ({ value: d, label: t(`local-offer-terms:delivery.${d}`) }))}
      />
      <h2 className="govuk-heading-m">{t("fields.locations")}</h2>
      <p className="govuk-body">{t("form.locationsHint")}</p>
      <Rows count={rowCount(props.values, "location")}>
        {(i, isNew) => {
          const f = (name: string) => `location-${i}-${name}`;
          return (
            <div className="govuk-!-margin-bottom-6" key={i}>
              <Fieldset legend={isNew ? t("form.newLocation") : t("form.location", { number: i + 1 })} legendSize="s">
                <TextInput name={f("name")} label={t("form.locationName")} defaultValue={one(f("name"))} error={error(f("name"))} autoComplete="off" />
                <TextInput name={f("address1")} label={t("form.address1")} defaultValue={one(f("address1"))} error={error(f("address1"))} autoComplete="off" />
                <TextInput name={f("city")} label={t("form.city")} width="two-thirds" defaultValue={one(f("city"))} error={error(f("city"))} autoComplete="off" />
                <TextInput name={f("postcode")} label={t("form.postcode")} width="10" defaultValue={one(f("postcode"))} error={error(f("postcode"))} autoComplete="off" spellCheck={false} />
                <Select name={f("district")} label={t("form.district")} defaultValue={one(f("district"))} error={error(f("district"))} options={districtOptions} />
                <Checkboxes
                  name={f("accessibility")}
                  legend={t("form.accessibility")}
                  legendSize="s"
                  small
                  defaultValues={many(f("accessibility"))}
                  error={error(f("accessibility"))}
                  choices={accessibilityFeatures.map((a) => ({ value: a, label: t(`local-offer-terms:accessibility.${a}`) }))}
                />
                <Textarea
                  name={f("accessibilityDescription")}
                  label={t("form.accessibilityDescription")}
                  rows={3}
                  defaultValue={one(f("accessibilityDescription"))}
                  error={error(f("accessibilityDescription"))}
                />
                {isNew ? null : <RemoveRow name={f("remove")} label={t("form.removeLocation", { number: i + 1 })} />}
              </Fieldset>
            </div>
          );
        }}
      </Rows>
    </>
  );
}

function Contact(props: FieldsProps) {
  const { t, one, error } = useFieldHelpers(props);
  return (
    <>
      <TextInput name="email" type="email" label={t("fields.email")} spellCheck={false} autoComplete="off" defaultValue={one("email")} error={error("email")} />
      <TextInput name="phone" type="tel" label={t("fields.phone")} width="20" autoComplete="off" defaultValue={one("phone")} error={error("phone")} />
      <TextInput name="website" label={t("fields.website")} hint={t("form.websiteHint")} spellCheck={false} autoComplete="off" defaultValue={one("website")} error={error("website")} />
      <h2 className="govuk-heading-m">{t("fields.contacts")}</h2>
      <p className="govuk-body">{t("form.contactsHint")}</p>
      <Rows count={rowCount(props.values, "contact")}>
        {(i, isNew) => {
          const f = (name: string) => `contact-${i}-${name}`;
          return (
            <div className="govuk-!-margin-bottom-6" key={i}>
              <Fieldset legend={isNew ? t("form.newContact") : t("form.contact", { number: i + 1 })} legendSize="s">
                <TextInput name={f("name")} label={t("form.contactName")} hint={t("form.contactNameHint")} defaultValue={one(f("name"))} error={error(f("name"))} autoComplete="off" />
                <TextInput name={f("title")} label={t("form.contactTitle")} defaultValue={one(f("title"))} error={error(f("title"))} autoComplete="off" />
                <TextInput name={f("email")} type="email" label={t("fields.email")} spellCheck={false} autoComplete="off" defaultValue={one(f("email"))} error={error(f("email"))} />
                <TextInput name={f("phone")} type="tel" label={t("fields.phone")} width="20" autoComplete="off" defaultValue={one(f("phone"))} error={error(f("phone"))} />
                {isNew ? null : <RemoveRow name={f("remove")} label={t("form.removeContact", { number: i + 1 })} />}
              </Fieldset>
            </div>
          );
        }}
      </Rows>
    </>
  );
}

function Times(props: FieldsProps) {
  const { t, one, many, error } = useFieldHelpers(props);
  return (
    <>
      <p className="govuk-body">{t("form.timesHint")}</p>
      <Rows count={rowCount(props.values, "schedule")}>
        {(i, isNew) => {
          const f = (name: string) => `schedule-${i}-${name}`;
          return (
            <div className="govuk-!-margin-bottom-6" key={i}>
              <Fieldset legend={isNew ? t("form.newTime") : t("form.time", { number: i + 1 })} legendSize="s">
                <Checkboxes
                  name={f("days")}
                  legend={t("form.days")}
                  legendSize="s"
                  small
                  defaultValues={many(f("days"))}
                  error={error(f("days"))}
                  choices={weekDays.map((d) => ({ value: d, label: t(`days.${d}`) }))}
                />
                <TextInput name={f("opensAt")} label={t("form.opensAt")} hint={t("form.timeHint")} width="5" autoComplete="off" defaultValue={one(f("opensAt"))} error={error(f("opensAt"))} />
                <TextInput name={f("closesAt")} label={t("form.closesAt")} hint={t("form.timeHint")} width="5" autoComplete="off" defaultValue={one(f("closesAt"))} error={error(f("closesAt"))} />
                <TextInput name={f("description")} label={t("form.timeNote")} hint={t("form.timeNoteHint")} autoComplete="off" defaultValue={one(f("description"))} error={error(f("description"))} />
                {isNew ? null : <RemoveRow name={f("remove")} label={t("form.removeTime", { number: i + 1 })} />}
              </Fieldset>
            </div>
          );
        }}
      </Rows>
      <Textarea name="timesDescription" label={t("fields.timesDescription")} hint={t("form.timesDescriptionHint")} rows={3} defaultValue={one("timesDescription")} error={error("timesDescription")} />
    </>
  );
}

function Languages(props: FieldsProps) {
  const { t, i18n, one, many, error } = useFieldHelpers(props);
  const names = new Intl.DisplayNames([i18n.language, "en-GB"], { type: "language" });
  return (
    <>
      <Checkboxes
        name="languages"
        legend={t("fields.languages")}
        legendSize="s"
        hint={t("form.languagesHint")}
        small
        defaultValues={many("languages")}
        error={error("languages")}
        choices={commonLanguages.map((code) => ({ value: code, label: names.of(code) ?? code }))}
      />
      <TextInput name="otherLanguages" label={t("form.otherLanguages")} hint={t("form.otherLanguagesHint")} width="20" spellCheck={false} autoComplete="off" defaultValue={one("otherLanguages")} error={error("otherLanguages")} />
    </>
  );
}

function Send(props: FieldsProps) {
  const { t, one, error } = useFieldHelpers(props);
  return (
    <>
      <Radios
        name="isSetting"
        legend={t("fields.isSetting")}
        legendSize="s"
        hint={t("form.isSettingHint")}
        inline
        defaultValue={one("isSetting")}
        error={error("isSetting")}
        choices={[
          { value: "yes", label: t("summary.yes") },
          { value: "no", label: t("summary.no") },
        ]}
      />
      <h2 className="govuk-heading-m">{t("form.sendTopicsHeading")}</h2>
      <p className="govuk-body">{t("form.sendTopicsHint")}</p>
      {sendTopics.map((topic) => (
        <Textarea
          key={topic}
          name={`send-${topic}`}
          label={t(`local-offer-terms:sendTopics.${topic}`)}
          rows={4}
          defaultValue={one(`send-${topic}`)}
          error={error(`send-${topic}`)}
        />
      ))}
    </>
  );
}

function Categories(props: FieldsProps) {
  const { t, many, error } = useFieldHelpers(props);
  return (
    <Checkboxes
      name="categories"
      legend={t("fields.categories")}
      legendSize="s"
      hint={t("form.categoriesHint")}
      defaultValues={many("categories")}
      error={error("categories")}
      choices={props.options.categories.map((c) => ({ value: c.slug, label: c.name }))}
    />
  );
}

const sectionFields: Record<ServiceSection, (props: FieldsProps) => ReactNode> = {
  about: About,
  who: Who,
  access: Access,
  cost: Cost,
  where: Where,
  contact: Contact,
  times: Times,
  languages: Languages,
  send: Send,
  categories: Categories,
};

/** The fields of one section's page. */
export function SectionFields({ section, ...props }: FieldsProps & { section: ServiceSection }) {
  const Fields = sectionFields[section];
  return <Fields {...props} />;
}

/** Sections with repeated rows offer "Save and add another". */
export const repeatedSections: Partial<Record<ServiceSection, string>> = { where: "location", contact: "contact", times: "time" };
