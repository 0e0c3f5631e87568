import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listWorkingGroups } from "~/area/working-groups.server";
import { AccessFields, accessValues } from "~/auth/access-fields";
import { recordAudit } from "~/auth/audit.server";
import { AccessSchema } from "~/auth/schemas";
import { requireUser } from "~/auth/session.server";
import { getUser, listOrganisations, setUserDisabled, updateUserAccess } from "~/auth/users.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { NotificationBanner } from "~/components/notification-banner";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { formErrors } from "~/utils/form-response.server";
import { formatDateTime } from "~/utils/dates";
import { formValues, parseForm } from "~/utils/form-data";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "admin", "users"] };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const me = await requireUser(request, context, "users.manage");
  const user = await getUser(context.db, params.id ?? "");
  if (!user) throw await httpError(request, 404, "not-found");
  const t = await i18next.getFixedT(request, "users");
  const [groups, organisations] = await Promise.all([listWorkingGroups(context.db), listOrganisations(context.db)]);
  return json({ pageTitle: t("edit.title", { name: user.name }), user, groups, organisations, isMe: me.id === user.id });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const me = await requireUser(request, context, "users.manage");
  const user = await getUser(context.db, params.id ?? "");
  if (!user) throw await httpError(request, 404, "not-found");
  const formData = await readForm(request, context);
  const intent = formData.get("intent");
  const audit = (action: string, details: Record<string, unknown> = {}) =>
    recordAudit(context.db, { userId: me.id, action, subjectType: "user", subjectId: user.id, details, requestId: context.requestId });

  if (intent === "disable" || intent === "enable") {
    // An administrator cannot lock themselves out by accident.
    if (user.id === me.id) return formErrors(context, { intent: "errors.notYourself" });
    await setUserDisabled(context.db, { userId: user.id, disabled: intent === "disable", now: context.now() });
    await audit(intent === "disable" ? "user.disabled" : "user.enabled");
    return redirect(`/admin/users/${user.id}?done=${intent}`);
  }
  if (intent === "access") {
    const parsed = parseForm(AccessSchema, formData);
    if (!parsed.ok) return formErrors(context, parsed.errors, parsed.values);
    if (user.id === me.id && parsed.data.role !== "admin") {
      return formErrors(context, { role: "errors.notYourself" }, formValues(formData));
    }
    await updateUserAccess(context.db, {
      userId: user.id,
      role: parsed.data.role,
      organisationId: parsed.data.organisationId || null,
      workingGroupIds: parsed.data.workingGroupIds,
      leadGroupIds: parsed.data.leadGroupIds,
    });
    await audit("user.access-changed", {
      from: user.role,
      to: parsed.data.role,
      workingGroupIds: parsed.data.workingGroupIds,
      leadGroupIds: parsed.data.leadGroupIds,
    });
    return redirect(`/admin/users/${user.id}?done=access`);
  }
  throw await httpError(request, 400, "bad-request");
}

export default function EditUser() {
  const { t, i18n } = useTranslation("users");
  const { t: tAdmin } = useTranslation("admin");
  const { user, groups, organisations, isMe } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done");
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values = actionData?.values
    ? accessValues(actionData.values)
    : {
        role: user.role,
        workingGroupIds: user.workingGroupIds.map(String),
        leadGroupIds: user.leadGroupIds.map(String),
        organisationId: user.organisation_id ?? "",
      };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/admin/users" />
        {done ? (
          <NotificationBanner
            type="success"
            heading={t(`edit.done.${done === "access" ? "access" : done === "disable" ? "disable" : "enable"}`, { name: user.name })}
          />
        ) : null}
        <ErrorSummary errors={Object.entries(errors).map(([field, key]) => ({ href: field, text: t(key) }))} />
        <h1 className="govuk-heading-l">{user.name}</h1>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("form.email")}</dt>
            <dd className="govuk-summary-list__value">{user.email}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("list.role")}</dt>
            <dd className="govuk-summary-list__value">{tAdmin(`roles.${user.role}`)}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("edit.lastSignIn")}</dt>
            <dd className="govuk-summary-list__value">
              {user.last_login_at ? formatDateTime(user.last_login_at, i18n.language) : t("edit.never")}
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("list.status")}</dt>
            <dd className="govuk-summary-list__value">{user.disabled_at ? t("list.disabled") : t("list.active")}</dd>
          </div>
        </dl>

        <h2 className="govuk-heading-m">{t("edit.accessHeading")}</h2>
        <Form method="post" noValidate>
          <CsrfInput />
          <AccessFields errors={errors} values={values} groups={groups} organisations={organisations} showLeads />
          <Button name="intent" value="access">
            {t("edit.saveAccess")}
          </Button>
        </Form>

        {isMe ? null : (
          <>
            <h2 className="govuk-heading-m" id="intent">
              {user.disabled_at ? t("edit.enableHeading") : t("edit.disableHeading")}
            </h2>
            <p className="govuk-body">{user.disabled_at ? t("edit.enableText") : t("edit.disableText")}</p>
            <Form method="post">
              <CsrfInput />
              {user.disabled_at ? (
                <Button name="intent" value="enable" variant="secondary">
                  {t("edit.enable", { name: user.name })}
                </Button>
              ) : (
                <Button name="intent" value="disable" variant="warning">
                  {t("edit.disable", { name: user.name })}
                </Button>
              )}
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
