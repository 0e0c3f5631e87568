import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listWorkingGroups } from "~/area/working-groups.server";
import { AccessFields, accessValues } from "~/auth/access-fields";
import { recordAudit } from "~/auth/audit.server";
import { setFlash } from "~/auth/flash.server";
import { InviteSchema } from "~/auth/schemas";
import { requireUser } from "~/auth/session.server";
import { createInvitation, emailInUse, listOrganisations } from "~/auth/users.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { TextInput } from "~/components/forms/text-input";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { formErrors } from "~/utils/form-response.server";
import { formValues, parseForm } from "~/utils/form-data";

export const handle = { i18n: ["common", "admin", "users"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "users.manage");
  const t = await i18next.getFixedT(request, "users");
  const [groups, organisations] = await Promise.all([listWorkingGroups(context.db), listOrganisations(context.db)]);
  return json({ pageTitle: t("invite.title"), groups, organisations });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "users.manage");
  const formData = await readForm(request, context);
  const parsed = parseForm(InviteSchema, formData);
  if (!parsed.ok) return formErrors(context, parsed.errors, parsed.values);
  if (await emailInUse(context.db, parsed.data.email)) {
    return formErrors(context, { email: "errors.emailInUse" }, formValues(formData));
  }
  const { id, token } = await context.db.transaction().execute(async (trx) => {
    const invitation = await createInvitation(trx, {
      ...parsed.data,
      organisationId: parsed.data.organisationId || null,
      invitedBy: user.id,
      now: context.now(),
    });
    await recordAudit(trx, {
      userId: user.id,
      action: "user.invited",
      subjectType: "invitation",
      subjectId: invitation.id,
      details: { email: parsed.data.email, role: parsed.data.role },
      requestId: context.requestId,
    });
    return invitation;
  });
  const link = `${new URL(request.url).origin}/invitations/${token}`;
  return redirect(`/admin/users/invitations/${id}`, { headers: { "Set-Cookie": await setFlash(context, { invitation: id, link }) } });
}

export default function Invite() {
  const { t } = useTranslation("users");
  const { groups, organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const values = accessValues(actionData?.values);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/admin/users" />
        <ErrorSummary errors={Object.entries(errors).map(([field, key]) => ({ href: field, text: t(key) }))} />
        <h1 className="govuk-heading-l">{t("invite.title")}</h1>
        <p className="govuk-body">{t("invite.intro")}</p>
        <Form method="post" noValidate>
          <CsrfInput />
          <TextInput name="name" label={t("form.name")} hint={t("form.nameHint")} autoComplete="off" defaultValue={values.name} error={errors.name ? t(errors.name) : undefined} />
          <TextInput name="email" type="email" label={t("form.email")} spellCheck={false} autoComplete="off" defaultValue={values.email} error={errors.email ? t(errors.email) : undefined} />
          <AccessFields errors={errors} values={values} groups={groups} organisations={organisations} />
          <Button>{t("invite.submit")}</Button>
        </Form>
      </div>
    </div>
  );
}
