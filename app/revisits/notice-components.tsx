import { Trans, useTranslation } from "react-i18next";
import { NotificationBanner } from "~/components/notification-banner";
import { RevisitNav } from "./components";

/** What the notice and poster pages get from their loader (dates as ISO strings, words made on the server). */
export interface NoticePageData {
  id: string;
  revisitTitle: string;
  notice: {
    areaName: string;
    surveyUrl: string;
    opensAt: string;
    closesAt: string;
    opensWords: string;
    closesWords: string;
    scheduled: boolean;
    meetingWhen: string;
    meetingWhere: string;
    contactEmail: string;
    focuses: string[];
    estimatedMinutes: number;
    qrSvg: string;
  };
  text: string;
}

type Layout = "notice" | "poster";

const otherVersions: { layout: Layout | "text"; path: string }[] = [
  { layout: "notice", path: "notice" },
  { layout: "poster", path: "poster" },
  { layout: "text", path: "notice.txt" },
];

/** The officer's part of the page: never printed. */
export function NoticeTools({ data, layout }: { data: NoticePageData; layout: Layout }) {
  const { t } = useTranslation("revisit-notice");
  const { notice } = data;
  const meeting = notice.meetingWhen.trim() !== "" || notice.meetingWhere.trim() !== "";
  return (
    <div className="app-no-print">
      <RevisitNav id={data.id} current="notice" />
      {notice.scheduled ? null : (
        <NotificationBanner heading={t("notScheduledHeading")}>
          <p className="govuk-body">{t("notScheduled")}</p>
        </NotificationBanner>
      )}
      <span className="govuk-caption-l">{data.revisitTitle}</span>
      <h1 className="govuk-heading-l">{t(layout === "poster" ? "posterHeading" : "pageHeading")}</h1>
      <p className="govuk-body">{t("intro")}</p>
      <p className="govuk-body">{t("printHint")}</p>
      {meeting ? null : (
        <div className="govuk-inset-text">
          <p className="govuk-body">{t("noMeeting")}</p>
        </div>
      )}
      <h2 className="govuk-heading-s">{t("links.heading")}</h2>
      <ul className="govuk-list">
        {otherVersions.map(({ layout: other, path }) => (
          <li key={other}>
            {other === layout ? (
              <span aria-current="page" className="govuk-!-font-weight-bold">
                {t(`links.${other}`)}
              </span>
            ) : (
              <a className="govuk-link" href={`/admin/revisits/${data.id}/${path}`}>
                {t(`links.${other}`)}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function When({ iso, words }: { iso: string; words: string }) {
  return <time dateTime={iso}>{words}</time>;
}

/** The notice or the poster itself: what goes on paper. */
export function NoticeSheet({ data, layout }: { data: NoticePageData; layout: Layout }) {
  const { t } = useTranslation("revisit-notice");
  const { notice } = data;
  const meeting = notice.meetingWhen.trim() !== "" || notice.meetingWhere.trim() !== "";
  const poster = layout === "poster";
  return (
    <section aria-labelledby="notice-heading" className={poster ? "app-notice app-poster" : "app-notice"}>
      <h2 className={poster ? "govuk-heading-xl app-poster__heading" : "govuk-heading-l"} id="notice-heading">
        {t("heading")}
      </h2>
      {poster ? <p className="govuk-body-l app-poster__lead">{t("posterLead")}</p> : null}
      <p className={poster ? "govuk-body-l" : "govuk-body"}>{t("what", { area: notice.areaName })}</p>
      {poster ? null : <p className="govuk-body">{t("want")}</p>}
      <p className={poster ? "govuk-body-l govuk-!-font-weight-bold app-poster__window" : "govuk-body govuk-!-font-weight-bold"}>
        <Trans
          t={t}
          i18nKey="windowRich"
          values={{ opens: notice.opensWords, closes: notice.closesWords }}
          components={{
            opens: <When iso={notice.opensAt} words={notice.opensWords} />,
            closes: <When iso={notice.closesAt} words={notice.closesWords} />,
          }}
        />
      </p>
      <div className="app-notice__where">
        <div className={poster ? "app-qr app-qr--large" : "app-qr"} dangerouslySetInnerHTML={{ __html: notice.qrSvg }} />
        <div className="app-notice__address">
          <h3 className={poster ? "govuk-heading-l" : "govuk-heading-m"}>{t("addressHeading")}</h3>
          <p className="govuk-body">{t("addressIntro")}</p>
          <p
            className={
              poster ? "govuk-body-l govuk-!-font-weight-bold app-notice__url" : "govuk-body govuk-!-font-weight-bold app-notice__url"
            }
          >
            {notice.surveyUrl}
          </p>
          <p className="govuk-body">{t("scan")}</p>
          <p className="govuk-body">{t("howLong", { minutes: notice.estimatedMinutes })}</p>
        </div>
      </div>
      {!poster && notice.focuses.length ? (
        <>
          <p className="govuk-body">{t("focusesIntro")}</p>
          <ul className="govuk-list govuk-list--bullet">
            {notice.focuses.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </>
      ) : null}
      {meeting ? (
        <>
          <h3 className={poster ? "govuk-heading-l" : "govuk-heading-m"}>{t("meeting.heading")}</h3>
          <p className={poster ? "govuk-body-l" : "govuk-body"}>{t("meeting.intro")}</p>
          <dl className="govuk-summary-list govuk-summary-list--no-border app-notice__meeting">
            {notice.meetingWhen.trim() ? (
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">{t("meeting.when")}</dt>
                <dd className="govuk-summary-list__value">{notice.meetingWhen}</dd>
              </div>
            ) : null}
            {notice.meetingWhere.trim() ? (
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">{t("meeting.where")}</dt>
                <dd className="govuk-summary-list__value">{notice.meetingWhere}</dd>
              </div>
            ) : null}
          </dl>
        </>
      ) : null}
      <p className="govuk-body">{t("anonymous")}</p>
      {notice.contactEmail ? (
        <p className="govuk-body">
          <Trans
            t={t}
            i18nKey="contactRich"
            values={{ email: notice.contactEmail }}
            components={{
              email: (
                <a className="govuk-link" href={`mailto:${notice.contactEmail}`}>
                  {notice.contactEmail}
                </a>
              ),
            }}
          />
        </p>
      ) : null}
    </section>
  );
}

/** The plain text, ready to select and copy (the same as the .txt version). */
export function NoticeCopy({ text }: { text: string }) {
  const { t } = useTranslation("revisit-notice");
  return (
    <div className="app-no-print govuk-!-margin-top-8">
      <h2 className="govuk-heading-m">{t("copy.heading")}</h2>
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="notice-text">
          {t("copy.label")}
        </label>
        <div className="govuk-hint" id="notice-text-hint">
          {t("copy.hint")}
        </div>
        <textarea className="govuk-textarea" id="notice-text" aria-describedby="notice-text-hint" rows={18} readOnly defaultValue={text} />
      </div>
    </div>
  );
}
