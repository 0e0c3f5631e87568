import { json, redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FEEDBACK_PATH } from "~/feedback/general";
import { sentReference } from "~/feedback/general-routes.server";
import i18next from "~/i18n/i18next.server";

export const handle = { i18n: ["common", "feedback"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const sent = await sentReference(request, context);
  // The thank-you page means nothing once seen, or when nothing was sent.
  if (!sent) throw redirect(FEEDBACK_PATH);
  const t = await i18next.getFixedT(request, "feedback");
  return json({ pageTitle: t("sent.title"), reference: sent.reference }, { headers: { "Set-Cookie": sent.clear } });
}

export default function FeedbackSent() {
  const { t } = useTranslation("feedback");
  const { reference } = useLoaderData<typeof loader>();
  const next = t("sent.next", { returnObjects: true }) as string[];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">{t("sent.title")}</h1>
          <div className="govuk-panel__body">
            {t("sent.referenceIs")}
            <br />
            <strong>{reference}</strong>
          </div>
        </div>
        <p className="govuk-body">{t("sent.keep")}</p>
        <h2 className="govuk-heading-m">{t("sent.nextHeading")}</h2>
        <ul className="govuk-list govuk-list--bullet">
          {next.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p className="govuk-body">
          <Link className="govuk-link" to={`/feedback/${reference}`}>
            {t("sent.follow")}
          </Link>
        </p>
      </div>
    </div>
  );
}
