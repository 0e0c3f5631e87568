import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { Radios } from "~/components/forms/radios";
import { Textarea } from "~/components/forms/textarea";
import { SummaryList } from "~/components/summary-list";
import { formatDateTime } from "~/utils/dates";
import type { FieldErrors, FormValues } from "~/utils/form-data";
import { REASON_MAX, RESPONSE_MAX, responseOutcomes, responseState } from "./response";
import { Verbatim } from "./verbatim";

export interface ResponseView {
  outcome: string;
  plain: string;
  easy_read: string;
  reason: string;
  written_at: string;
  approved_at: string | null;
  written_by_name: string | null;
  approved_by_name: string | null;
}

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/** What a response says, for staff: the answer, the words, the easy read and the reason. */
function ResponseSummary({ response }: { response: ResponseView }) {
  const { t } = useTranslation("feedback");
  return (
    <SummaryList
      rows={[
        { key: t("response.outcomeKey"), value: t(`response.outcomes.${response.outcome}`) },
        { key: t("response.plainKey"), value: <Verbatim text={response.plain} /> },
        ...(response.easy_read ? [{ key: t("response.easyReadKey"), value: <Verbatim text={response.easy_read} /> }] : []),
        ...(response.reason ? [{ key: t("response.reasonKey"), value: <Verbatim text={response.reason} /> }] : []),
      ]}
    />
  );
}

/**
 * The triage page's "Response to the family": write it (or rewrite it while it waits),
 * approve it when you lead the group, or read what the family was sent.
 */
export function ResponseSection({
  response,
  hasGroup,
  needsEasyRead,
  isLead,
  errors,
  values,
  error,
  formKey,
}: {
  response: ResponseView | null;
  hasGroup: boolean;
  needsEasyRead: boolean;
  isLead: boolean;
  errors: FieldErrors;
  values: FormValues | undefined;
  error: (field: string) => string | undefined;
  formKey: string;
}) {
  const { t, i18n } = useTranslation("feedback");
  const state = responseState(response);
  const posted = values?.intent === "respond" ? values : undefined;
  return (
    <>
      <h2 className="govuk-heading-m" id="response" tabIndex={-1}>
        {t("response.heading")}
      </h2>
      {errors.form ? <p className="govuk-error-message">{error("form")}</p> : null}
      {!hasGroup ? <p className="govuk-body">{t("response.needsGroup")}</p> : null}
      {response && state === "approved" ? (
        <>
          <ResponseSummary response={response} />
          <p className="govuk-body">
            {t("response.approvedBy", {
              name: response.approved_by_name ?? t("triage.someone"),
              when: formatDateTime(response.approved_at!, i18n.language),
            })}
          </p>
          <p className="govuk-body">{t("response.sent")}</p>
        </>
      ) : null}
      {response && state === "awaiting" ? (
        <>
          <div className="govuk-inset-text">
            <p className="govuk-body">{t("response.awaiting")}</p>
            <p className="govuk-body govuk-!-margin-bottom-0">
              {t("response.writtenBy", {
                name: response.written_by_name ?? t("triage.someone"),
                when: formatDateTime(response.written_at, i18n.language),
              })}
            </p>
          </div>
          <ResponseSummary response={response} />
          {isLead ? (
            <Form method="post" noValidate key={`approve-${formKey}`}>
              <CsrfInput />
              <p className="govuk-body">{t("response.approveHint")}</p>
              <Button name="intent" value="approve">
                {t("response.approve")}
              </Button>
            </Form>
          ) : (
            <p className="govuk-body">{t("response.notLead")}</p>
          )}
        </>
      ) : null}
      {hasGroup && state !== "approved" ? (
        <Form method="post" noValidate key={`respond-${formKey}`}>
          <CsrfInput />
          {state === "awaiting" ? <h3 className="govuk-heading-s">{t("response.rewrite")}</h3> : null}
          <Radios
            name="outcome"
            legend={t("response.outcomeLegend")}
            legendSize="s"
            error={error("outcome")}
            defaultValue={one(posted?.outcome) ?? response?.outcome}
            choices={responseOutcomes.map((o) => ({ value: o, label: t(`response.outcomes.${o}`) }))}
          />
          <Textarea
            name="whyNot"
            label={t("response.reason")}
            hint={t("response.reasonHint")}
            optional
            rows={3}
            maxLength={REASON_MAX}
            error={error("whyNot")}
            defaultValue={one(posted?.whyNot) ?? response?.reason ?? ""}
          />
          <Textarea
            name="plain"
            label={t("response.plain")}
            hint={t("response.plainHint")}
            rows={6}
            maxLength={RESPONSE_MAX}
            error={error("plain")}
            defaultValue={one(posted?.plain) ?? response?.plain ?? ""}
          />
          {needsEasyRead ? (
            <Textarea
              name="easyRead"
              label={t("response.easyRead")}
              hint={t("response.easyReadHint")}
              rows={6}
              maxLength={RESPONSE_MAX}
              error={error("easyRead")}
              defaultValue={one(posted?.easyRead) ?? response?.easy_read ?? ""}
            />
          ) : null}
          <Button variant="secondary" name="intent" value="respond">
            {t("response.save")}
          </Button>
        </Form>
      ) : null}
    </>
  );
}
