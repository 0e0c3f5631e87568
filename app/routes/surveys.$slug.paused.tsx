import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { checkUrl, IDLE_MINUTES, loadJourney, pageUrl, rememberDraft, requireDraft } from "~/surveys/journey.server";

/**
 * After a long time away the survey pauses on this device: nothing is shown
 * until someone chooses to carry on, so answers are not left on an unattended
 * screen. Nothing is lost: the draft is on the server.
 */
export const handle = { i18n: ["common", "surveys"] };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const journey = await loadJourney(request, context, params.slug);
  await requireDraft(request, context, journey, { allowPaused: true });
  const t = await i18next.getFixedT(request, "surveys");
  return json({ pageTitle: t("paused.title"), slug: journey.survey.slug, minutes: IDLE_MINUTES }, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const journey = await loadJourney(request, context, params.slug);
  await readForm(request, context);
  const draft = await requireDraft(request, context, journey, { allowPaused: true });
  const cookie = await rememberDraft(request, context, journey.survey.id, draft.id, journey.now);
  const slug = journey.survey.slug;
  return redirect(draft.lastPage ? pageUrl(slug, draft.lastPage) : checkUrl(slug), { headers: { "Set-Cookie": cookie } });
}

export default function SurveyPaused() {
  const { t } = useTranslation("surveys");
  const { slug, minutes } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t("paused.title")}</h1>
        <p className="govuk-body">{t("paused.text", { count: minutes })}</p>
        <p className="govuk-body">{t("paused.saved")}</p>
        <Form method="post">
          <CsrfInput />
          <Button>{t("paused.carryOn")}</Button>
        </Form>
        <p className="govuk-body">
          <a className="govuk-link" href={`/surveys/${slug}/save`}>
            {t("paused.getCode")}
          </a>
        </p>
      </div>
    </div>
  );
}
