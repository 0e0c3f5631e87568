import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { parseBankHolidaysJson } from "~/area/bank-holidays";
import { importBankHolidays, listBankHolidays } from "~/area/bank-holidays.server";
import { recordAudit } from "~/auth/audit.server";
import { recomputeAfterHolidayChange } from "~/revisits/revisits.server";
import { requireUser } from "~/auth/session.server";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { ErrorMessage } from "~/components/forms/field";
import { NotificationBanner } from "~/components/notification-banner";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { formErrors } from "~/utils/form-response.server";
import { formatDate, UK_TIME_ZONE } from "~/utils/dates";

export const handle = { i18n: ["common", "admin", "bank-holidays"] };

const MAX_FILE_BYTES = 2 * 1024 * 1024;

function ukYear(now: Date): number {
  return Number(new Intl.DateTimeFormat("en-GB", { year: "numeric", timeZone: UK_TIME_ZONE }).format(now));
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "bank-holidays.import");
  const t = await i18next.getFixedT(request, "bank-holidays");
  const requested = Number(new URL(request.url).searchParams.get("year"));
  const year = Number.isInteger(requested) && requested >= 1900 && requested <= 2200 ? requested : ukYear(context.now());
  const holidays = await listBankHolidays(context.db, { from: `${year}-01-01`, to: `${year}-12-31` });
  return json({ pageTitle: t("title"), year, holidays });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "bank-holidays.import");
  const formData = await readForm(request, context);
  const file = formData.get("file");
  const fail = (message: string, status = 400) => formErrors(context, { file: message }, {}, status);
  if (!(file instanceof File) || file.size === 0) return fail("import.errors.required");
  if (file.size > MAX_FILE_BYTES) return fail("import.errors.tooLarge", 413);
  const parsed = parseBankHolidaysJson(await file.text());
  if (!parsed.ok) return fail(parsed.error);
  const result = await context.db.transaction().execute(async (trx) => {
    const counts = await importBankHolidays(trx, { holidays: parsed.holidays });
    await recordAudit(trx, { userId: user.id, action: "bank-holidays.imported", details: { ...counts, file: file.name }, requestId: context.requestId });
    // Re-visits whose working days moved follow the new list, or are flagged for an officer.
    const revisits = await recomputeAfterHolidayChange(trx, { by: { userId: user.id, requestId: context.requestId }, now: context.now() });
    return { ...counts, moved: revisits.updated.length, flagged: revisits.flagged.length };
  });
  return redirect(`/admin/bank-holidays?added=${result.added}&updated=${result.updated}&unchanged=${result.unchanged}&moved=${result.moved}&flagged=${result.flagged}`);
}

export default function BankHolidays() {
  const { t, i18n } = useTranslation("bank-holidays");
  const { year, holidays } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const error = actionData?.errors.file;
  // The parser's messages are whole sentences already; our own are keys.
  const errorText = error ? (error.startsWith("import.") ? t(error) : error) : undefined;
  const imported = params.has("added");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {imported ? (
          <NotificationBanner
            type="success"
            heading={t("import.done", { added: params.get("added"), updated: params.get("updated"), unchanged: params.get("unchanged") })}
          >
            {Number(params.get("moved")) > 0 ? <p className="govuk-body">{t("import.revisitsMoved", { count: Number(params.get("moved")) })}</p> : null}
            {Number(params.get("flagged")) > 0 ? (
              <p className="govuk-body">
                {t("import.revisitsFlagged", { count: Number(params.get("flagged")) })}{" "}
                <a className="govuk-link" href="/admin/revisits">
                  {t("import.revisitsLink")}
                </a>
              </p>
            ) : null}
          </NotificationBanner>
        ) : null}
        <ErrorSummary errors={errorText ? [{ href: "file", text: errorText }] : []} />
        <h1 className="govuk-heading-l">{t("title")}</h1>
        <p className="govuk-body">{t("intro")}</p>

        <Form method="get" className="govuk-!-margin-bottom-6">
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="year">
              {t("year")}
            </label>
            <input className="govuk-input govuk-input--width-4" id="year" name="year" inputMode="numeric" defaultValue={year} />
          </div>
          <Button variant="secondary">{t("show")}</Button>
        </Form>

        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">{t("caption", { year })}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("date")}</th>
              <th scope="col" className="govuk-table__header">{t("name")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {holidays.length ? (
              holidays.map((holiday) => (
                <tr className="govuk-table__row" key={holiday.date}>
                  <td className="govuk-table__cell">
                    <time dateTime={holiday.date}>{formatDate(holiday.date, i18n.language)}</time>
                  </td>
                  <td className="govuk-table__cell">
                    {holiday.title}
                    {holiday.notes ? ` (${holiday.notes})` : ""}
                  </td>
                </tr>
              ))
            ) : (
              <tr className="govuk-table__row">
                <td className="govuk-table__cell" colSpan={2}>
                  {t("none", { year })}
                </td>
              </tr>
            )}
          </tbody>
        </table>

        <h2 className="govuk-heading-m">{t("import.heading")}</h2>
        <p className="govuk-body">{t("import.intro")}</p>
        <Form method="post" encType="multipart/form-data" noValidate>
          <CsrfInput />
          <div className={`govuk-form-group${errorText ? " govuk-form-group--error" : ""}`}>
            <label className="govuk-label" htmlFor="file">
              {t("import.label")}
            </label>
            <div id="file-hint" className="govuk-hint">
              {t("import.hint")}
            </div>
            {errorText ? <ErrorMessage id="file-error">{errorText}</ErrorMessage> : null}
            <input
              className={`govuk-file-upload${errorText ? " govuk-file-upload--error" : ""}`}
              id="file"
              name="file"
              type="file"
              accept="application/json,.json"
              aria-describedby={`file-hint${errorText ? " file-error" : ""}`}
            />
          </div>
          <Button>{t("import.submit")}</Button>
        </Form>
      </div>
    </div>
  );
}
