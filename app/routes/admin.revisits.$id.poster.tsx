import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { NoticeSheet, NoticeTools } from "~/revisits/notice-components";
import { loadNoticePage } from "~/revisits/notice.server";

export const handle = { i18n: ["common", "revisits", "revisit-notice"] };

/** The notice as a poster: big type and a large QR code, for A3 or A4 (issue 5, point 6). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { data, pageTitle } = await loadNoticePage(request, context, params.id);
  return json({ pageTitle: pageTitle("posterTitle"), ...data });
}

export default function RevisitPoster() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <NoticeTools data={data} layout="poster" />
        <NoticeSheet data={data} layout="poster" />
      </div>
    </div>
  );
}
