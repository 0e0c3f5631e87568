import { json, redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { DateInput } from "~/components/forms/date-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Radios } from "~/components/forms/radios";
import { NotificationBanner } from "~/components/notification-banner";
import i18next from "~/i18n/i18next.server";
import { Day, TimelineTable } from "~/revisits/components";
import { holidayYears, loadHolidays } from "~/revisits/revisits.server";
import { ukToday } from "~/surveys/uk-time";
import { REVISITS_ADMIN } from "~/revisits/urls";
import { buildTimeline, checkStartDate, type StartKind } from "~/revisits/timeline";
import { dateFromParts, partsFromDate } from "~/surveys/uk-time";

export const handle = { i18n: ["common", "revisits"] };

/**
 * Planning ahead: the timeline for a notification date (?notified=YYYY-MM-DD) or a first
 * day on site (?onsite=YYYY-MM-DD). Nothing is saved. The form is a GET form, so the
 * answer has an address an officer can share.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "revisits.manage");
  const t = await i18next.getFixedT(request, "revisits");
  const url = new URL(request.url);
  // The form's boxes come back as ?kind=…&date-day=…: answer at the short address.
  if (url.searchParams.has("kind")) {
    const kind: StartKind = url.searchParams.get("kind") === "onsite" ? "onsite" : "notified";
    const typed = {
      day: url.searchParams.get("date-day") ?? "",
      month: url.searchParams.get("date-month") ?? "",
      year: url.searchParams.get("date-year") ?? "",
    };
    const date = dateFromParts(typed);
    if (date) return redirect(`${REVISITS_ADMIN}/schedule?${kind}=${date}`);
    return json(
      {
        pageTitle: t("preview.title"),
        kind,
        typed,
        error: "errors.date.invalid",
        params: {},
        timeline: null,
        date: null,
        past: false,
        uncovered: [] as string[],
      },
      { status: 400 }
    );
  }
  const kind: StartKind | undefined = url.searchParams.has("notified") ? "notified" : url.searchParams.has("onsite") ? "onsite" : undefined;
  const base = {
    pageTitle: t("preview.title"),
    kind: kind ?? "notified",
    typed: { day: "", month: "", year: "" },
    error: null as string | null,
    params: {} as Record<string, string>,
    timeline: null,
    date: null as string | null,
    past: false,
    uncovered: [] as string[],
  };
  if (!kind) return json(base);
  const date = url.searchParams.get(kind) ?? "";
  const typed = /^\d{4}-\d{2}-\d{2}$/.test(date) ? partsFromDate(date) : { day: "", month: "", year: "" };
  const holidays = await loadHolidays(context.db);
  // Planning may look back as well as ahead: only the day itself must be a working day.
  const checked = checkStartDate(kind, date, "0000-01-01", holidays);
  if (!checked.ok) {
    const params: Record<string, string> = checked.problem.code === "bank-holiday" ? { holiday: checked.problem.title } : {};
    return json(
      {
        ...base,
        kind,
        typed,
        error: `errors.date.${checked.problem.code}`,
        params,
      },
      { status: 400 }
    );
  }
  const timeline = buildTimeline(checked.notified, holidays);
  const years = holidayYears(holidays);
  const uncovered = [...new Set([timeline.dates.notified, timeline.dates.onsite].map((d) => d.slice(0, 4)))].filter((y) => !years.has(y));
  return json({
    ...base,
    kind,
    typed,
    date,
    past: timeline.dates.opens < ukToday(context.now()),
    uncovered,
    timeline: {
      days: timeline.days,
      opensAt: timeline.opensAt.toISOString(),
      closesAt: timeline.closesAt.toISOString(),
    },
  });
}

export default function SchedulePreview() {
  const { t } = useTranslation("revisits");
  const data = useLoaderData<typeof loader>();
  const error = data.error ? t(data.error, data.params) : undefined;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <BackLink href={REVISITS_ADMIN}>{t("backToList")}</BackLink>
        <ErrorSummary errors={error ? [{ href: "#date", text: error }] : []} />
        <h1 className="govuk-heading-l">{t("preview.title")}</h1>
        <p className="govuk-body">{t("preview.intro")}</p>
        <Form method="get" noValidate>
          <Radios
            name="kind"
            legend={t("fields.kind")}
            legendSize="s"
            defaultValue={data.kind}
            choices={[
              { value: "notified", label: t("fields.kinds.notified") },
              { value: "onsite", label: t("fields.kinds.onsite") },
            ]}
          />
          <DateInput
            name="date"
            id="date"
            legend={t("fields.date")}
            legendSize="s"
            hint={t("fields.dateHint")}
            defaultValue={data.typed}
            error={error}
          />
          <Button variant="secondary">{t("preview.submit")}</Button>
        </Form>
        {data.timeline && data.date ? (
          <>
            {data.past ? <NotificationBanner title={t("preview.pastTitle")}>{t("preview.past")}</NotificationBanner> : null}
            {data.uncovered.length > 0 ? (
              <NotificationBanner title={t("holidays.uncoveredTitle")}>
                {t("holidays.uncovered", { years: data.uncovered.join(", ") })}
              </NotificationBanner>
            ) : null}
            <h2 className="govuk-heading-m">
              {t(data.kind === "onsite" ? "preview.forOnsite" : "preview.forNotified")} <Day date={data.date} />
            </h2>
            <TimelineTable timeline={data.timeline} caption={t("preview.caption")} />
          </>
        ) : null}
      </div>
    </div>
  );
}
