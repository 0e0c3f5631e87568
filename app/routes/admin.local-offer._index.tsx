import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { can, type Permission } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import i18next from "~/i18n/i18next.server";
import { countPendingProposals, listServices } from "~/local-offer/editing.server";
import { actorFor, todayFor } from "~/local-offer/editing-routes.server";
import { reviewCounts } from "~/local-offer/reviews.server";

export const handle = { i18n: ["common", "services-admin"] };

/** The local offer's staff pages, each shown only to roles that may use it. */
const links: { key: string; to: string; permission: Permission }[] = [
  { key: "services", to: "/admin/services", permission: "services.propose" },
  { key: "proposals", to: "/admin/proposals", permission: "services.edit" },
  { key: "reviews", to: "/admin/reviews", permission: "services.propose" },
  { key: "synonyms", to: "/admin/local-offer/synonyms", permission: "search.manage" },
  { key: "needs", to: "/admin/local-offer/needs", permission: "search.manage" },
  { key: "searches", to: "/admin/local-offer/searches", permission: "local-offer.insights" },
  { key: "feedback", to: "/admin/local-offer/feedback", permission: "local-offer.insights" },
  { key: "coverage", to: "/admin/local-offer/coverage", permission: "local-offer.insights" },
  { key: "youSaidWeDid", to: "/admin/you-said-we-did", permission: "you-said-we-did.edit" },
  { key: "import", to: "/admin/local-offer/import", permission: "services.import" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, "staff.home");
  const t = await i18next.getFixedT(request, "services-admin");
  const actor = actorFor(user, context);
  const today = todayFor(context);
  const mayPropose = can(user.role, "services.propose");
  const mayEdit = can(user.role, "services.edit");
  const counts = mayPropose ? await reviewCounts(context.db, { actor, today }) : null;
  const pending = mayEdit ? await countPendingProposals(context.db) : null;
  const awaiting = mayEdit ? (await listServices(context.db, { actor, today, filters: { status: "awaiting_approval", pageSize: 1 } })).total : null;
  return json({
    pageTitle: t("hub.title"),
    links: links.filter((l) => can(user.role, l.permission)).map(({ key, to }) => ({ key, to })),
    counts,
    pending,
    awaiting,
  });
}

export default function LocalOfferHub() {
  const { t } = useTranslation("services-admin");
  const { links, counts, pending, awaiting } = useLoaderData<typeof loader>();
  const extra = (key: string) => {
    if (key === "proposals" && pending !== null) return t("hub.pendingCount", { count: pending });
    if (key === "reviews" && counts) return t("hub.reviewCounts", { overdue: counts.overdue, escalated: counts.escalated });
    return null;
  };
  return (
    <>
      <Breadcrumbs items={[{ text: t("breadcrumbs.staffArea"), href: "/admin" }, { text: t("hub.title") }]} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{t("hub.title")}</h1>
          <p className="govuk-body">{t("hub.intro")}</p>
          {links.length === 0 ? <p className="govuk-body">{t("hub.nothing")}</p> : null}
          <ul className="govuk-list govuk-list--spaced">
            {links.map((link) => (
              <li key={link.key}>
                <a className="govuk-link govuk-!-font-weight-bold" href={link.to}>
                  {t(`hub.links.${link.key}.title`)}
                </a>
                <span className="govuk-body govuk-!-display-block govuk-!-margin-bottom-0">{t(`hub.links.${link.key}.text`)}</span>
                {extra(link.key) ? <span className="govuk-body govuk-!-display-block govuk-!-margin-bottom-0">{extra(link.key)}</span> : null}
                {link.key === "services" && awaiting ? (
                  <a className="govuk-link govuk-!-display-block" href="/admin/services?status=awaiting_approval">
                    {t("hub.awaitingCount", { count: awaiting })}
                  </a>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </>
  );
}
