import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { recordAudit } from "~/auth/audit.server";
import { signIn } from "~/auth/login.server";
import { LoginSchema } from "~/auth/schemas";
import { commitSessionCookie, createSession, getSessionUser, safeRedirect } from "~/auth/session.server";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { TextInput } from "~/components/forms/text-input";
import { useValidatedForm } from "~/components/forms/use-validated-form";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { formErrors } from "~/utils/form-response.server";
import { parseForm } from "~/utils/form-data";

export const handle = { i18n: ["common", "auth"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  if (await getSessionUser(request, context)) throw redirect(redirectTo);
  const t = await i18next.getFixedT(request, "auth");
  return json({ pageTitle: t("login.title"), redirectTo });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const parsed = parseForm(LoginSchema, formData);
  if (!parsed.ok) return formErrors(context, parsed.errors, parsed.values);

  const { email, password } = parsed.data;
  const now = context.now();
  const result = await signIn(context.db, { email, password, ip: context.clientIp, now });
  if (!result.ok) {
    context.logger.warn({ reason: result.reason }, "sign-in refused");
    await recordAudit(context.db, {
      userId: null,
      action: result.reason === "throttled" ? "sign-in.throttled" : "sign-in.failed",
      details: { email: email.toLowerCase() },
      requestId: context.requestId,
    });
    const status = result.reason === "throttled" ? 429 : 400;
    const message = result.reason === "throttled" ? "login.errors.throttled" : "login.errors.invalid";
    return formErrors(context, { email: message }, { email }, status);
  }
  const token = await createSession(context.db, {
    userId: result.userId,
    userAgent: request.headers.get("user-agent") ?? "",
    now,
  });
  await recordAudit(context.db, { userId: result.userId, action: "sign-in", requestId: context.requestId });
  return redirect(safeRedirect(parsed.data.redirectTo), {
    headers: { "Set-Cookie": await commitSessionCookie(context, token) },
  });
}

export default function Login() {
  const { t } = useTranslation("auth");
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, setValue, errors, onSubmit, values } = useValidatedForm(LoginSchema, actionData);
  // After a refused attempt the password box starts empty again, with or without JavaScript.
  useEffect(() => {
    if (actionData) setValue("password", "");
  }, [actionData, setValue]);
  const errorList = Object.entries(errors).map(([field, key]) => ({ href: field, text: t(key) }));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errorList} />
        <h1 className="govuk-heading-l">{t("login.title")}</h1>
        <p className="govuk-body">{t("login.intro")}</p>
        <Form method="post" noValidate onSubmit={onSubmit}>
          <CsrfInput />
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <TextInput
            {...register("email")}
            label={t("login.email")}
            type="email"
            autoComplete="email"
            spellCheck={false}
            defaultValue={typeof values.email === "string" ? values.email : undefined}
            error={errors.email ? t(errors.email) : undefined}
          />
          <TextInput
            {...register("password")}
            label={t("login.password")}
            type="password"
            autoComplete="current-password"
            error={errors.password ? t(errors.password) : undefined}
          />
          <Button>{t("login.submit")}</Button>
        </Form>
        <p className="govuk-body">{t("login.help")}</p>
      </div>
    </div>
  );
}
