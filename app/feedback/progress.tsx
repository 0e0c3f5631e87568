import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/button";
import { TextInput } from "~/components/forms/text-input";
import { SummaryList } from "~/components/summary-list";
import { formatDate, formatDayInWords } from "~/utils/dates";
import type { ProgressStep } from "./general";
import { StatusTag } from "./triage-components";
import { Verbatim } from "./verbatim";

/** A GET form: "Check on feedback you sent", by its reference. */
export function LookUpReference({ value = "", error, isPageHeading = false }: { value?: string; error?: string; isPageHeading?: boolean }) {
  const { t } = useTranslation("feedback");
  return (
    <Form method="get" action="/feedback/check" className="govuk-!-margin-top-8">
      {isPageHeading ? null : <h2 className="govuk-heading-m">{t("lookUp.heading")}</h2>}
      <TextInput
        name="reference"
        label={t("lookUp.label")}
        isPageHeading={isPageHeading}
        hint={t("lookUp.hint")}
        autoComplete="off"
        spellCheck={false}
        width="10"
        defaultValue={value}
        error={error}
      />
      <Button variant={isPageHeading ? "primary" : "secondary"}>{t("lookUp.button")}</Button>
    </Form>
  );
}

export interface ProgressView {
  reference: string;
  receivedOn: string;
  step: ProgressStep;
  targetDate: string | null;
  workingGroup: string | null;
}

/** Where an item is, in plain words: nothing the family wrote and nothing about them. */
export function ProgressSummary({ progress }: { progress: ProgressView }) {
  const { t, i18n } = useTranslation("feedback");
  const waiting = progress.step === "received" || progress.step === "with_group";
  return (
    <>
      <SummaryList
        rows={[
          {
            key: t("progress.received"),
            value: <time dateTime={progress.receivedOn}>{formatDate(progress.receivedOn, i18n.language)}</time>,
          },
          { key: t("progress.now"), value: <StatusTag step={progress.step} /> },
          ...(progress.workingGroup ? [{ key: t("progress.group"), value: progress.workingGroup }] : []),
          ...(waiting && progress.targetDate
            ? [
                {
                  key: t("progress.target"),
                  value: <time dateTime={progress.targetDate}>{formatDayInWords(progress.targetDate, i18n.language)}</time>,
                },
              ]
            : []),
        ]}
      />
      <p className="govuk-body">{t(`explain.${progress.step}`)}</p>
    </>
  );
}

export interface FamilyResponse {
  outcome: string;
  plain: string;
  easy_read: string;
  reason: string;
  approved_at: string | null;
}

/**
 * The working group's approved response, as the family reads it: the answer, the words
 * (easy read first when they wrote in easy read) and, for "we can't", why not.
 */
export function ResponseToFamily({ response, easyReadFirst }: { response: FamilyResponse; easyReadFirst: boolean }) {
  const { t, i18n } = useTranslation("feedback");
  const plain = (
    <div key="plain">
      {response.easy_read ? <h3 className="govuk-heading-s">{t("progress.plainHeading")}</h3> : null}
      <Verbatim text={response.plain} />
    </div>
  );
  const easy = response.easy_read ? (
    <div key="easy" className="portal-easy-read">
      <h3 className="govuk-heading-s">{t("progress.easyReadHeading")}</h3>
      <Verbatim text={response.easy_read} />
    </div>
  ) : null;
  return (
    <>
      {response.approved_at ? (
        <p className="govuk-body govuk-hint">{t("progress.respondedOn", { date: formatDate(response.approved_at, i18n.language) })}</p>
      ) : null}
      <p className="govuk-body govuk-!-font-weight-bold">{t(`progress.outcomes.${response.outcome}`)}</p>
      {easyReadFirst ? [easy, plain] : [plain, easy]}
      {response.reason ? (
        <>
          <h3 className="govuk-heading-s">{t("progress.whyNot")}</h3>
          <Verbatim text={response.reason} />
        </>
      ) : null}
    </>
  );
}
