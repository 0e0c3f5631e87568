import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { safeRedirect } from "~/auth/session.server";
import { isLanguage } from "~/i18n/config";
import { languageCookie } from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { httpError } from "~/utils/http.server";

export async function loader(_: LoaderFunctionArgs) {
  return redirect("/preferences");
}

/** The language picker posts here; the choice is kept in a cookie and the visitor goes back where they were. */
export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const lng = formData.get("lng");
  if (!isLanguage(lng)) throw await httpError(request, 400, "bad-request");
  return redirect(safeRedirect(formData.get("returnTo"), "/"), {
    headers: { "Set-Cookie": await languageCookie.serialize(lng) },
  });
}
