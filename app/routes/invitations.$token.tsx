import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { recordAudit } from "~/auth/audit.server";
import { SetPasswordSchema } from "~/auth/schemas";
import { commitSessionCookie, createSession } from "~/auth/session.server";
import { acceptInvitation, findUsableInvitation } from "~/auth/users.server";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { TextInput } from "~/components/forms/text-input";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { formErrors } from "~/utils/form-response.server";
import { parseForm } from "~/utils/form-data";

export const handle = { i18n: ["common", "auth", "users"] };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const t = await i18next.getFixedT(request, "users");
  const invitation = await findUsableInvitation(context.db, params.token ?? "", context.now());
  // Expired, used and made-up links all get the same page: it says what to do next.
  if (!invitation) return json({ pageTitle: t("accept.unusableTitle"), invitation: null }, { status: 404 });
  return json({ pageTitle: t("accept.title"), invitation: { name: invitation.name, email: invitation.email } });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const parsed = parseForm(SetPasswordSchema, formData);
  if (!parsed.ok) return formErrors(context, parsed.errors);
  const now = context.now();
  const result = await acceptInvitation(context.db, { token: params.token ?? "", password: parsed.data.newPassword, now });
  if (!result.ok) return formErrors(context, { newPassword: `accept.errors.${result.reason}` });
  await recordAudit(context.db, { userId: result.userId, action: "user.invitation-accepted", requestId: context.requestId });
  const token = await createSession(context.db, { userId: result.userId, userAgent: request.headers.get("user-agent") ?? "", now });
  return redirect("/admin", { headers: { "Set-Cookie": await commitSessionCookie(context, token) } });
}

export default function AcceptInvitation() {
  const { t } = useTranslation("users");
  const { t: tAuth } = useTranslation("auth");
  const { invitation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const message = (key: string) => (key.startsWith("accept.") ? t(key) : tAuth(key));
  if (!invitation) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{t("accept.unusableTitle")}</h1>
          <p className="govuk-body">{t("accept.unusable")}</p>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={Object.entries(errors).map(([field, key]) => ({ href: field, text: message(key) }))} />
        <h1 className="govuk-heading-l">{t("accept.title")}</h1>
        <p className="govuk-body">{t("accept.intro", { name: invitation.name, email: invitation.email })}</p>
        <Form method="post" noValidate>
          <CsrfInput />
          {/* Lets password managers save the new password against the right account. */}
          <input type="hidden" name="username" autoComplete="username" value={invitation.email} />
          <TextInput
            name="newPassword"
            type="password"
            autoComplete="new-password"
            label={tAuth("password.new")}
            hint={tAuth("password.newHint")}
            error={errors.newPassword ? message(errors.newPassword) : undefined}
          />
          <TextInput
            name="confirmPassword"
            type="password"
            autoComplete="new-password"
            label={tAuth("password.confirm")}
            error={errors.confirmPassword ? message(errors.confirmPassword) : undefined}
          />
          <Button>{t("accept.submit")}</Button>
        </Form>
      </div>
    </div>
  );
}
