import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { instantToUkLocal } from "~/surveys/uk-time";
import { surveyPath } from "~/surveys/lifecycle";
import { redirectDone, requireSurvey } from "~/surveys/lifecycle-routes.server";
import { codesBelongTo, codesCsv, verifyCodes } from "~/surveys/lifecycle.server";

/**
 * The invitation codes just made, as a spreadsheet (a resource route: no page).
 * It makes nothing and stores nothing: it only turns back into a file the signed
 * list that the invitations page was given when the codes were made, for half
 * an hour (lifecycle.server.ts `signCodes`). There is nothing to GET.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context, "surveys.manage");
  const survey = await requireSurvey(request, context, params.id);
  return redirect(surveyPath(survey.id, "invitations"));
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireUser(request, context, "surveys.manage");
  const survey = await requireSurvey(request, context, params.id);
  const formData = await readForm(request, context);
  const field = (name: string) => String(formData.get(name) ?? "");
  const now = context.now();
  const posted = { codes: field("codes"), label: field("label"), madeAt: field("madeAt"), signature: field("signature") };
  const signed = verifyCodes(context.cookieSecrets, survey.id, posted, now);
  if (!signed || !(await codesBelongTo(context.db, survey.id, signed.codes))) {
    context.logger.info({ surveyId: survey.id }, "invitation codes download refused");
    return redirectDone(context, surveyPath(survey.id, "invitations"), "downloadExpired");
  }
  const t = await i18next.getFixedT(request, "survey-admin");
  const link = `${new URL(request.url).origin}/surveys/${survey.slug}`;
  const csv = codesCsv(signed.codes, signed.label, { code: t("csv.code"), label: t("csv.label"), link: t("csv.link") }, link);
  const { date, time } = instantToUkLocal(now);
  const fileName = `invitation-codes-${survey.slug}-${date}-${time.replace(":", "")}.csv`;
  // A byte order mark so spreadsheet programs read the file as UTF-8.
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
