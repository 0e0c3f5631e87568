import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/auth/audit.server";
import { clearSessionCookie, getSessionUser, revokeSession } from "~/auth/session.server";
import { readForm } from "~/security/csrf.server";

// Signing out changes state, so it is a POST; a GET just goes home.
export async function loader(_: LoaderFunctionArgs) {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  await readForm(request, context);
  const user = await getSessionUser(request, context);
  if (user) {
    await revokeSession(context.db, user.sessionId, context.now());
    await recordAudit(context.db, { userId: user.id, action: "sign-out", requestId: context.requestId });
  }
  return redirect("/", { headers: { "Set-Cookie": await clearSessionCookie(context) } });
}
