import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import i18next from "~/i18n/i18next.server";
import { RagKey, RagSummary } from "~/working-groups/components";
import { listWorkingGroupsWithProgress } from "~/working-groups/working-groups.server";

/** The five working groups, what each does, who leads it and how its tasks are going. No sign-in. */
export const handle = { i18n: ["common", "working-groups"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const t = await i18next.getFixedT(request, "working-groups");
  const groups = await listWorkingGroupsWithProgress(context.db);
  return json({ pageTitle: t("public.index.title"), groups });
}

export default function WorkingGroups() {
  const { t } = useTranslation("working-groups");
  const { groups } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{t("public.index.title")}</h1>
        <p className="govuk-body-l">{t("public.index.lede")}</p>
        <p className="govuk-body">{t("public.index.intro")}</p>

        {groups.map((group) => (
          <section key={group.id} aria-labelledby={`group-${group.slug}`} className="govuk-!-margin-bottom-8">
            <h2 className="govuk-heading-m" id={`group-${group.slug}`}>
              {group.name}
            </h2>
            <dl className="govuk-summary-list">
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">{t("public.index.purpose")}</dt>
                <dd className="govuk-summary-list__value">{group.purpose}</dd>
              </div>
              {group.lead_role ? (
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">{t("public.index.lead")}</dt>
                  <dd className="govuk-summary-list__value">{group.lead_role}</dd>
                </div>
              ) : null}
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">{t("public.index.progress")}</dt>
                <dd className="govuk-summary-list__value">
                  <p className="govuk-body">
                    {t("public.index.progressOf", {
                      actions: t("public.index.actions", { count: group.actionCount }),
                      tasks: t("public.index.tasks", { count: group.taskCount }),
                    })}
                  </p>
                  <RagSummary counts={group.rag} />
                </dd>
              </div>
            </dl>
            <p className="govuk-body">
              <Link className="govuk-link" to={`/working-groups/${group.slug}`}>
                {t("public.index.groupLink", { name: group.name })}
              </Link>
            </p>
          </section>
        ))}

        <h2 className="govuk-heading-m">{t("public.index.keyHeading")}</h2>
        <RagKey />
      </div>
    </div>
  );
}
