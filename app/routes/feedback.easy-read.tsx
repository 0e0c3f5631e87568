import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { EasyReadFeedbackForm, useFormState } from "~/feedback/general-forms";
import { easyReadFields } from "~/feedback/general";
import { sendFeedback } from "~/feedback/general-routes.server";
import i18next from "~/i18n/i18next.server";

export const handle = { i18n: ["common", "feedback", "page-feedback"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await i18next.getFixedT(request, "feedback");
  return json({ pageTitle: t("easy.title") });
}

export async function action({ request, context }: ActionFunctionArgs) {
  return sendFeedback(request, context, "easy_read");
}

export default function GiveFeedbackEasyRead() {
  const state = useFormState(useActionData<typeof action>(), easyReadFields);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <EasyReadFeedbackForm {...state} />
      </div>
    </div>
  );
}
