import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Checkboxes } from "~/components/forms/checkboxes";
import { CsrfInput } from "~/components/forms/csrf-input";
import { DateInput } from "~/components/forms/date-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { ErrorMessage } from "~/components/forms/field";
import { Fieldset } from "~/components/forms/fieldset";
import { Radios } from "~/components/forms/radios";
import { Select } from "~/components/forms/select";
import { Textarea } from "~/components/forms/textarea";
import { TextInput } from "~/components/forms/text-input";
import { activityTypes, countFields, errorParts, fieldOrder, levels, LIMITS, stages, supports } from "./rules";

export type FormValues = Record<string, string | string[]>;

export interface FormOptions {
  groups: { id: number; name: string }[];
  actions: { id: number; letter: string; title: string }[];
}

/** Where each error in the summary takes you: the first box of a group of boxes. */
const hrefs: Record<string, string> = { participants: "parentCarer", support: "support", form: "title" };

/**
 * The activity form, for a new activity and for changing one: sections under
 * headings, each question a GOV.UK component. What was typed comes back in `values`.
 */
export function ActivityForm({ values, errors, options, submit }: { values: FormValues; errors: Record<string, string>; options: FormOptions; submit: ReactNode }) {
  const { t } = useTranslation("co-production");
  const v = (key: string) => {
    const value = values[key];
    return Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
  };
  const list = (key: string) => {
    const value = values[key];
    return Array.isArray(value) ? value : value ? [value] : [];
  };
  // Some errors name what was wrong ("errors.feedbackUnknown|FB-2222-3333").
  const message = (raw: string) => {
    const { key, names } = errorParts(raw);
    return t(key, { names });
  };
  const error = (key: string) => (errors[key] ? message(errors[key]!) : undefined);
  const order = [...fieldOrder, ...Object.keys(errors).filter((k) => !fieldOrder.includes(k))];
  const summary = order.filter((k) => errors[k]).map((k) => ({ href: hrefs[k] ?? k, text: message(errors[k]!) }));
  const date = (name: string) => ({ day: v(`${name}-day`), month: v(`${name}-month`), year: v(`${name}-year`) });

  return (
    <>
      <ErrorSummary errors={summary} />
      <Form method="post" noValidate>
        <CsrfInput />
        <h2 className="govuk-heading-m">{t("admin.form.aboutHeading")}</h2>
        <TextInput name="title" label={t("admin.form.title")} hint={t("admin.form.titleHint")} defaultValue={v("title")} error={error("title")} maxLength={LIMITS.title} autoComplete="off" />
        <DateInput name="heldOn" legend={t("admin.form.heldOn")} legendSize="s" hint={t("admin.form.dateHint")} defaultValue={date("heldOn")} error={error("heldOn")} />
        <Select
          name="workingGroupId"
          label={t("admin.form.group")}
          hint={t("admin.form.groupHint")}
          defaultValue={v("workingGroupId")}
          error={error("workingGroupId")}
          options={[{ value: "", label: t("admin.form.noGroup") }, ...options.groups.map((g) => ({ value: String(g.id), label: g.name }))]}
        />
        <Radios name="type" legend={t("admin.form.type")} legendSize="s" defaultValue={v("type")} error={error("type")} small choices={activityTypes.map((type) => ({ value: type, label: t(`types.${type}`) }))} />

        <h2 className="govuk-heading-m">{t("admin.form.decisionHeading")}</h2>
        <Textarea name="decisionOpen" label={t("admin.form.decisionOpen")} hint={t("admin.form.decisionOpenHint")} defaultValue={v("decisionOpen")} error={error("decisionOpen")} maxLength={LIMITS.text} rows={3} />
        <Radios
          name="familiesJoinedStage"
          legend={t("admin.form.stage")}
          legendSize="s"
          defaultValue={v("familiesJoinedStage")}
          error={error("familiesJoinedStage")}
          choices={stages.map((stage) => ({ value: stage, label: t(`stages.${stage}`) }))}
        />
        <Radios
          name="level"
          legend={t("admin.form.level")}
          legendSize="s"
          hint={t("admin.form.levelHint")}
          defaultValue={v("level")}
          error={error("level")}
          choices={levels.map((level) => ({ value: level, label: t(`levels.${level}`), hint: t(`levelHints.${level}`) }))}
        />

        <div className={`govuk-form-group${errors.participants ? " govuk-form-group--error" : ""}`}>
          <Fieldset legend={t("admin.form.participants")} legendSize="m" describedBy={["participants-hint", errors.participants ? "participants-error" : null].filter(Boolean).join(" ")}>
            <div id="participants-hint" className="govuk-hint">
              {t("admin.form.participantsHint")}
            </div>
            {errors.participants ? (
              <ErrorMessage id="participants-error">{t(errors.participants)}</ErrorMessage>
            ) : null}
            {countFields.map((c) => (
              <TextInput key={c.field} name={c.field} label={t(`roles.${c.field}`)} inputMode="numeric" spellCheck={false} autoComplete="off" width="4" defaultValue={v(c.field)} error={error(c.field)} />
            ))}
          </Fieldset>
        </div>

        <h2 className="govuk-heading-m">{t("admin.form.accessHeading")}</h2>
        <Checkboxes name="support" legend={t("admin.form.support")} legendSize="s" hint={t("admin.form.supportHint")} small defaultValues={list("support")} choices={supports.map((s) => ({ value: s, label: t(`supports.${s}`) }))} />
        <TextInput name="venueNotes" label={t("admin.form.venueNotes")} hint={t("admin.form.venueNotesHint")} optional defaultValue={v("venueNotes")} error={error("venueNotes")} maxLength={LIMITS.short} />

        <h2 className="govuk-heading-m">{t("admin.form.outcomeHeading")}</h2>
        <p className="govuk-body">{t("admin.form.outcomeIntro")}</p>
        <Textarea name="familiesSaid" label={t("admin.form.familiesSaid")} hint={t("admin.form.familiesSaidHint")} defaultValue={v("familiesSaid")} error={error("familiesSaid")} maxLength={LIMITS.text} rows={4} />
        <Textarea name="whatChanged" label={t("admin.form.whatChanged")} defaultValue={v("whatChanged")} error={error("whatChanged")} maxLength={LIMITS.text} rows={4} />
        <Textarea name="whatDidNotChange" label={t("admin.form.whatDidNotChange")} hint={t("admin.form.whatDidNotChangeHint")} defaultValue={v("whatDidNotChange")} error={error("whatDidNotChange")} maxLength={LIMITS.text} rows={4} />

        <h2 className="govuk-heading-m">{t("admin.form.linksHeading")}</h2>
        <Checkboxes
          name="actions"
          legend={t("admin.form.actions")}
          legendSize="s"
          small
          error={error("actions")}
          defaultValues={list("actions")}
          choices={options.actions.map((a) => ({ value: String(a.id), label: t("admin.form.actionLabel", { letter: a.letter, title: a.title }) }))}
        />
        <TextInput name="tasks" label={t("admin.form.tasks")} hint={t("admin.form.tasksHint")} optional defaultValue={v("tasks")} error={error("tasks")} maxLength={LIMITS.short} autoComplete="off" spellCheck={false} />
        <Textarea
          name="feedback"
          label={t("admin.form.feedback")}
          hint={t("admin.form.feedbackHint")}
          optional
          defaultValue={v("feedback")}
          error={error("feedback")}
          rows={3}
          spellCheck={false}
          autoComplete="off"
        />
        <Textarea name="evidenceLinks" label={t("admin.form.evidenceLinks")} hint={t("admin.form.evidenceLinksHint")} optional defaultValue={v("evidenceLinks")} error={error("evidenceLinks")} rows={3} spellCheck={false} />

        <h2 className="govuk-heading-m">{t("admin.form.toldHeading")}</h2>
        <p className="govuk-body">{t("admin.form.toldIntro")}</p>
        <Textarea name="toldOutcomeHow" label={t("admin.form.toldOutcomeHow")} hint={t("admin.form.toldOutcomeHowHint")} optional defaultValue={v("toldOutcomeHow")} error={error("toldOutcomeHow")} maxLength={LIMITS.text} rows={3} />
        <DateInput name="toldOutcomeOn" legend={t("admin.form.toldOutcomeOn")} legendSize="s" hint={t("admin.form.toldOutcomeOnHint")} defaultValue={date("toldOutcomeOn")} error={error("toldOutcomeOn")} />
        <div className="govuk-button-group">{submit}</div>
      </Form>
    </>
  );
}
