import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { blockIndex, findingsPath, MAX_BLOCKS, publicFindingsPath, type PublishProblem } from "~/analysis/findings";
import { arrangeBlock, getDraftState, getFindings, isFinal, publishFindings, unpublishFindings } from "~/analysis/findings.server";
import { FINDINGS_FLASH, findingsFlash, loadFindingsWave } from "~/analysis/findings-routes.server";
import { ANALYSIS_PATH, wavePath } from "~/analysis/paths";
import { readFlash } from "~/auth/flash.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { ErrorMessage } from "~/components/forms/field";
import { NotificationBanner } from "~/components/notification-banner";
import { SummaryList } from "~/components/summary-list";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { showText } from "~/surveys/question-field";
import { formatDate } from "~/utils/dates";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "findings", "analysis"] };

/**
 * The findings builder (issue 7, point 6; docs/decisions/032-published-findings.md): the
 * title and summary, the blocks in order (move, remove, change), the preview, and
 * publishing. Every control is a real form or link, so it all works without JavaScript.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { wave, language } = await loadFindingsWave(request, context, params.surveyId);
  const t = await i18next.getFixedT(request, "findings");
  const state = await getDraftState(context.db, { wave });
  const flash = await readFlash(request, context);
  const done = flash.value?.[FINDINGS_FLASH] ?? null;
  const quotes = new Map(state.quotes.map((q) => [q.id, q]));
  const questions = new Map(state.questions.map((q) => [q.key, q]));
  const blocks = state.draft.blocks.map((block) => {
    if (block.kind === "text") return { kind: block.kind, label: block.heading, plain: block.plain, easyRead: block.easyRead };
    if (block.kind === "quote") return { kind: block.kind, label: null, plain: quotes.get(block.quoteId)?.text ?? null, easyRead: null };
    const q = questions.get(block.questionKey);
    return {
      kind: block.kind,
      label: q ? t("builder.blocks.question", { number: q.number, text: showText(q.question.text, { language, format: "standard" })?.text ?? q.key }) : null,
      plain: block.plain,
      easyRead: block.easyRead,
    };
  });
  return json(
    {
      pageTitle: t("builder.title", { title: wave.title }),
      wave: { id: wave.id, slug: wave.slug, title: wave.title, wave: wave.wave, final: isFinal(wave) },
      words: { titlePlain: state.draft.titlePlain, titleEasyRead: state.draft.titleEasyRead, summaryPlain: state.draft.summaryPlain, summaryEasyRead: state.draft.summaryEasyRead },
      blocks,
      problems: state.problems,
      publishedAt: state.publishedAt?.toISOString() ?? null,
      publishedBy: state.publishedBy,
      changed: Boolean(state.publishedAt && state.updatedAt && state.updatedAt > state.publishedAt),
      done,
    },
    { headers: done ? { "Set-Cookie": flash.clear } : {} },
  );
}

type Problems = Record<string, { key: string; number?: number }[]>;

function grouped(problems: PublishProblem[]): Problems {
  const errors: Problems = {};
  for (const p of problems) (errors[p.field] ??= []).push({ key: p.key, number: p.number });
  return errors;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { wave, by } = await loadFindingsWave(request, context, params.surveyId);
  const form = await readForm(request, context);
  const intent = form.get("intent");
  const here = findingsPath(wave.id);
  const now = context.now();
  if (intent === "up" || intent === "down" || intent === "remove") {
    const { draft } = await getFindings(context.db, wave.id);
    const index = blockIndex(form.get("n"), draft.blocks);
    if (index === null) throw await httpError(request, 400, "bad-request");
    await arrangeBlock(context.db, { surveyId: wave.id, index, intent, by, now });
    return redirect(`${here}#blocks`);
  }
  if (intent === "publish") {
    const result = await publishFindings(context.db, { surveyId: wave.id, by, now });
    if (result.ok) return redirect(here, { headers: await findingsFlash(context, "published") });
    if (result.reason === "not-found") throw await httpError(request, 404, "not-found");
    context.logger.info({ reason: result.reason }, "findings not published");
    if (result.reason === "not-final") return json({ errors: { publish: [{ key: "publish.errors.notFinal" }] } as Problems }, { status: 409 });
    return json({ errors: grouped(result.problems) }, { status: 400 });
  }
  if (intent === "unpublish") {
    await unpublishFindings(context.db, { surveyId: wave.id, by });
    return redirect(here, { headers: await findingsFlash(context, "unpublished") });
  }
  throw await httpError(request, 400, "bad-request");
}

function Messages({ id, items }: { id: string; items: { key: string; number?: number }[] | undefined }) {
  const { t } = useTranslation("findings");
  if (!items?.length) return null;
  return <ErrorMessage id={`${id}-error`}>{items.map((p) => t(p.key, { number: p.number })).join(". ")}</ErrorMessage>;
}

export default function FindingsBuilder() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("findings");
  const analysis = useTranslation("analysis").t;
  const { wave, words, blocks } = data;
  const errors: Problems = actionData?.errors ?? {};
  const base = findingsPath(wave.id);
  const order = ["publish", "words", "blocks", ...blocks.map((_, i) => `block-${i + 1}`)];
  const message = (items: { key: string; number?: number }[]) => items.map((p) => t(p.key, { number: p.number })).join(". ");
  const errorItems = order.filter((field) => errors[field]?.length).map((field) => ({ href: field, text: message(errors[field]!) }));
  const notWritten = (text: string) => text || <span className="govuk-hint">{t("builder.words.notWritten")}</span>;
  const publicPath = publicFindingsPath(wave.slug);
  return (
    <>
      <Breadcrumbs
        items={[
          { text: analysis("staffArea"), href: "/admin" },
          { text: analysis("index.title"), href: ANALYSIS_PATH },
          { text: wave.title, href: wavePath(wave.id) },
          { text: t("builder.crumb") },
        ]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {data.done ? <NotificationBanner type="success" heading={t(`builder.flash.${data.done}`)} /> : null}
          <ErrorSummary errors={errorItems} />
          <span className="govuk-caption-l">{t("builder.caption", { title: wave.title, wave: wave.wave })}</span>
          <h1 className="govuk-heading-xl">{t("builder.heading")}</h1>
          <p className="govuk-body">{t("builder.intro", { address: publicPath })}</p>

          <h2 className="govuk-heading-m">{t("builder.status.heading")}</h2>
          <SummaryList
            rows={[
              { key: t("builder.status.survey"), value: wave.final ? t("builder.status.final") : t("builder.status.notFinal") },
              {
                key: t("builder.status.page"),
                value: data.publishedAt ? (
                  <>
                    <p className="govuk-body">
                      {data.publishedBy
                        ? t("builder.status.published", { date: formatDate(data.publishedAt, i18n.language), name: data.publishedBy })
                        : t("builder.status.publishedNoName", { date: formatDate(data.publishedAt, i18n.language) })}
                    </p>
                    <p className="govuk-body">
                      <a className="govuk-link" href={publicPath}>
                        {t("builder.status.open")}
                      </a>
                    </p>
                    {data.changed ? <p className="govuk-body">{t("builder.status.changed")}</p> : null}
                  </>
                ) : (
                  t("builder.status.notPublished")
                ),
              },
            ]}
          />

          <div className={errors.words ? "govuk-form-group govuk-form-group--error" : undefined} id="words" tabIndex={-1}>
            <h2 className="govuk-heading-l">{t("builder.words.heading")}</h2>
            <Messages id="words" items={errors.words} />
            <SummaryList
              rows={(["titlePlain", "titleEasyRead", "summaryPlain", "summaryEasyRead"] as const).map((field) => ({
                key: t(`builder.words.${field}`),
                value: <span className="app-findings-builder__words">{notWritten(words[field])}</span>,
                actions: [{ href: `${base}/words#${field}`, text: t("builder.words.change"), visuallyHiddenText: t(`builder.words.${field}`).toLowerCase() }],
              }))}
            />
          </div>

          <div className={errors.blocks ? "govuk-form-group govuk-form-group--error" : undefined} id="blocks" tabIndex={-1}>
            <h2 className="govuk-heading-l">{t("builder.blocks.heading")}</h2>
            <Messages id="blocks" items={errors.blocks} />
            {blocks.length === 0 ? <p className="govuk-body">{t("builder.blocks.none")}</p> : null}
            {blocks.map((block, i) => {
              const n = i + 1;
              const field = `block-${n}`;
              const problems = errors[field];
              const hidden = t("builder.blocks.buttonHidden", { number: n });
              return (
                <section
                  key={i}
                  className={`app-findings-builder__block${problems ? " govuk-form-group--error" : ""}`}
                  id={field}
                  aria-labelledby={`${field}-heading`}
                  tabIndex={-1}
                >
                  <h3 className="govuk-heading-m" id={`${field}-heading`}>
                    {t("builder.blocks.blockHeading", { number: n, kind: t(`builder.blocks.${block.kind}`) })}
                  </h3>
                  <Messages id={field} items={problems} />
                  {block.kind === "chart" ? <p className="govuk-body govuk-!-font-weight-bold">{block.label ?? t("builder.blocks.noQuestion")}</p> : null}
                  {block.kind === "text" ? <p className="govuk-body govuk-!-font-weight-bold">{block.label || t("builder.blocks.untitledText")}</p> : null}
                  {block.kind === "quote" ? (
                    block.plain ? (
                      <blockquote className="govuk-inset-text">{block.plain}</blockquote>
                    ) : (
                      <p className="govuk-body">{t("builder.blocks.noQuote")}</p>
                    )
                  ) : (
                    <p className="govuk-body app-findings-builder__words">{block.plain}</p>
                  )}
                  <Form method="post" className="govuk-button-group" action={base}>
                    <CsrfInput />
                    <input type="hidden" name="n" value={n} />
                    <a className="govuk-link" href={`${base}/blocks/${n}`}>
                      {t("builder.blocks.change")}
                      <span className="govuk-visually-hidden"> {t("builder.blocks.changeHidden", { number: n })}</span>
                    </a>
                    {i > 0 ? (
                      <Button variant="secondary" name="intent" value="up">
                        {t("builder.blocks.up")}
                        <span className="govuk-visually-hidden"> {hidden}</span>
                      </Button>
                    ) : null}
                    {i < blocks.length - 1 ? (
                      <Button variant="secondary" name="intent" value="down">
                        {t("builder.blocks.down")}
                        <span className="govuk-visually-hidden"> {hidden}</span>
                      </Button>
                    ) : null}
                    <Button variant="warning" name="intent" value="remove">
                      {t("builder.blocks.remove")}
                      <span className="govuk-visually-hidden"> {hidden}</span>
                    </Button>
                  </Form>
                </section>
              );
            })}
            {blocks.length >= MAX_BLOCKS ? (
              <p className="govuk-body">{t("builder.blocks.tooMany", { max: MAX_BLOCKS })}</p>
            ) : (
              <ul className="govuk-list">
                <li>
                  <a className="govuk-link" href={`${base}/blocks/new?kind=chart`}>
                    {t("builder.blocks.addChart")}
                  </a>
                </li>
                <li>
                  <a className="govuk-link" href={`${base}/blocks/new?kind=text`}>
                    {t("builder.blocks.addText")}
                  </a>
                </li>
                <li>
                  <a className="govuk-link" href={`${base}/blocks/new?kind=quote`}>
                    {t("builder.blocks.addQuote")}
                  </a>
                </li>
              </ul>
            )}
          </div>

          <h2 className="govuk-heading-l">{t("builder.preview.heading")}</h2>
          <p className="govuk-body">{t("builder.preview.intro")}</p>
          <ul className="govuk-list">
            <li>
              <a className="govuk-link" href={`${base}/preview`}>
                {t("builder.preview.plain")}
              </a>
            </li>
            <li>
              <a className="govuk-link" href={`${base}/preview?format=easy-read`}>
                {t("builder.preview.easyRead")}
              </a>
            </li>
          </ul>

          <div className={errors.publish ? "govuk-form-group govuk-form-group--error" : undefined} id="publish" tabIndex={-1}>
            <h2 className="govuk-heading-l">{t("builder.publish.heading")}</h2>
            <Messages id="publish" items={errors.publish} />
            <p className="govuk-body">{t("builder.publish.intro")}</p>
            {wave.final ? null : <p className="govuk-body">{t("builder.publish.notFinalHint")}</p>}
            <Form method="post" action={base}>
              <CsrfInput />
              <Button name="intent" value="publish">
                {!data.publishedAt ? t("builder.publish.publish") : data.changed ? t("builder.publish.republish") : t("builder.publish.again")}
              </Button>
            </Form>
            {data.publishedAt ? (
              <>
                <p className="govuk-body">{t("builder.publish.unpublishIntro")}</p>
                <Form method="post" action={base}>
                  <CsrfInput />
                  <Button variant="warning" name="intent" value="unpublish">
                    {t("builder.publish.unpublish")}
                  </Button>
                </Form>
              </>
            ) : null}
          </div>
        </div>
      </div>
    </>
  );
}
