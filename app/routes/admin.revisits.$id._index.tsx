import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { NotificationBanner } from "~/components/notification-banner";
import { SummaryList } from "~/components/summary-list";
import i18next from "~/i18n/i18next.server";
import { Day, Instant, RevisitNav, TimelineTable } from "~/revisits/components";
import { acceptRecompute, revisitHistory, scheduleRevisitSurvey } from "~/revisits/revisits.server";
import { answerRefusal, byFor, readRevisitDone, redirectDone, requireRevisit } from "~/revisits/routes.server";
import { REVISITS_ADMIN, revisitPath } from "~/revisits/urls";
import { milestones } from "~/revisits/timeline";
import { readForm } from "~/security/csrf.server";
import { StateTag } from "~/surveys/lifecycle-components";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "revisits", "survey-admin"] };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { revisit } = await requireRevisit(request, context, params.id, "revisits.manage");
  const t = await i18next.getFixedT(request, "revisits");
  const [{ done, headers }, history] = await Promise.all([readRevisitDone(request, context), revisitHistory(context.db, revisit.id)]);
  const { timeline } = revisit;
  let flag: Record<string, { from: string; to: string }> | null = null;
  try {
    flag = revisit.flag ? (JSON.parse(revisit.flag) as Record<string, { from: string; to: string }>) : null;
  } catch {
    flag = null;
  }
  return json(
    {
      pageTitle: revisit.title,
      done,
      flag,
      revisit: {
        id: revisit.id,
        title: revisit.title,
        notified: revisit.notified,
        enteredAs: revisit.enteredAs,
        dates: timeline.dates,
        computed: timeline.computed,
        overrides: revisit.overrides,
        meetingWhen: revisit.meetingWhen,
        meetingWhere: revisit.meetingWhere,
        uncoveredYears: revisit.uncoveredYears,
        review: {
          openComments: revisit.review.openComments,
          signoff: revisit.review.signoff,
          ready: revisit.review.ready,
        },
        survey: {
          id: revisit.survey.id,
          slug: revisit.survey.slug,
          state: revisit.survey.state,
          opensAt: revisit.survey.opensAt,
          closesAt: revisit.survey.closesAt,
        },
      },
      timeline: {
        days: timeline.days,
        opensAt: timeline.opensAt.toISOString(),
        closesAt: timeline.closesAt.toISOString(),
      },
      history: history.map((h) => ({
        id: h.id,
        at: h.at,
        kind: h.kind,
        by: h.by,
      })),
      surveyUrl: `${new URL(request.url).origin}/surveys/${revisit.survey.slug}`,
      titleText: t("detail.caption"),
    },
    { headers }
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, revisit } = await requireRevisit(request, context, params.id, "revisits.manage");
  const formData = await readForm(request, context);
  const intent = formData.get("intent");
  const by = byFor(user, context);
  if (intent === "schedule") {
    const result = await scheduleRevisitSurvey(context.db, {
      id: revisit.id,
      by,
      now: context.now(),
    });
    if (!result.ok) return answerRefusal(request, context, result);
    return redirectDone(context, revisitPath(revisit.id), "scheduled");
  }
  if (intent === "accept-recompute") {
    const result = await acceptRecompute(context.db, {
      id: revisit.id,
      by,
      now: context.now(),
    });
    if (!result.ok) return answerRefusal(request, context, result);
    return redirectDone(context, revisitPath(revisit.id), "recomputed");
  }
  throw await httpError(request, 400, "bad-request");
}

export default function Revisit() {
  const { t } = useTranslation("revisits");
  const { revisit, timeline, history, done, flag, surveyUrl } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const { survey, review } = revisit;
  const reviewWords = review.ready
    ? t("detail.review.ready", {
        name: review.signoff?.by ?? t("detail.someone"),
      })
    : review.openComments > 0
    ? t("detail.review.open", { count: review.openComments })
    : review.signoff && !review.signoff.current
    ? t("detail.review.stale")
    : t("detail.review.notSigned");
  return (
    <>
      <Breadcrumbs
        items={[
          { text: t("breadcrumbs.staff"), href: "/admin" },
          { text: t("list.title"), href: REVISITS_ADMIN },
        ]}
      />
      <ErrorSummary
        errors={Object.values(errors)
          .filter(Boolean)
          .map((e) => ({ href: "#schedule", text: t(e) }))}
      />
      {done ? <NotificationBanner type="success">{t(`done.${done}`)}</NotificationBanner> : null}
      <span className="govuk-caption-l">{t("detail.caption")}</span>
      <h1 className="govuk-heading-l">{revisit.title}</h1>
      <RevisitNav id={revisit.id} current="timeline" />

      {flag ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <div className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">{t("detail.warning")}</span>
            {t("detail.flag.intro")}
            <ul className="govuk-list govuk-list--bullet govuk-!-margin-top-2">
              {Object.entries(flag).map(([m, change]) => (
                <li key={m}>
                  {t(`milestoneNames.${m}`)}: <Day date={change.from} /> → <Day date={change.to} />
                </li>
              ))}
            </ul>
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="intent" value="accept-recompute" />
              <Button variant="secondary">{t("detail.flag.accept")}</Button>
            </Form>
          </div>
        </div>
      ) : null}
      {revisit.uncoveredYears.length > 0 ? (
        <div className="govuk-inset-text">
          {t("holidays.uncovered", {
            years: revisit.uncoveredYears.join(", "),
          })}
        </div>
      ) : null}

      <h2 className="govuk-heading-m">{t("detail.survey.heading")}</h2>
      <SummaryList
        rows={[
          {
            key: t("detail.survey.state"),
            value: <StateTag state={survey.state} />,
          },
          {
            key: t("detail.survey.window"),
            value:
              survey.opensAt && survey.closesAt ? (
                <>
                  {t("detail.survey.from")} <Instant iso={String(survey.opensAt)} /> {t("detail.survey.to")}{" "}
                  <Instant iso={String(survey.closesAt)} />
                </>
              ) : (
                <>
                  {t("detail.survey.notScheduled")} <Instant iso={timeline.opensAt} /> {t("detail.survey.to")}{" "}
                  <Instant iso={timeline.closesAt} />
                </>
              ),
          },
          {
            key: t("detail.survey.address"),
            value: <span className="govuk-!-text-break-word">{surveyUrl}</span>,
          },
          {
            key: t("detail.survey.questions"),
            value: t("detail.survey.questionsText"),
            actions: [
              {
                href: `/admin/surveys/${survey.id}`,
                text: t("detail.survey.edit"),
                visuallyHiddenText: t("detail.survey.questionsHidden"),
              },
            ],
          },
          {
            key: t("detail.review.heading"),
            value: reviewWords,
            actions: [
              {
                href: revisitPath(revisit.id, "review"),
                text: t("detail.review.open_link"),
                visuallyHiddenText: t("detail.review.hidden"),
              },
            ],
          },
        ]}
      />
      <div id="schedule">
        {survey.state === "draft" ? (
          review.ready ? (
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="intent" value="schedule" />
              <p className="govuk-body">{t("detail.schedule.explain")}</p>
              <Button>{t("detail.schedule.submit")}</Button>
            </Form>
          ) : (
            <div className="govuk-inset-text">{t("detail.schedule.blocked")}</div>
          )
        ) : null}
      </div>

      <h2 className="govuk-heading-m">{t("detail.dates.heading")}</h2>
      <SummaryList
        rows={milestones.map((m) => {
          const override = revisit.overrides[m];
          return {
            key: t(`milestoneNames.${m}`),
            value: (
              <>
                <Day date={revisit.dates[m]} />
                {override ? (
                  <span className="govuk-body-s govuk-!-display-block govuk-!-margin-top-1">
                    {t("detail.dates.overridden", { reason: override.reason })} <Day date={revisit.computed[m]} />
                  </span>
                ) : null}
              </>
            ),
            actions: [
              {
                href: revisitPath(revisit.id, `dates/${m}`),
                visuallyHiddenText: t(`milestoneNames.${m}`).toLowerCase(),
              },
            ],
          };
        })}
      />
      <SummaryList
        rows={[
          {
            key: t("fields.meetingWhen"),
            value: revisit.meetingWhen || t("detail.notGiven"),
            actions: [
              {
                href: revisitPath(revisit.id, "meeting"),
                visuallyHiddenText: t("detail.meetingHidden"),
              },
            ],
          },
          {
            key: t("fields.meetingWhere"),
            value: revisit.meetingWhere || t("detail.notGiven"),
          },
        ]}
      />

      <TimelineTable timeline={timeline} caption={t("detail.timelineCaption")} />

      <h2 className="govuk-heading-m">{t("detail.history.heading")}</h2>
      <ul className="govuk-list">
        {history.map((h) => (
          <li key={h.id}>
            <Instant iso={String(h.at)} />: {t(`history.${h.kind}`, { defaultValue: h.kind })}
            {h.by ? ` (${h.by})` : ""}
          </li>
        ))}
      </ul>
    </>
  );
}
