import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { StandardFeedbackForm, useFormState } from "~/feedback/general-forms";
import { standardFields } from "~/feedback/general";
import { listDistrictChoices } from "~/feedback/general.server";
import { sendFeedback } from "~/feedback/general-routes.server";
import { LookUpReference } from "~/feedback/progress";
import i18next from "~/i18n/i18next.server";

export const handle = { i18n: ["common", "feedback", "page-feedback"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const t = await i18next.getFixedT(request, "feedback");
  return json({ pageTitle: t("standard.title"), districts: await listDistrictChoices(context.db) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  return sendFeedback(request, context, "standard");
}

export default function GiveFeedback() {
  const { districts } = useLoaderData<typeof loader>();
  const state = useFormState(useActionData<typeof action>(), standardFields);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <StandardFeedbackForm {...state} districts={districts} />
        <LookUpReference />
      </div>
    </div>
  );
}
