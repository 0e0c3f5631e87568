import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getArea } from "~/area/area.server";
import { ContentPage } from "~/components/content-page";
import i18next from "~/i18n/i18next.server";

export const handle = { i18n: ["common", "privacy"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const t = await i18next.getFixedT(request, "privacy");
  const area = await getArea(context.db);
  return json({ pageTitle: t("title"), contactEmail: area.contactEmail || "the partnership", partnership: area.partnershipName });
}

export default function Privacy() {
  const { contactEmail, partnership } = useLoaderData<typeof loader>();
  return <ContentPage ns="privacy" values={{ contactEmail, partnership }} />;
}
