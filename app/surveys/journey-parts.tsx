import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { formatInstantInWords } from "~/utils/dates";

/** An instant in words, in UK time, inside <time datetime="…Z"> so machines read the exact moment. */
export function Instant({ value }: { value: string | Date }) {
  const { t, i18n } = useTranslation("surveys");
  const date = new Date(value);
  return <time dateTime={date.toISOString()}>{formatInstantInWords(date, i18n.language, { noon: t("time.noon"), midnight: t("time.midnight") })}</time>;
}

/** "Standard" or "Easy read with pictures": switching keeps every answer (the draft is on the server). */
export function FormatSwitch({ slug, format, returnTo }: { slug: string; format: "standard" | "easy_read"; returnTo: string }) {
  const { t } = useTranslation("surveys");
  const other = format === "easy_read" ? "standard" : "easy_read";
  return (
    <Form method="post" action={`/surveys/${slug}/format`} className="portal-survey-format app-no-print">
      <CsrfInput />
      <input type="hidden" name="format" value={other} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <Button variant="secondary" className="govuk-!-margin-bottom-4">
        {other === "easy_read" ? t("format.switchToEasyRead") : t("format.switchToStandard")}
      </Button>
    </Form>
  );
}

/** The survey's name above each page's heading, as GOV.UK captions do. */
export function SurveyCaption({ title, lang, dir }: { title: string; lang?: string; dir?: string }) {
  return (
    <span className="govuk-caption-l" lang={lang} dir={dir}>
      {title}
    </span>
  );
}
