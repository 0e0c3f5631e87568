import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readFlash, setFlash } from "~/auth/flash.server";
import { requireUser } from "~/auth/session.server";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Radios } from "~/components/forms/radios";
import { TextInput } from "~/components/forms/text-input";
import { NotificationBanner } from "~/components/notification-banner";
import { Table } from "~/components/table";
import i18next from "~/i18n/i18next.server";
import { isTermLanguage, termLang, termLanguages } from "~/safeguarding/model";
import { addTerm, listTerms, removeTerm } from "~/safeguarding/safeguarding.server";
import { readForm } from "~/security/csrf.server";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "safeguarding"] };

const PATH = "/admin/safeguarding/terms";

/** The word list that raises safeguarding flags (docs/decisions/020). Admins keep it. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "safeguarding.terms");
  const t = await i18next.getFixedT(request, "safeguarding");
  const flash = await readFlash(request, context);
  const added = flash.value?.safeguardingTermAdded ?? null;
  const removed = flash.value?.safeguardingTermRemoved === "1";
  const terms = await listTerms(context.db);
  return json(
    {
      pageTitle: t("terms.title"),
      terms: terms.map((term) => ({ id: term.id, written: term.written, language: term.language })),
      added,
      removed,
    },
    { headers: added || removed ? { "Set-Cookie": flash.clear } : {} },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "safeguarding.terms");
  const form = await readForm(request, context);
  const by = { userId: user.id, requestId: context.requestId };
  const intent = form.get("intent");
  if (intent === "remove") {
    const result = await removeTerm(context.db, { id: String(form.get("id") ?? ""), by });
    if (!result.ok) throw await httpError(request, 404, "not-found");
    return redirect(PATH, { headers: { "Set-Cookie": await setFlash(context, { safeguardingTermRemoved: "1" }) } });
  }
  if (intent !== "add") throw await httpError(request, 400, "bad-request");
  const phrase = String(form.get("phrase") ?? "");
  const language = form.get("language");
  const values = { phrase, language: typeof language === "string" ? language : "" };
  if (!isTermLanguage(language)) {
    const errors: Record<string, string> = { language: "terms.errors.language" };
    return json({ errors, values }, { status: 400 });
  }
  const result = await addTerm(context.db, { phrase, language, by });
  if (!result.ok) return json({ errors: { phrase: `terms.errors.${result.error}` } as Record<string, string>, values }, { status: 400 });
  return redirect(PATH, { headers: { "Set-Cookie": await setFlash(context, { safeguardingTermAdded: result.phrase }) } });
}

export default function SafeguardingTerms() {
  const { t } = useTranslation("safeguarding");
  const { terms, added, removed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {added ? <NotificationBanner type="success" heading={t("terms.addedDone", { phrase: added })} /> : null}
        {removed ? <NotificationBanner type="success" heading={t("terms.removedDone")} /> : null}
        <ErrorSummary errors={Object.entries(errors).map(([href, key]) => ({ href, text: t(key) }))} />
        <h1 className="govuk-heading-l">{t("terms.title")}</h1>
        <p className="govuk-body">{t("terms.intro")}</p>
        <h2 className="govuk-heading-m">{t("terms.addHeading")}</h2>
        <Form method="post" noValidate>
          <CsrfInput />
          <input type="hidden" name="intent" value="add" />
          <TextInput
            name="phrase"
            label={t("terms.addLabel")}
            hint={t("terms.addHint")}
            error={errors.phrase ? t(errors.phrase) : undefined}
            defaultValue={actionData?.values.phrase ?? ""}
            width="two-thirds"
            autoComplete="off"
            spellCheck={false}
          />
          <Radios
            name="language"
            legend={t("terms.languageLegend")}
            legendSize="s"
            small
            error={errors.language ? t(errors.language) : undefined}
            defaultValue={actionData?.values.language ?? "en"}
            choices={termLanguages.map((language) => ({ value: language, label: t(`terms.languages.${language}`) }))}
          />
          <Button>{t("terms.add")}</Button>
        </Form>
        <Table
          caption={t("terms.caption", { count: terms.length })}
          columns={[{ header: t("terms.phrase") }, { header: t("terms.language") }, { header: "" }]}
          rowKeys={terms.map((term) => term.id)}
          rows={terms.map((term) => [
            <span key="w" {...termLang[term.language]}>
              {term.written}
            </span>,
            t(`terms.languages.${term.language}`),
            <Form key="r" method="post" className="govuk-!-margin-0">
              <CsrfInput />
              <input type="hidden" name="intent" value="remove" />
              <input type="hidden" name="id" value={term.id} />
              <button type="submit" className="govuk-button govuk-button--warning govuk-!-margin-0">
                {t("terms.remove")}
                <span className="govuk-visually-hidden"> {t("terms.removeHidden", { phrase: term.written })}</span>
              </button>
            </Form>,
          ])}
        />
      </div>
    </div>
  );
}
