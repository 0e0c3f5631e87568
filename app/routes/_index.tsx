import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getArea } from "~/area/area.server";
import { listWorkingGroups } from "~/area/working-groups.server";
import i18next from "~/i18n/i18next.server";

export const handle = { i18n: ["common", "home"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const t = await i18next.getFixedT(request, "home");
  const [area, groups] = await Promise.all([getArea(context.db), listWorkingGroups(context.db)]);
  return json({ pageTitle: t("title"), area, groups });
}

export default function Home() {
  const { t } = useTranslation("home");
  const { area, groups } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{area.serviceName}</h1>
        <p className="govuk-body-l">{area.name ? t("intro", { area: area.name }) : t("introNoArea")}</p>
        <p className="govuk-body">{t("partnership", { partnership: area.partnershipName })}</p>

        <h2 className="govuk-heading-m">{t("localOffer.heading")}</h2>
        <p className="govuk-body">{t("localOffer.text")}</p>
        <Form method="get" action="/local-offer" role="search" className="govuk-!-margin-bottom-4">
          <div className="govuk-form-group govuk-!-margin-bottom-2">
            <label className="govuk-label govuk-label--s" htmlFor="home-search">
              {t("localOffer.label")}
            </label>
            <div className="govuk-hint" id="home-search-hint">
              {t("localOffer.hint")}
            </div>
            <input className="govuk-input govuk-!-width-two-thirds" id="home-search" name="q" type="search" aria-describedby="home-search-hint" />{" "}
            <button type="submit" className="govuk-button govuk-!-margin-bottom-0" data-module="govuk-button">
              {t("localOffer.button")}
            </button>
          </div>
        </Form>
        <ul className="govuk-list govuk-list--bullet">
          <li>
            <Link className="govuk-link" to="/local-offer">
              {t("localOffer.browse")}
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to="/local-offer/coverage">
              {t("localOffer.coverage")}
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to="/you-said-we-did">
              {t("localOffer.yswd")}
            </Link>
          </li>
        </ul>

        <h2 className="govuk-heading-m">{t("groups.heading")}</h2>
        {groups.length ? (
          <>
            <p className="govuk-body">{t("groups.intro")}</p>
            <ul className="govuk-list govuk-list--spaced">
              {groups.map((group) => (
                <li key={group.id}>
                  <strong>{group.name}</strong>
                  {group.purpose ? <span className="govuk-body govuk-!-display-block">{group.purpose}</span> : null}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="govuk-body">{t("groups.none")}</p>
        )}

        <h2 className="govuk-heading-m">{t("easier.heading")}</h2>
        <ul className="govuk-list govuk-list--bullet">
          <li>
            <Link className="govuk-link" to="/preferences">
              {t("easier.display")}
            </Link>
          </li>
          <li>{t("easier.language")}</li>
          <li>
            <Link className="govuk-link" to="/accessibility">
              {t("easier.accessibility")}
            </Link>
          </li>
        </ul>

        {area.contactEmail ? (
          <>
            <h2 className="govuk-heading-m">{t("contact.heading")}</h2>
            <p className="govuk-body">
              {t("contact.text")}{" "}
              <a className="govuk-link" href={`mailto:${area.contactEmail}`}>
                {area.contactEmail}
              </a>
            </p>
          </>
        ) : null}
      </div>
    </div>
  );
}
