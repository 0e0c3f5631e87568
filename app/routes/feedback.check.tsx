import { json, redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/error-summary";
import { readReference } from "~/feedback/general";
import { LookUpReference } from "~/feedback/progress";
import i18next from "~/i18n/i18next.server";

/** "Check on feedback you sent": a reference as typed goes to its page; a bad one is named. */
export const handle = { i18n: ["common", "feedback"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const typed = new URL(request.url).searchParams.get("reference");
  const t = await i18next.getFixedT(request, "feedback");
  const pageTitle = t("lookUp.heading");
  if (typed === null) return json({ pageTitle, typed: "", error: null });
  const reference = readReference(typed);
  if (reference) throw redirect(`/feedback/${reference}`);
  const error = typed.trim() === "" ? "lookUp.errors.missing" : "lookUp.errors.format";
  return json({ pageTitle: t("lookUp.errorTitle", { title: pageTitle }), typed: typed.slice(0, 40), error }, { status: 400 });
}

export default function CheckFeedback() {
  const { t } = useTranslation("feedback");
  const { typed, error } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={error ? [{ href: "reference", text: t(error) }] : []} />
        <LookUpReference value={typed} error={error ? t(error) : undefined} isPageHeading />
      </div>
    </div>
  );
}
