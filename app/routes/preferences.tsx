import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { Radios } from "~/components/forms/radios";
import { NotificationBanner } from "~/components/notification-banner";
import i18next from "~/i18n/i18next.server";
import { PreferencesSchema } from "~/preferences/preferences";
import { commitPreferences, getPreferences } from "~/preferences/preferences.server";
import { readForm } from "~/security/csrf.server";

export const handle = { i18n: ["common", "preferences"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await i18next.getFixedT(request, "preferences");
  return json({ pageTitle: t("title"), preferences: await getPreferences(request) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  // Every field falls back to "standard": a display setting can never be an error.
  const preferences = PreferencesSchema.parse(Object.fromEntries(formData));
  return redirect("/preferences?saved=1", { headers: { "Set-Cookie": await commitPreferences(preferences) } });
}

export default function Preferences() {
  const { t } = useTranslation("preferences");
  const { preferences } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const choices = (field: string, values: string[]) => values.map((value) => ({ value, label: t(`${field}.${value}`) }));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {params.get("saved") ? <NotificationBanner type="success" heading={t("saved")} /> : null}
        <h1 className="govuk-heading-l">{t("title")}</h1>
        <p className="govuk-body">{t("intro")}</p>
        <Form method="post" reloadDocument>
          <CsrfInput />
          <Radios name="textSize" legend={t("textSize.legend")} legendSize="s" defaultValue={preferences.textSize} choices={choices("textSize", ["standard", "large"])} small />
          <Radios name="contrast" legend={t("contrast.legend")} legendSize="s" defaultValue={preferences.contrast} choices={choices("contrast", ["standard", "high"])} small />
          <Radios
            name="font"
            legend={t("font.legend")}
            legendSize="s"
            hint={t("font.hint")}
            defaultValue={preferences.font}
            choices={choices("font", ["standard", "dyslexia"])}
            small
          />
          <Radios name="motion" legend={t("motion.legend")} legendSize="s" defaultValue={preferences.motion} choices={choices("motion", ["standard", "reduced"])} small />
          <Button>{t("save")}</Button>
        </Form>
      </div>
    </div>
  );
}
