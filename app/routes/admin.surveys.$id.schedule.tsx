import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { DateInput, type DateValue } from "~/components/forms/date-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { TextInput } from "~/components/forms/text-input";
import { NotificationBanner } from "~/components/notification-banner";
import { SummaryList } from "~/components/summary-list";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { errorItems, formatUkDateTime, StateTag, SurveyPagesNav } from "~/surveys/lifecycle-components";
import { surveyPath, type WindowForm } from "~/surveys/lifecycle";
import { answerRefusal, byFor, readSurveyDone, redirectDone, requireSurvey } from "~/surveys/lifecycle-routes.server";
import { scheduleSurvey, unscheduleSurvey } from "~/surveys/lifecycle.server";
import { dateFromParts, instantToUkLocal, partsFromDate } from "~/surveys/uk-time";
import { formValues } from "~/utils/form-data";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "survey-admin"] };

const ORDER = ["form", "opens", "opensTime", "closes", "closesTime"];

/** A stored instant as the form's boxes, in UK time. */
function boxesFor(value: Date | null) {
  if (!value) return { date: { day: "", month: "", year: "" }, time: "" };
  const local = instantToUkLocal(value);
  return { date: partsFromDate(local.date), time: local.time };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context, "surveys.manage");
  const survey = await requireSurvey(request, context, params.id);
  const t = await i18next.getFixedT(request, "survey-admin");
  const { done, headers } = await readSurveyDone(request, context, ["scheduled", "unscheduled"]);
  return json(
    {
      pageTitle: t("schedule.title", { title: survey.title }),
      survey: { id: survey.id, title: survey.title, state: survey.state, opensAt: survey.opensAt, closesAt: survey.closesAt },
      initial: { opens: boxesFor(survey.opensAt), closes: boxesFor(survey.closesAt) },
      done,
    },
    { headers },
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "surveys.manage");
  const formData = await readForm(request, context);
  const intent = formData.get("intent");
  const by = byFor(user, context);
  if (intent === "unschedule") {
    const result = await unscheduleSurvey(context.db, { id: params.id, by, now: context.now() });
    if (!result.ok) return answerRefusal(request, context, result);
    return redirectDone(context, surveyPath(params.id!, "schedule"), "unscheduled");
  }
  if (intent !== "schedule") throw await httpError(request, 400, "bad-request");
  const field = (name: string) => String(formData.get(name) ?? "");
  const local = (which: "opens" | "closes") => ({
    date: dateFromParts({ day: field(`${which}-day`), month: field(`${which}-month`), year: field(`${which}-year`) }) || (field(`${which}-day`) + field(`${which}-month`) + field(`${which}-year`) ? "invalid" : ""),
    time: field(`${which}Time`),
  });
  // An open survey's page has no opening boxes: its opening cannot change.
  const form: WindowForm = { closes: local("closes"), ...(formData.has("opens-day") ? { opens: local("opens") } : {}) };
  const result = await scheduleSurvey(context.db, { id: params.id, form, by, now: context.now() });
  if (!result.ok) return answerRefusal(request, context, result, formValues(formData));
  return redirectDone(context, surveyPath(params.id!, "schedule"), "scheduled");
}

function WhenFields({ which, initial, errors, typed }: { which: "opens" | "closes"; initial: { date: DateValue; time: string }; errors: Record<string, string>; typed?: Record<string, string> }) {
  const { t } = useTranslation("survey-admin");
  const date = typed ? { day: typed[`${which}-day`], month: typed[`${which}-month`], year: typed[`${which}-year`] } : initial.date;
  const time = typed ? typed[`${which}Time`] : initial.time;
  return (
    <>
      <h2 className="govuk-heading-m">{t(`schedule.${which}Heading`)}</h2>
      <DateInput
        name={which}
        legend={t(`schedule.${which}Date`)}
        legendSize="s"
        hint={t("schedule.dateHint")}
        defaultValue={date}
        error={errors[which] ? t(errors[which]!) : undefined}
      />
      <TextInput
        name={`${which}Time`}
        label={t(`schedule.${which}Time`)}
        hint={t("schedule.timeHint")}
        width="5"
        autoComplete="off"
        spellCheck={false}
        defaultValue={time}
        error={errors[`${which}Time`] ? t(errors[`${which}Time`]!) : undefined}
      />
    </>
  );
}

export default function ScheduleSurvey() {
  const { t, i18n } = useTranslation("survey-admin");
  const { survey, initial, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const typed = actionData && "values" in actionData && Object.keys(actionData.values).length ? (actionData.values as Record<string, string>) : undefined;
  const when = (value: string | null) => (value ? formatUkDateTime(value, i18n.language, t) : t("schedule.notSet"));
  const editable = survey.state === "draft" || survey.state === "scheduled" || survey.state === "open";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={surveyPath(survey.id)}>{t("backToSurvey")}</BackLink>
        <ErrorSummary errors={errorItems(errors, ORDER, t, { form: "current-window" })} />
        {done ? (
          <NotificationBanner type="success" heading={t(`done.${done}`)}>
            {done === "scheduled" && survey.opensAt && survey.closesAt ? (
              <p className="govuk-body">{t("schedule.readBack", { opens: when(survey.opensAt), closes: when(survey.closesAt) })}</p>
            ) : null}
          </NotificationBanner>
        ) : null}
        <span className="govuk-caption-l">{survey.title}</span>
        <h1 className="govuk-heading-l">{t("schedule.heading")}</h1>
        <h2 className="govuk-heading-m" id="current-window" tabIndex={-1}>
          {t("schedule.now")}
        </h2>
        <SummaryList
          rows={[
            { key: t("schedule.state"), value: <StateTag state={survey.state} /> },
            { key: t("schedule.opens"), value: when(survey.opensAt) },
            { key: t("schedule.closes"), value: when(survey.closesAt) },
          ]}
        />
        <div className="govuk-inset-text">
          <p className="govuk-body">{t("schedule.ukTime")}</p>
          <p className="govuk-body govuk-!-margin-bottom-0">{t(`schedule.rules.${survey.state}`)}</p>
        </div>
        {editable ? (
          <Form method="post" noValidate>
            <CsrfInput />
            {survey.state === "open" ? (
              <>
                <h2 className="govuk-heading-m">{t("schedule.opensHeading")}</h2>
                <p className="govuk-body">{t("schedule.openedAt", { opens: when(survey.opensAt) })}</p>
              </>
            ) : (
              <WhenFields which="opens" initial={initial.opens} errors={errors} typed={typed} />
            )}
            <WhenFields which="closes" initial={initial.closes} errors={errors} typed={typed} />
            <Button name="intent" value="schedule">
              {survey.state === "open" ? t("schedule.saveClosing") : t("schedule.submit")}
            </Button>
          </Form>
        ) : (
          <p className="govuk-body">
            {t(`schedule.fixed.${survey.state}`)}{" "}
            {survey.state === "closed" ? (
              <a className="govuk-link" href={surveyPath(survey.id, "duplicate")}>
                {t("schedule.duplicateLink")}
              </a>
            ) : survey.state === "archived" ? (
              <a className="govuk-link" href={surveyPath(survey.id, "status")}>
                {t("schedule.unarchiveLink")}
              </a>
            ) : null}
          </p>
        )}
        {survey.state === "scheduled" ? (
          <>
            <h2 className="govuk-heading-m">{t("schedule.unscheduleHeading")}</h2>
            <p className="govuk-body">{t("schedule.unscheduleText")}</p>
            <Form method="post" noValidate>
              <CsrfInput />
              <Button name="intent" value="unschedule" variant="secondary">
                {t("schedule.unschedule")}
              </Button>
            </Form>
          </>
        ) : null}
      </div>
      <div className="govuk-grid-column-one-third">
        <SurveyPagesNav id={survey.id} current="schedule" />
      </div>
    </div>
  );
}
