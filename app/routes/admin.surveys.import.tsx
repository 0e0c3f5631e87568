import { json, unstable_parseMultipartFormData, type ActionFunctionArgs, type LoaderFunctionArgs, type UploadHandler } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Details } from "~/components/details";
import { ErrorMessage } from "~/components/forms/field";
import { Textarea } from "~/components/forms/textarea";
import { Table } from "~/components/table";
import i18next from "~/i18n/i18next.server";
import { requireCsrf } from "~/security/csrf.server";
import { MAX_PROBLEMS_SHOWN, type ImportProblem, type ProblemStep } from "~/surveys/import";
import { ImportFieldsSchema, MAX_IMPORT_BYTES, surveyPath, SURVEYS_ADMIN } from "~/surveys/lifecycle";
import { errorItems } from "~/surveys/lifecycle-components";
import { IdentityFields } from "~/surveys/lifecycle-fields";
import { answerRefusal, byFor, redirectDone } from "~/surveys/lifecycle-routes.server";
import { importSurvey } from "~/surveys/lifecycle.server";
import { parseForm, type FormValues } from "~/utils/form-data";
import { formErrors } from "~/utils/form-response.server";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "survey-admin"] };

const ORDER = ["slug", "audience", "series", "wave", "access", "file", "definition"];
const MAX_MB = MAX_IMPORT_BYTES / 1024 / 1024;

/** A small definition to start from, shown on the page (docs/survey-definition-format.md has more). */
const EXAMPLE = JSON.stringify(
  {
    title: [{ language: "en-GB", format: "standard", text: "Support for your family", reviewed: true }],
    purpose: [{ language: "en-GB", format: "standard", text: "Tell us about the support your family gets.", reviewed: true }],
    howUsed: [{ language: "en-GB", format: "standard", text: "We publish only totals and themes.", reviewed: true }],
    estimatedMinutes: 5,
    pages: [
      {
        key: "support",
        title: [{ language: "en-GB", format: "standard", text: "Support", reviewed: true }],
        questions: [
          {
            key: "support_helps",
            type: "agreement",
            required: true,
            text: [{ language: "en-GB", format: "standard", text: "The support my child gets helps them.", reviewed: true }],
          },
        ],
      },
    ],
  },
  null,
  2,
);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "surveys.manage");
  const t = await i18next.getFixedT(request, "survey-admin");
  return json({ pageTitle: t("import.title") });
}

/**
 * Reads the form part by part. A part over the limit is drained and dropped (not
 * thrown), so the other fields still come back to the officer with the message.
 */
async function readImportForm(request: Request): Promise<{ formData: FormData; tooLarge: string | undefined }> {
  let tooLarge: string | undefined;
  const handler: UploadHandler = async ({ name, filename, contentType, data }) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size <= MAX_IMPORT_BYTES) chunks.push(chunk);
    }
    if (size > MAX_IMPORT_BYTES) {
      tooLarge = name;
      return "";
    }
    const bytes = new Uint8Array(Buffer.concat(chunks));
    return typeof filename === "string" ? new File([bytes], filename, { type: contentType }) : new TextDecoder().decode(bytes);
  };
  const formData = await unstable_parseMultipartFormData(request, handler);
  return { formData, tooLarge };
}

type ActionData = { errors: Record<string, string>; values: FormValues; problems?: ImportProblem[]; more?: number; fromFile?: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "surveys.manage");
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) throw await httpError(request, 400, "bad-request");
  let read: Awaited<ReturnType<typeof readImportForm>>;
  try {
    read = await readImportForm(request);
  } catch {
    throw await httpError(request, 400, "bad-request");
  }
  const { formData, tooLarge } = read;
  await requireCsrf(formData, request, context);
  const fields = parseForm(ImportFieldsSchema, formData);
  const text = (name: string) => (typeof formData.get(name) === "string" ? (formData.get(name) as string) : "");
  const values: FormValues = { slug: text("slug"), audience: text("audience"), series: text("series"), wave: text("wave"), access: text("access") };

  if (tooLarge) {
    const field = tooLarge === "file" ? "file" : "definition";
    return formErrors(context, { ...(fields.ok ? {} : fields.errors), [field]: "errors.tooLarge" }, values, 413);
  }
  const file = formData.get("file");
  const fromFile = file instanceof File && file.size > 0 ? file : undefined;
  const definitionText = fromFile ? await fromFile.text() : text("definition");
  values.definition = definitionText;
  const fileName = fromFile?.name.slice(0, 200) ?? "";
  if (!definitionText.trim()) {
    return formErrors(context, { ...(fields.ok ? {} : fields.errors), definition: "errors.definitionRequired" }, values);
  }
  if (!fields.ok) return formErrors(context, fields.errors, values);
  const result = await importSurvey(context.db, { fields: fields.data, text: definitionText, fileName, by: byFor(user, context) });
  if (result.ok) return redirectDone(context, surveyPath(result.id), "imported");
  if (result.reason !== "problems") return answerRefusal(request, context, result, values);
  context.logger.info({ status: 400, problems: result.problems.length }, "survey import refused");
  return json<ActionData>(
    {
      errors: { definition: "errors.definitionProblems" },
      values,
      problems: result.problems.slice(0, MAX_PROBLEMS_SHOWN),
      more: Math.max(0, result.problems.length - MAX_PROBLEMS_SHOWN),
      fromFile: fileName,
    },
    { status: 400 },
  );
}

/** Lists whose items say what they are ("page 1"): their own name is not said as well. */
const NAMED_BY_ITEMS = new Set(["pages", "questions", "options", "anyOf"]);

/** "Page 1, question 2, type": where a problem is, in words. */
function whereInWords(steps: ProblemStep[], t: TFunction): string {
  if (steps.length === 0) return t("import.whole");
  const words: string[] = [];
  for (const step of steps) {
    if ("item" in step) words.push(t(`import.items.${step.item}`, { number: step.number }));
    else if (!NAMED_BY_ITEMS.has(step.field)) words.push(t(`import.fieldNames.${step.field}`, { defaultValue: step.field }));
  }
  const text = words.join(", ");
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** What is wrong, in words; the kinds of JSON value are words too. */
function problemInWords(problem: ImportProblem, t: TFunction): string {
  const values = { ...problem.values };
  for (const name of ["expected", "received"] as const) {
    if (typeof values[name] === "string") values[name] = t(`import.types.${values[name]}`, { defaultValue: String(values[name]) });
  }
  return t(`import.problems.${problem.key}`, values);
}

function Problems({ problems, more, fromFile }: { problems: ImportProblem[]; more: number; fromFile: string }) {
  const { t } = useTranslation("survey-admin");
  return (
    <>
      <h2 className="govuk-heading-m" id="problems">
        {t("import.problemsHeading", { count: problems.length + more })}
      </h2>
      <p className="govuk-body">{fromFile ? t("import.problemsFromFile", { file: fromFile }) : t("import.problemsIntro")}</p>
      <Table
        caption={t("import.problemsCaption")}
        captionSize="s"
        columns={[{ header: t("import.where") }, { header: t("import.what") }]}
        rows={problems.map((problem) => [
          <>
            {whereInWords(problem.steps, t)}
            {problem.path ? (
              <span className="govuk-!-display-block govuk-body-s govuk-!-margin-bottom-0">
                <code>{problem.path}</code>
              </span>
            ) : null}
          </>,
          problemInWords(problem, t),
        ])}
      />
      {more > 0 ? <p className="govuk-body">{t("import.more", { count: more })}</p> : null}
    </>
  );
}

export default function ImportSurvey() {
  const { t } = useTranslation("survey-admin");
  const actionData = useActionData<ActionData>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values = (actionData?.values ?? {}) as Record<string, string>;
  const problemCount = (actionData?.problems?.length ?? 0) + (actionData?.more ?? 0);
  const fileError = errors.file ? t(errors.file, { max: MAX_MB }) : undefined;
  const fileInput = useRef<HTMLInputElement>(null);
  const definitionBox = useRef<HTMLTextAreaElement>(null);
  // With JavaScript the form stays on the page between tries: clear the chosen file
  // (its text is now in the box to correct) and show the text that was checked.
  useEffect(() => {
    if (!actionData) return;
    if (fileInput.current) fileInput.current.value = "";
    const checked = actionData.values?.definition;
    if (definitionBox.current && typeof checked === "string") definitionBox.current.value = checked;
  }, [actionData]);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={SURVEYS_ADMIN}>{t("backToList")}</BackLink>
        <ErrorSummary errors={errorItems(errors, ORDER, t).map((item) => ({ ...item, text: t(errors[item.href]!, { max: MAX_MB, count: problemCount }) }))} />
        <h1 className="govuk-heading-l">{t("import.title")}</h1>
        <p className="govuk-body">{t("import.intro")}</p>
        <Details summary={t("import.formatSummary")}>
          <p className="govuk-body">{t("import.format1")}</p>
          <p className="govuk-body">{t("import.format2")}</p>
          <p className="govuk-body">{t("import.format3")}</p>
          <Textarea name="example" label={t("import.exampleLabel")} readOnly rows={16} spellCheck={false} defaultValue={EXAMPLE} />
        </Details>
        <Form method="post" encType="multipart/form-data" noValidate>
          <CsrfInput />
          <IdentityFields values={values} errors={errors} />
          <h2 className="govuk-heading-m">{t("import.definitionHeading")}</h2>
          {actionData?.problems?.length ? <Problems problems={actionData.problems} more={actionData.more ?? 0} fromFile={actionData.fromFile ?? ""} /> : null}
          <div className={`govuk-form-group${fileError ? " govuk-form-group--error" : ""}`}>
            <label className="govuk-label govuk-label--s" htmlFor="file">
              {t("import.file")}
            </label>
            <div id="file-hint" className="govuk-hint">
              {t("import.fileHint", { max: MAX_MB })}
            </div>
            {fileError ? <ErrorMessage id="file-error">{fileError}</ErrorMessage> : null}
            <input
              ref={fileInput}
              className={`govuk-file-upload${fileError ? " govuk-file-upload--error" : ""}`}
              id="file"
              name="file"
              type="file"
              accept="application/json,.json"
              aria-describedby={`file-hint${fileError ? " file-error" : ""}`}
            />
          </div>
          <Textarea
            ref={definitionBox}
            name="definition"
            label={t("import.paste")}
            hint={t("import.pasteHint")}
            rows={14}
            spellCheck={false}
            defaultValue={values.definition}
            error={errors.definition ? t(errors.definition, { count: problemCount, max: MAX_MB }) : undefined}
          />
          <Button>{t("import.submit")}</Button>
        </Form>
      </div>
    </div>
  );
}
