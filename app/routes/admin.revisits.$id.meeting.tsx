import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { TextInput } from "~/components/forms/text-input";
import i18next from "~/i18n/i18next.server";
import { LIMITS, parseMeeting } from "~/revisits/forms";
import { setMeeting } from "~/revisits/revisits.server";
import { answerRefusal, byFor, redirectDone, requireRevisit } from "~/revisits/routes.server";
import { revisitPath } from "~/revisits/urls";
import { readForm } from "~/security/csrf.server";
import { errorItems } from "~/surveys/lifecycle-components";
import { formValues } from "~/utils/form-data";

export const handle = { i18n: ["common", "revisits"] };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { revisit } = await requireRevisit(request, context, params.id, "revisits.manage");
  const t = await i18next.getFixedT(request, "revisits");
  return json({
    pageTitle: t("meeting.title"),
    id: revisit.id,
    title: revisit.title,
    when: revisit.meetingWhen,
    where: revisit.meetingWhere,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, revisit } = await requireRevisit(request, context, params.id, "revisits.manage");
  const formData = await readForm(request, context);
  const values = formValues(formData);
  const parsed = parseMeeting(formData);
  if (!parsed.ok) return answerRefusal(request, context, { ok: false, reason: "invalid", errors: parsed.errors }, values);
  const result = await setMeeting(context.db, {
    id: revisit.id,
    ...parsed.data,
    by: byFor(user, context),
    now: context.now(),
  });
  if (!result.ok) return answerRefusal(request, context, result, values);
  return redirectDone(context, revisitPath(revisit.id), "meetingSet");
}

export default function Meeting() {
  const { t } = useTranslation("revisits");
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values = (actionData?.values ?? {}) as Record<string, string>;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={revisitPath(data.id)}>{t("backTo", { title: data.title })}</BackLink>
        <ErrorSummary errors={errorItems(errors, ["meetingWhen", "meetingWhere"], t)} />
        <span className="govuk-caption-l">{data.title}</span>
        <h1 className="govuk-heading-l">{t("meeting.title")}</h1>
        <p className="govuk-body">{t("meeting.intro")}</p>
        <Form method="post" noValidate>
          <CsrfInput />
          <TextInput
            name="meetingWhen"
            label={t("fields.meetingWhen")}
            hint={t("fields.meetingWhenHint")}
            defaultValue={values.meetingWhen ?? data.when}
            maxLength={LIMITS.meeting}
            error={errors.meetingWhen ? t(errors.meetingWhen) : undefined}
            optional
          />
          <TextInput
            name="meetingWhere"
            label={t("fields.meetingWhere")}
            hint={t("fields.meetingWhereHint")}
            defaultValue={values.meetingWhere ?? data.where}
            maxLength={LIMITS.meeting}
            error={errors.meetingWhere ? t(errors.meetingWhere) : undefined}
            optional
          />
          <Button>{t("meeting.submit")}</Button>
        </Form>
      </div>
    </div>
  );
}
