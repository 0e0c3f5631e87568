import type { LoaderFunctionArgs } from "@remix-run/node";
import { rawDownload } from "~/analysis/export-routes.server";

/**
 * One survey wave's responses as CSV, one row per response (a resource route: no page;
 * docs/decisions/031). Administrators only; reached from the export page's form, which
 * asks why and grants this download; recorded in the audit log. "$surveyId_" keeps it
 * out of any layout the results page may become.
 */
export async function loader(args: LoaderFunctionArgs) {
  return rawDownload(args, "responses.csv");
}
