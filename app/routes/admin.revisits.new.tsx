import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { Checkboxes } from "~/components/forms/checkboxes";
import { CsrfInput } from "~/components/forms/csrf-input";
import { DateInput } from "~/components/forms/date-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Radios } from "~/components/forms/radios";
import { TextInput } from "~/components/forms/text-input";
import i18next from "~/i18n/i18next.server";
import { LIMITS, parseNewRevisit, parsedDate } from "~/revisits/forms";
import { readForm } from "~/security/csrf.server";
import { createRevisit, startDateErrors } from "~/revisits/revisits.server";
import { answerRefusal, byFor, redirectDone } from "~/revisits/routes.server";
import { REVISITS_ADMIN, revisitPath } from "~/revisits/urls";
import { errorItems } from "~/surveys/lifecycle-components";
import { formatDayInWords } from "~/utils/dates";
import { formValues } from "~/utils/form-data";

export const handle = { i18n: ["common", "revisits"] };

const ORDER = ["title", "kind", "date", "focuses", "meetingWhen", "meetingWhere"];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "revisits.manage");
  const t = await i18next.getFixedT(request, "revisits");
  const concerns = await context.db.selectFrom("area_of_concern").select(["number", "plain_title", "title"]).orderBy("number").execute();
  return json({ pageTitle: t("create.title"), concerns });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "revisits.manage");
  const formData = await readForm(request, context);
  const values = formValues(formData);
  const parsed = parseNewRevisit(formData);
  if (!parsed.ok) {
    // Name every mistake at once: the date's own problems too, when it is a date.
    const kind = formData.get("kind") === "onsite" ? "onsite" : "notified";
    const date = parsed.errors.date ? undefined : await startDateErrors(context.db, kind, parsedDate(formData), context.now());
    const errors = { ...parsed.errors, ...date?.errors };
    return answerRefusal(request, context, { ok: false, reason: "invalid", errors, params: date?.params }, values);
  }
  const result = await createRevisit(context.db, {
    input: parsed.data,
    by: byFor(user, context),
    now: context.now(),
  });
  if (!result.ok) return answerRefusal(request, context, result, values);
  return redirectDone(context, revisitPath(result.id), "created");
}

export default function NewRevisit() {
  const { t } = useTranslation("revisits");
  const { concerns } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const { i18n } = useTranslation();
  const given: Record<string, string> = actionData?.params ?? {};
  // Dates come as "YYYY-MM-DD" and are said in words in the reader's language.
  const params = given.opens ? { ...given, opens: formatDayInWords(given.opens, i18n.language) } : given;
  const values = (actionData?.values ?? {}) as Record<string, string | string[]>;
  const one = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : undefined);
  const focuses = values.focuses === undefined ? [] : Array.isArray(values.focuses) ? values.focuses : [values.focuses];
  const err = (name: string) => (errors[name] ? t(errors[name]!, params) : undefined);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={REVISITS_ADMIN}>{t("backToList")}</BackLink>
        <ErrorSummary errors={errorItems(errors, ORDER, t, { date: "date", focuses: "focuses" }, params)} />
        <h1 className="govuk-heading-l">{t("create.title")}</h1>
        <p className="govuk-body">{t("create.intro")}</p>
        <Form method="post" noValidate>
          <CsrfInput />
          <TextInput
            name="title"
            label={t("fields.title")}
            hint={t("fields.titleHint")}
            defaultValue={one("title") ?? t("create.defaultTitle")}
            maxLength={LIMITS.title}
            error={err("title")}
          />
          <Radios
            name="kind"
            legend={t("fields.kind")}
            legendSize="s"
            defaultValue={one("kind") ?? "notified"}
            error={err("kind")}
            choices={[
              {
                value: "notified",
                label: t("fields.kinds.notified"),
                hint: t("fields.kinds.notifiedHint"),
              },
              {
                value: "onsite",
                label: t("fields.kinds.onsite"),
                hint: t("fields.kinds.onsiteHint"),
              },
            ]}
          />
          <DateInput
            name="date"
            id="date"
            legend={t("fields.date")}
            legendSize="s"
            hint={t("fields.dateHint")}
            defaultValue={{
              day: one("date-day"),
              month: one("date-month"),
              year: one("date-year"),
            }}
            error={err("date")}
          />
          <Checkboxes
            name="focuses"
            legend={t("fields.focuses")}
            legendSize="s"
            hint={t("fields.focusesHint")}
            defaultValues={focuses}
            error={err("focuses")}
            choices={concerns.map((c) => ({
              value: String(c.number),
              label: `${c.number}. ${c.plain_title || c.title}`,
            }))}
          />
          <TextInput
            name="meetingWhen"
            label={t("fields.meetingWhen")}
            hint={t("fields.meetingWhenHint")}
            defaultValue={one("meetingWhen")}
            maxLength={LIMITS.meeting}
            error={err("meetingWhen")}
            optional
          />
          <TextInput
            name="meetingWhere"
            label={t("fields.meetingWhere")}
            hint={t("fields.meetingWhereHint")}
            defaultValue={one("meetingWhere")}
            maxLength={LIMITS.meeting}
            error={err("meetingWhere")}
            optional
          />
          <Button>{t("create.submit")}</Button>
        </Form>
      </div>
    </div>
  );
}
