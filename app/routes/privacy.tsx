import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getArea } from "~/area/area.server";
import { ContentPage } from "~/components/content-page";
import i18next from "~/i18n/i18next.server";
import { getRetentionMonths } from "~/privacy/privacy.server";

export const handle = { i18n: ["common", "privacy"] };

/** The privacy notice. How long feedback is kept is read from the setting, so the page always matches (docs/decisions/023). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const t = await i18next.getFixedT(request, "privacy");
  const area = await getArea(context.db);
  const months = await getRetentionMonths(context.db);
  return json({
    pageTitle: t("title"),
    contactEmail: area.contactEmail || "the partnership",
    partnership: area.partnershipName,
    keptFor: t("keptFor", { count: months }),
  });
}

export default function Privacy() {
  const { contactEmail, partnership, keptFor } = useLoaderData<typeof loader>();
  return <ContentPage ns="privacy" values={{ contactEmail, partnership, keptFor }} />;
}
