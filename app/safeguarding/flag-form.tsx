import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { Textarea } from "~/components/forms/textarea";
import { REASON_MAX } from "./model";

/**
 * "Flag for the safeguarding lead", on a staff page showing something a family wrote:
 * a reason and a warning button posting intent=flag (docs/decisions/020). Once flagged,
 * it says so instead. Messages from the "safeguarding" namespace.
 */
export function FlagByHand({ isFlagged, error, reason }: { isFlagged: boolean; error?: string; reason?: string }) {
  const { t } = useTranslation("safeguarding");
  return (
    <>
      <h2 className="govuk-heading-m">{t("flag.heading")}</h2>
      {isFlagged ? (
        <p className="govuk-inset-text">{t("flag.already")}</p>
      ) : (
        <>
          <p className="govuk-body">{t("flag.text")}</p>
          <Form method="post" noValidate>
            <CsrfInput />
            <Textarea
              name="reason"
              label={t("flag.reasonLabel")}
              hint={t("flag.reasonHint")}
              error={error ? t(error) : undefined}
              defaultValue={reason ?? ""}
              maxLength={REASON_MAX}
              rows={3}
            />
            <Button variant="warning" name="intent" value="flag">
              {t("flag.button")}
            </Button>
          </Form>
        </>
      )}
    </>
  );
}
