import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { can, type Permission } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import { CoProductionSection, FeedbackSection, PlanSection, SurveysSection } from "~/dashboard/components";
import { getDashboard } from "~/dashboard/dashboard.server";
import i18next from "~/i18n/i18next.server";
import { formatInstantInWords } from "~/utils/dates";

export const handle = { i18n: ["common", "admin", "dashboard", "working-groups", "co-production"] };

const sections: { key: string; to: string; permission: Permission }[] = [
  { key: "users", to: "/admin/users", permission: "users.manage" },
  { key: "area", to: "/admin/area", permission: "area.edit" },
  // Every staff role has something there (providers their entries, groups the insights); the hub filters its links.
  { key: "localOffer", to: "/admin/local-offer", permission: "staff.home" },
  { key: "surveys", to: "/admin/surveys", permission: "surveys.manage" },
  { key: "revisits", to: "/admin/revisits", permission: "revisits.review" },
  { key: "evidencePack", to: "/admin/evidence-pack", permission: "evidence-pack.read" },
  { key: "feedbackInbox", to: "/admin/feedback", permission: "feedback.triage" },
  { key: "coProduction", to: "/admin/co-production", permission: "co-production.read" },
  { key: "yswdCosign", to: "/admin/you-said-we-did/cosign", permission: "you-said-we-did.cosign" },
  { key: "safeguardingQueue", to: "/admin/safeguarding", permission: "safeguarding.queue" },
  { key: "safeguardingTerms", to: "/admin/safeguarding/terms", permission: "safeguarding.terms" },
  { key: "workingGroups", to: "/admin/working-groups", permission: "working-groups.progress" },
  { key: "bankHolidays", to: "/admin/bank-holidays", permission: "bank-holidays.import" },
  { key: "audit", to: "/admin/audit", permission: "audit.read" },
  { key: "privacy", to: "/admin/privacy", permission: "privacy.retention" },
  { key: "outbox", to: "/admin/outbox", permission: "outbox.read" },
  { key: "designSystem", to: "/admin/design-system", permission: "design-system.view" },
];

/**
 * The staff area's first page: the dashboard (issue 7, point 7; docs/decisions/033-dashboard.md),
 * each part only for roles allowed to see what it counts, then the links to every part.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const [t, language] = await Promise.all([i18next.getFixedT(request, "admin"), i18next.getLocale(request)]);
  const now = context.now();
  const dashboard = await getDashboard(context.db, { user, now, language });
  return json({
    pageTitle: t("home.title"),
    user: { name: user.name, role: user.role },
    asAt: now.toISOString(),
    dashboard,
    sections: sections.filter((s) => can(user.role, s.permission)).map(({ key, to }) => ({ key, to })),
  });
}

export default function AdminHome() {
  const { t, i18n } = useTranslation("admin");
  const { t: d } = useTranslation("dashboard");
  const { user, asAt, dashboard, sections } = useLoaderData<typeof loader>();
  const { threshold, windows } = dashboard;
  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{t("home.title")}</h1>
          <p className="govuk-body">{t("home.signedInAs", { name: user.name, role: t(`roles.${user.role}`) })}</p>
          <p className="govuk-body">
            {d("intro", { when: formatInstantInWords(asAt, i18n.language, { noon: d("noon"), midnight: d("midnight") }), threshold })}
          </p>
        </div>
      </div>
      {dashboard.surveys ? <SurveysSection rows={dashboard.surveys} windows={windows} threshold={threshold} /> : null}
      {dashboard.feedback ? <FeedbackSection figures={dashboard.feedback} windows={windows} threshold={threshold} /> : null}
      {dashboard.coProduction ? <CoProductionSection figures={dashboard.coProduction} windows={windows} /> : null}
      <PlanSection figures={dashboard.plan} />
      <div className="govuk-grid-row">
        <section className="govuk-grid-column-two-thirds" aria-labelledby="staff-sections">
          <h2 className="govuk-heading-l" id="staff-sections">
            {d("sections")}
          </h2>
          <ul className="govuk-list govuk-list--spaced">
            {sections.map((section) => (
              <li key={section.key}>
                <Link className="govuk-link govuk-!-font-weight-bold" to={section.to}>
                  {t(`home.sections.${section.key}.title`)}
                </Link>
                <span className="govuk-body govuk-!-display-block govuk-!-margin-bottom-0">{t(`home.sections.${section.key}.text`)}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
