import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { NoticeCopy, NoticeSheet, NoticeTools } from "~/revisits/notice-components";
import { loadNoticePage } from "~/revisits/notice.server";

export const handle = { i18n: ["common", "revisits", "revisit-notice"] };

/** The notice for families, to print on A4, with the same words as text to copy (issue 5, point 6). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { data, pageTitle } = await loadNoticePage(request, context, params.id);
  return json({ pageTitle: pageTitle("pageTitle"), ...data });
}

export default function RevisitNotice() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <NoticeTools data={data} layout="notice" />
        <NoticeSheet data={data} layout="notice" />
        <NoticeCopy text={data.text} />
      </div>
    </div>
  );
}
