import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { INBOX_PATH } from "~/feedback/triage";
import { formatDate } from "~/utils/dates";
import type { CoproductionLevel, CoproductionStatus } from "../../db/schema";
import { StatusTag } from "./components";
import { activityPath } from "./urls";

/**
 * The two ends of a link between a co-production activity and feedback
 * (docs/decisions/027-co-production-feedback-links.md): on the activity's page, the
 * feedback that fed into it; on an item's triage page, the activities it fed into.
 */

export interface LinkedFeedbackItem {
  id: string;
  reference: string;
  summary: string | null;
  anonymisedAt: string | null;
}

/** On the activity's page: each linked item's reference (to its triage page) and first words. */
export function LinkedFeedbackList({ items, others }: { items: LinkedFeedbackItem[]; others: number }) {
  const { t, i18n } = useTranslation("co-production");
  return (
    <section aria-labelledby="linked-feedback">
      <h2 className="govuk-heading-m" id="linked-feedback">
        {t("admin.view.feedbackHeading")}
      </h2>
      {items.length ? (
        <ul className="govuk-list">
          {items.map((item) => (
            <li key={item.id} className="govuk-!-margin-bottom-4">
              <Link className="govuk-link govuk-!-font-weight-bold" to={`${INBOX_PATH}/${item.id}`}>
                {item.reference}
              </Link>
              <p className={`govuk-body govuk-!-margin-bottom-0${item.summary ? "" : " govuk-hint"}`}>
                {item.anonymisedAt
                  ? t("admin.view.feedbackRemoved", { date: formatDate(item.anonymisedAt, i18n.language) })
                  : item.summary ?? t("admin.view.feedbackNoWords")}
              </p>
            </li>
          ))}
        </ul>
      ) : others === 0 ? (
        <p className="govuk-body">{t("admin.view.feedbackNone")}</p>
      ) : null}
      {others > 0 ? <p className="govuk-body">{t("admin.view.feedbackOthers", { count: others })}</p> : null}
    </section>
  );
}

export interface FeedbackActivity {
  id: string;
  title: string;
  heldOn: string;
  level: CoproductionLevel;
  status: CoproductionStatus;
}

/** On an item's triage page: the co-production activities it fed into. */
export function FeedbackActivities({ activities }: { activities: FeedbackActivity[] }) {
  const { t, i18n } = useTranslation("co-production");
  return (
    <section aria-labelledby="coproduction-activities">
      <h2 className="govuk-heading-m" id="coproduction-activities">
        {t("feedbackLinks.heading")}
      </h2>
      {activities.length ? (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">{t("feedbackLinks.caption")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                {t("feedbackLinks.activity")}
              </th>
              <th scope="col" className="govuk-table__header">
                {t("feedbackLinks.date")}
              </th>
              <th scope="col" className="govuk-table__header">
                {t("feedbackLinks.level")}
              </th>
              <th scope="col" className="govuk-table__header">
                {t("feedbackLinks.status")}
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {activities.map((a) => (
              <tr key={a.id} className="govuk-table__row">
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={activityPath(a.id)}>
                    {a.title}
                  </Link>
                </td>
                <td className="govuk-table__cell">{formatDate(a.heldOn, i18n.language)}</td>
                <td className="govuk-table__cell">{t(`levels.${a.level}`)}</td>
                <td className="govuk-table__cell">
                  <StatusTag status={a.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="govuk-body">{t("feedbackLinks.none")}</p>
      )}
    </section>
  );
}
