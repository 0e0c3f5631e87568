import type { LoaderFunctionArgs } from "@remix-run/node";
import { summaryDownload } from "~/analysis/summary-routes.server";

/** The results page's suppressed figures as a XLSX file (a resource route: no page). */
export function loader(args: LoaderFunctionArgs) {
  return summaryDownload(args, "xlsx");
}
