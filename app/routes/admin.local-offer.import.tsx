import {
  json,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { ErrorMessage } from "~/components/forms/field";
import { NotificationBanner } from "~/components/notification-banner";
import { SummaryList } from "~/components/summary-list";
import { Table } from "~/components/table";
import { Tag } from "~/components/tag";
import i18next from "~/i18n/i18next.server";
import type { FeedProblem } from "~/local-offer/oruk/import";
import {
  checkFeed,
  deletePendingImport,
  getImportResult,
  ImportRefused,
  readPendingImport,
  runImport,
  savePendingImport,
  shownProblems,
  type ImportPlan,
} from "~/local-offer/oruk/import.server";
import { MAX_FEED_BYTES, MAX_FEED_SERVICES } from "~/local-offer/oruk/limits";
import { readForm, requireCsrf } from "~/security/csrf.server";
import { formErrors } from "~/utils/form-response.server";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "admin", "local-offer-terms", "oruk-import"] };

const PATH = "/admin/local-offer/import";
const MAX_MB = MAX_FEED_BYTES / 1024 / 1024;

/** What the preview shows of a plan: names, counts and decisions, never the file. */
function previewOf(plan: ImportPlan) {
  return {
    items: plan.items.map((item) => ({
      position: item.position,
      name: item.name,
      organisationName: item.organisationName,
      organisationIsNew: !item.organisationId,
      action: item.action,
      matchedBy: item.existing?.matchedBy ?? null,
      notes: item.mapped.notes,
    })),
    newOrganisations: plan.newOrganisations,
    ignored: plan.ignored,
  };
}

function problemsResponse(context: LoaderFunctionArgs["context"], problems: FeedProblem[], fileName: string) {
  context.logger.info({ problems: problems.length }, "ORUK import refused");
  const { shown, more } = shownProblems(problems);
  return json({ errors: { file: "errors.problems" } as Record<string, string>, problems: shown, more, fileName }, { status: 400 });
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, "services.import");
  const t = await i18next.getFixedT(request, "oruk-import");
  const url = new URL(request.url);
  const done = url.searchParams.get("done");
  if (done !== null) {
    const result = await getImportResult(context.db, { token: done });
    if (!result) throw await httpError(request, 404, "not-found");
    return json({ mode: "done" as const, pageTitle: t("done.title"), result: { ...result, at: undefined } });
  }
  const token = url.searchParams.get("preview");
  if (token !== null) {
    const pending = await readPendingImport(context.db, { token, userId: user.id, now: context.now() });
    if (pending) {
      const checked = await checkFeed(context.db, { text: pending.text, origin: url.origin });
      if (checked.ok) {
        return json({ mode: "preview" as const, pageTitle: t("preview.title"), token, fileName: pending.fileName, preview: previewOf(checked.plan) });
      }
    }
    return json({ mode: "upload" as const, pageTitle: t("upload.title"), expired: true });
  }
  return json({ mode: "upload" as const, pageTitle: t("upload.title"), expired: false });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "services.import");
  const origin = new URL(request.url).origin;

  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    let formData: FormData;
    try {
      formData = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_FEED_BYTES }));
    } catch (error) {
      if (error instanceof MaxPartSizeExceededError) return formErrors(context, { file: "errors.tooLarge" }, {}, 413);
      throw await httpError(request, 400, "bad-request");
    }
    await requireCsrf(formData, request, context);
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) return formErrors(context, { file: "errors.required" });
    const text = await file.text();
    const checked = await checkFeed(context.db, { text, origin });
    if (!checked.ok) return problemsResponse(context, checked.problems, file.name);
    const token = await savePendingImport(context.db, { userId: user.id, fileName: file.name.slice(0, 200), text, now: context.now() });
    return redirect(`${PATH}?preview=${token}`);
  }

  const formData = await readForm(request, context);
  const intent = formData.get("intent");
  const token = String(formData.get("token") ?? "");
  if (intent === "cancel") {
    await deletePendingImport(context.db, token);
    return redirect(PATH);
  }
  if (intent !== "import") throw await httpError(request, 400, "bad-request");
  const pending = await readPendingImport(context.db, { token, userId: user.id, now: context.now() });
  if (!pending) return formErrors(context, { file: "errors.expired" });
  try {
    await runImport(context.db, {
      text: pending.text,
      origin,
      userId: user.id,
      requestId: context.requestId,
      fileName: pending.fileName,
      token,
      now: context.now(),
    });
  } catch (error) {
    if (error instanceof ImportRefused) return problemsResponse(context, error.problems, pending.fileName);
    throw error;
  }
  return redirect(`${PATH}?done=${token}`);
}

type ActionData = { errors: Record<string, string>; problems?: FeedProblem[]; more?: number; fileName?: string };

function problemText(t: TFunction, problem: FeedProblem): string {
  return problem.key ? t(`problems.${problem.key}`, problem.values ?? {}) : problem.message;
}

function Problems({ problems, more, fileName }: { problems: FeedProblem[]; more: number; fileName: string }) {
  const { t } = useTranslation("oruk-import");
  return (
    <>
      <Table
        caption={t("problemTable.caption", { file: fileName })}
        columns={[{ header: t("problemTable.service") }, { header: t("problemTable.where") }, { header: t("problemTable.what") }]}
        rows={problems.map((problem) => [
          problem.service === null
            ? t("problemTable.wholeFile")
            : problem.serviceName
              ? t("problemTable.serviceNamed", { number: problem.service, name: problem.serviceName })
              : t("problemTable.serviceNumber", { number: problem.service }),
          problem.path ? <code key="path">{problem.path}</code> : t("problemTable.whole"),
          problemText(t, problem),
        ])}
      />
      {more > 0 ? <p className="govuk-body">{t("problemTable.more", { count: more })}</p> : null}
      <p className="govuk-body">{t("problemTable.fix")}</p>
    </>
  );
}

function Upload({ expired }: { expired: boolean }) {
  const { t } = useTranslation("oruk-import");
  const actionData = useActionData<ActionData>();
  const errorKey = actionData?.errors.file;
  const errorText = errorKey ? t(errorKey, { max: MAX_MB }) : undefined;
  return (
    <>
      <BackLink href="/admin/local-offer">{t("backLink")}</BackLink>
      <ErrorSummary errors={errorText ? [{ href: "file", text: errorText }] : []} />
      {expired && !errorText ? <NotificationBanner heading={t("errors.expired")} /> : null}
      <h1 className="govuk-heading-l">{t("upload.title")}</h1>
      {actionData?.problems?.length ? <Problems problems={actionData.problems} more={actionData.more ?? 0} fileName={actionData.fileName ?? ""} /> : null}
      <p className="govuk-body">{t("upload.intro")}</p>
      <ul className="govuk-list govuk-list--bullet">
        <li>{t("upload.shapeList")}</li>
        <li>{t("upload.shapeArray")}</li>
        <li>{t("upload.shapeOne")}</li>
      </ul>
      <p className="govuk-body">{t("upload.safe")}</p>
      <Form method="post" action={PATH} encType="multipart/form-data" noValidate>
        <CsrfInput />
        <div className={`govuk-form-group${errorText ? " govuk-form-group--error" : ""}`}>
          <label className="govuk-label govuk-label--m" htmlFor="file">
            {t("upload.label")}
          </label>
          <div id="file-hint" className="govuk-hint">
            {t("upload.hint", { max: MAX_MB, services: MAX_FEED_SERVICES })}
          </div>
          {errorText ? <ErrorMessage id="file-error">{errorText}</ErrorMessage> : null}
          <input
            className={`govuk-file-upload${errorText ? " govuk-file-upload--error" : ""}`}
            id="file"
            name="file"
            type="file"
            accept="application/json,.json"
            aria-describedby={`file-hint${errorText ? " file-error" : ""}`}
          />
        </div>
        <Button>{t("upload.submit")}</Button>
      </Form>
    </>
  );
}

function Preview({ token, fileName, preview }: { token: string; fileName: string; preview: ReturnType<typeof previewOf> }) {
  const { t } = useTranslation("oruk-import");
  const actionData = useActionData<ActionData>();
  const count = (action: string) => preview.items.filter((i) => i.action === action).length;
  const { ignored } = preview;
  const anyIgnored = ignored.terms.length + ignored.areas.length + ignored.languages.length > 0;
  const errorKey = actionData?.errors.file;
  return (
    <>
      <BackLink href={PATH}>{t("preview.back")}</BackLink>
      <ErrorSummary errors={errorKey ? [{ href: "import", text: t(errorKey, { max: MAX_MB }) }] : []} />
      <h1 className="govuk-heading-l">{t("preview.title")}</h1>
      {actionData?.problems?.length ? <Problems problems={actionData.problems} more={actionData.more ?? 0} fileName={fileName} /> : null}
      <SummaryList
        rows={[
          { key: t("preview.file"), value: fileName },
          { key: t("preview.services"), value: String(preview.items.length) },
          { key: t("preview.new"), value: String(count("create")) },
          { key: t("preview.updates"), value: String(count("update")) },
          { key: t("preview.proposals"), value: String(count("propose")) },
          { key: t("preview.newOrganisations"), value: preview.newOrganisations.length ? preview.newOrganisations.join(", ") : t("preview.none") },
        ]}
      />
      <Table
        caption={t("preview.caption")}
        firstCellIsHeader
        columns={[{ header: t("preview.service") }, { header: t("preview.organisation") }, { header: t("preview.outcome") }]}
        rows={preview.items.map((item) => [
          item.name,
          `${item.organisationName}${item.organisationIsNew ? ` ${t("preview.newOrganisationTag")}` : ""}`,
          <>
            {t(`preview.actions.${item.action}`)}
            {item.matchedBy ? ` ${t(`preview.matchedBy.${item.matchedBy}`)}` : ""}
            {item.notes.length ? (
              <ul className="govuk-list govuk-list--bullet govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                {item.notes.map((note, index) => (
                  <li key={index}>{t(`notes.${note.key}`, note.values ?? {})}</li>
                ))}
              </ul>
            ) : null}
          </>,
        ])}
      />
      {anyIgnored ? (
        <>
          <h2 className="govuk-heading-m">{t("ignored.title")}</h2>
          <p className="govuk-body">{t("ignored.intro")}</p>
          <ul className="govuk-list govuk-list--bullet">
            {ignored.terms.length ? <li>{t("ignored.terms", { list: ignored.terms.join(", ") })}</li> : null}
            {ignored.areas.length ? <li>{t("ignored.areas", { list: ignored.areas.join(", ") })}</li> : null}
            {ignored.languages.length ? <li>{t("ignored.languages", { list: ignored.languages.join(", ") })}</li> : null}
          </ul>
        </>
      ) : null}
      <div className="govuk-inset-text">{t("preview.approval")}</div>
      <Form method="post" action={`${PATH}?preview=${token}`} noValidate>
        <CsrfInput />
        <input type="hidden" name="token" value={token} />
        <div className="govuk-button-group">
          <Button name="intent" value="import" id="import">
            {t("preview.submit", { count: preview.items.length })}
          </Button>
          <Button name="intent" value="cancel" variant="secondary">
            {t("preview.cancel")}
          </Button>
        </div>
      </Form>
    </>
  );
}

type DoneData = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { mode: "done" }>["result"];

function Done({ result }: { result: DoneData }) {
  const { t } = useTranslation("oruk-import");
  const { t: terms } = useTranslation("local-offer-terms");
  return (
    <>
      <NotificationBanner type="success" heading={t("done.heading", { count: result.services.length })}>
        <p className="govuk-body">{t("done.approval")}</p>
      </NotificationBanner>
      <h1 className="govuk-heading-l">{t("done.title")}</h1>
      <SummaryList
        rows={[
          { key: t("preview.file"), value: result.fileName },
          { key: t("preview.new"), value: String(result.created) },
          { key: t("preview.updates"), value: String(result.updated) },
          { key: t("preview.proposals"), value: String(result.proposed) },
          { key: t("done.organisationsCreated"), value: String(result.organisationsCreated) },
        ]}
      />
      <Table
        caption={t("done.caption")}
        firstCellIsHeader
        columns={[{ header: t("preview.service") }, { header: t("preview.organisation") }, { header: t("done.what") }, { header: t("done.status") }]}
        rowKeys={result.services.map((s) => s.id)}
        rows={result.services.map((service) => [
          service.name,
          service.organisationName,
          t(`done.actions.${service.action}`),
          <Tag key="status" colour={service.status === "published" ? "green" : service.status === "awaiting_approval" ? "blue" : "grey"}>
            {terms(`status.${service.status}`)}
          </Tag>,
        ])}
      />
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link" to="/admin/services?status=awaiting_approval">
            {t("done.awaiting")}
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to={PATH}>
            {t("done.another")}
          </Link>
        </li>
      </ul>
    </>
  );
}

export default function ImportOruk() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        {data.mode === "done" ? (
          <Done result={data.result} />
        ) : data.mode === "preview" ? (
          <Preview token={data.token} fileName={data.fileName} preview={data.preview} />
        ) : (
          <Upload expired={data.expired} />
        )}
      </div>
    </div>
  );
}
