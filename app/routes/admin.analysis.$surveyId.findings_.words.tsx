import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { checkWords, findingsPath, FINDINGS_LIMITS, wordFields } from "~/analysis/findings";
import { getFindings, saveWords } from "~/analysis/findings.server";
import { findingsFlash, loadFindingsWave } from "~/analysis/findings-routes.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Textarea } from "~/components/forms/textarea";
import { TextInput } from "~/components/forms/text-input";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { formValues } from "~/utils/form-data";
import { formErrors } from "~/utils/form-response.server";

export const handle = { i18n: ["common", "findings"] };

/** The findings' title and summary, in plain words and in easy read (docs/decisions/032). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { wave } = await loadFindingsWave(request, context, params.surveyId);
  const t = await i18next.getFixedT(request, "findings");
  const { draft } = await getFindings(context.db, wave.id);
  return json({
    pageTitle: t("builder.form.wordsTitle", { title: wave.title }),
    surveyId: wave.id,
    surveyTitle: wave.title,
    words: { titlePlain: draft.titlePlain, titleEasyRead: draft.titleEasyRead, summaryPlain: draft.summaryPlain, summaryEasyRead: draft.summaryEasyRead },
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { wave, by } = await loadFindingsWave(request, context, params.surveyId);
  const form = await readForm(request, context);
  const values = formValues(form);
  const checked = checkWords(values);
  if (!checked.ok) return formErrors(context, checked.errors, values);
  await saveWords(context.db, { surveyId: wave.id, words: checked.words, by, now: context.now() });
  return redirect(`${findingsPath(wave.id)}#words`, { headers: await findingsFlash(context, "saved") });
}

export default function FindingsWords() {
  const { t } = useTranslation("findings");
  const { surveyId, surveyTitle, words } = useLoaderData<typeof loader>();
  const sent = useActionData<typeof action>();
  const errors: Record<string, string> = sent?.errors ?? {};
  const values: Record<string, unknown> = sent?.values ?? words;
  const value = (field: string) => (typeof values[field] === "string" ? (values[field] as string) : "");
  const error = (field: string) => (errors[field] ? t(errors[field]) : undefined);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={findingsPath(surveyId)}>{t("builder.form.cancel")}</BackLink>
        <ErrorSummary errors={wordFields.filter((f) => errors[f]).map((f) => ({ href: f, text: t(errors[f]!) }))} />
        <span className="govuk-caption-l">{surveyTitle}</span>
        <h1 className="govuk-heading-l">{t("builder.form.wordsHeading")}</h1>
        <Form method="post" noValidate>
          <CsrfInput />
          <TextInput name="titlePlain" label={t("builder.words.titlePlain")} hint={t("builder.form.titlePlainHint")} error={error("titlePlain")} defaultValue={value("titlePlain")} spellCheck />
          <TextInput name="titleEasyRead" label={t("builder.words.titleEasyRead")} hint={t("builder.form.titleEasyReadHint")} error={error("titleEasyRead")} defaultValue={value("titleEasyRead")} spellCheck />
          <Textarea
            name="summaryPlain"
            label={t("builder.words.summaryPlain")}
            hint={t("builder.form.summaryPlainHint")}
            error={error("summaryPlain")}
            defaultValue={value("summaryPlain")}
            maxLength={FINDINGS_LIMITS.summary}
            rows={6}
          />
          <Textarea
            name="summaryEasyRead"
            label={t("builder.words.summaryEasyRead")}
            hint={t("builder.form.summaryEasyReadHint")}
            error={error("summaryEasyRead")}
            defaultValue={value("summaryEasyRead")}
            maxLength={FINDINGS_LIMITS.summary}
            rows={6}
          />
          <Button>{t("builder.form.save")}</Button>
        </Form>
      </div>
    </div>
  );
}
