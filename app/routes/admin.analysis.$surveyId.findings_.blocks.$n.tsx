import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { blockFields, blockIndex, blockKinds, checkBlock, findingsPath, FINDINGS_LIMITS, MAX_BLOCKS, type BlockKind, type FindingsBlock } from "~/analysis/findings";
import { getDraftState, saveBlock } from "~/analysis/findings.server";
import { findingsFlash, loadFindingsWave } from "~/analysis/findings-routes.server";
import { wavePath } from "~/analysis/paths";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Radios } from "~/components/forms/radios";
import { Textarea } from "~/components/forms/textarea";
import { TextInput } from "~/components/forms/text-input";
import { languageOf } from "~/i18n/config";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { showText } from "~/surveys/question-field";
import { formValues } from "~/utils/form-data";
import { formErrors } from "~/utils/form-response.server";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "findings"] };

/**
 * One block of the findings, added (`/blocks/new?kind=chart|text|quote`) or changed
 * (`/blocks/2`): a chart of a counted question with what it shows in plain words and in
 * easy read, text of the officer's own, or one of the wave's chosen quotes.
 */
async function resolveBlock(request: Request, context: LoaderFunctionArgs["context"], params: LoaderFunctionArgs["params"]) {
  const loaded = await loadFindingsWave(request, context, params.surveyId);
  const state = await getDraftState(context.db, { wave: loaded.wave });
  let kind: BlockKind;
  let index: number | null = null;
  let block: FindingsBlock | null = null;
  if (params.n === "new") {
    const asked = new URL(request.url).searchParams.get("kind");
    if (!(blockKinds as readonly string[]).includes(asked ?? "")) throw await httpError(request, 404, "not-found");
    kind = asked as BlockKind;
  } else {
    index = blockIndex(params.n, state.draft.blocks);
    if (index === null) throw await httpError(request, 404, "not-found");
    block = state.draft.blocks[index]!;
    kind = block.kind;
  }
  return { ...loaded, state, kind, index, block };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { wave, language, state, kind, index, block } = await resolveBlock(request, context, params);
  const t = await i18next.getFixedT(request, "findings");
  const title =
    index === null
      ? t(`builder.form.new${kind === "chart" ? "Chart" : kind === "text" ? "Text" : "Quote"}Title`, { title: wave.title })
      : t("builder.form.editTitle", { number: index + 1, title: wave.title });
  const showable = new Set(state.showable);
  const textOf = (variants: Parameters<typeof showText>[0]) => showText(variants, { language, format: "standard" });
  return json({
    pageTitle: title,
    surveyId: wave.id,
    surveyTitle: wave.title,
    kind,
    number: index === null ? null : index + 1,
    action: index === null ? `${findingsPath(wave.id)}/blocks/new?kind=${kind}` : `${findingsPath(wave.id)}/blocks/${index + 1}`,
    values: (block ?? {}) as Record<string, string>,
    questions:
      kind === "chart"
        ? state.questions.map((q) => ({ key: q.key, number: q.number, text: textOf(q.question.text)?.text ?? q.key, showable: showable.has(q.key) }))
        : [],
    quotes:
      kind === "quote"
        ? state.quotes.map((q) => {
            const question = state.questions.find((x) => x.key === q.questionKey);
            return { id: q.id, text: q.text, language: q.language, question: question ? (textOf(question.question.text)?.text ?? null) : null };
          })
        : [],
    freeTextPath: wavePath(wave.id, "free-text"),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { wave, by, state, kind, index } = await resolveBlock(request, context, params);
  const form = await readForm(request, context);
  const values = formValues(form);
  const checked = checkBlock(kind, values, { questionKeys: state.questions.map((q) => q.key), quoteIds: state.quotes.map((q) => q.id) });
  if (!checked.ok) return formErrors(context, checked.errors, values);
  const saved = await saveBlock(context.db, { surveyId: wave.id, index, block: checked.block, by, now: context.now() });
  if (!saved.ok && saved.reason === "not-found") throw await httpError(request, 404, "not-found");
  if (!saved.ok) return formErrors(context, { [blockFields[kind][0]!]: "builder.blocks.tooMany" }, values, 409);
  return redirect(`${findingsPath(wave.id)}#block-${saved.index + 1}`, { headers: await findingsFlash(context, "saved") });
}

export default function FindingsBlockPage() {
  const { t } = useTranslation("findings");
  const data = useLoaderData<typeof loader>();
  const sent = useActionData<typeof action>();
  const { kind } = data;
  const errors: Record<string, string> = sent?.errors ?? {};
  const values: Record<string, unknown> = sent?.values ?? data.values;
  const value = (field: string) => (typeof values[field] === "string" ? (values[field] as string) : "");
  const error = (field: string) => (errors[field] ? t(errors[field], { max: MAX_BLOCKS }) : undefined);
  const heading = data.number === null ? t(`builder.form.${kind}Heading`) : t("builder.blocks.blockHeading", { number: data.number, kind: t(`builder.blocks.${kind}`) });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={findingsPath(data.surveyId)}>{t("builder.form.cancel")}</BackLink>
        <ErrorSummary errors={blockFields[kind].filter((f) => errors[f]).map((f) => ({ href: f, text: error(f)! }))} />
        <span className="govuk-caption-l">{data.surveyTitle}</span>
        <h1 className="govuk-heading-l">{heading}</h1>
        {kind === "quote" && data.quotes.length === 0 ? (
          <>
            <p className="govuk-body">{t("builder.form.noQuotes")}</p>
            <p className="govuk-body">
              <a className="govuk-link" href={data.freeTextPath}>
                {t("builder.form.freeText")}
              </a>
            </p>
          </>
        ) : kind === "chart" && data.questions.length === 0 ? (
          <p className="govuk-body">{t("builder.form.noQuestions")}</p>
        ) : (
          <Form method="post" action={data.action} noValidate>
            <CsrfInput />
            {kind === "chart" ? (
              <>
                <Radios
                  name="questionKey"
                  legend={t("builder.form.questionKey")}
                  legendSize="m"
                  hint={t("builder.form.questionKeyHint")}
                  error={error("questionKey")}
                  defaultValue={value("questionKey")}
                  choices={data.questions.map((q) => ({
                    value: q.key,
                    label: t("builder.blocks.question", { number: q.number, text: q.text }),
                    hint: q.showable ? undefined : t("builder.form.tooFewHint"),
                  }))}
                />
                <Textarea name="plain" label={t("builder.form.chartPlain")} hint={t("builder.form.chartPlainHint")} error={error("plain")} defaultValue={value("plain")} maxLength={FINDINGS_LIMITS.text} />
                <Textarea name="easyRead" label={t("builder.form.chartEasyRead")} hint={t("builder.form.chartEasyReadHint")} error={error("easyRead")} defaultValue={value("easyRead")} maxLength={FINDINGS_LIMITS.text} />
              </>
            ) : null}
            {kind === "text" ? (
              <>
                <TextInput name="heading" label={t("builder.form.heading")} hint={t("builder.form.headingHint")} error={error("heading")} defaultValue={value("heading")} spellCheck />
                <Textarea name="plain" label={t("builder.form.textPlain")} error={error("plain")} defaultValue={value("plain")} maxLength={FINDINGS_LIMITS.text} rows={8} />
                <Textarea name="easyRead" label={t("builder.form.textEasyRead")} hint={t("builder.form.textEasyReadHint")} error={error("easyRead")} defaultValue={value("easyRead")} maxLength={FINDINGS_LIMITS.text} rows={8} />
              </>
            ) : null}
            {kind === "quote" ? (
              <Radios
                name="quoteId"
                legend={t("builder.form.quoteId")}
                legendSize="m"
                hint={t("builder.form.quoteIdHint")}
                error={error("quoteId")}
                defaultValue={value("quoteId")}
                choices={data.quotes.map((q) => ({
                  value: q.id,
                  label: <span lang={q.language} dir={languageOf(q.language).dir}>“{q.text}”</span>,
                  hint: [q.question, t("builder.form.quoteLanguage", { language: languageOf(q.language).name })].filter(Boolean).join(". "),
                }))}
              />
            ) : null}
            <Button>{data.number === null ? t("builder.form.add") : t("builder.form.saveChanges")}</Button>
          </Form>
        )}
      </div>
    </div>
  );
}
