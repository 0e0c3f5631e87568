import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import type { TFunction } from "i18next";
import { Trans, useTranslation } from "react-i18next";
import { can } from "~/auth/roles";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { Details } from "~/components/details";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Radios } from "~/components/forms/radios";
import { Textarea } from "~/components/forms/textarea";
import { NotificationBanner } from "~/components/notification-banner";
import { Tag, type TagColour } from "~/components/tag";
import i18next from "~/i18n/i18next.server";
import { RevisitNav, revisitPages } from "~/revisits/components";
import {
  formIds,
  mayResolve,
  REVIEW_LIMITS,
  reviewerCapacity,
  reviewPages,
  summariseSignoff,
  type FixedScale,
  type ReviewQuestion,
} from "~/revisits/review";
import { addComment, getReview, resolveComment, signOff, type ReviewActor, type ReviewResult } from "~/revisits/review.server";
import { readRevisitDone, redirectDone, requireRevisit, REVISITS_ADMIN, revisitPath } from "~/revisits/routes.server";
import { readForm } from "~/security/csrf.server";
import { surveyPath } from "~/surveys/builder";
import { formatInstantInWords } from "~/utils/dates";
import { formValues, type FormValues } from "~/utils/form-data";
import { httpError } from "~/utils/http.server";
import type { RevisitCommentState } from "../../db/schema";

const NS = "revisit-review";
export const handle = { i18n: ["common", "revisits", NS] };

const stateColours: Record<RevisitCommentState, TagColour> = { open: "yellow", accepted: "green", rejected: "red" };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, revisit } = await requireRevisit(request, context, params.id, "revisits.review");
  const now = context.now();
  // The forum reviews the English wording; the fixed answer lists are the survey engine's words.
  const english = i18next.instanceFor("en-GB").getFixedT("en-GB", "surveys");
  const [t, districts, review, { done, headers }] = await Promise.all([
    i18next.getFixedT(request, NS),
    context.db.selectFrom("district").select("name").orderBy("sort_order").orderBy("name").execute(),
    getReview(context.db, revisit.id, now),
    readRevisitDone(request, context),
  ]);
  const scaleKeys: Record<FixedScale, string> = { agreement: "scales.agreement", yesNo: "scales.yesNo", face: "scales.face", ageBand: "about.ageBand", supportLevel: "about.supportLevel", completedBy: "about.completedBy" };
  const pages = reviewPages(revisit.survey.definition, { fixed: (scale, value) => english(`${scaleKeys[scale]}.${value}`), districts: districts.map((d) => d.name) });
  const manages = can(user.role, "revisits.manage");
  return json(
    {
      pageTitle: t("title", { title: revisit.title }),
      revisit: { id: revisit.id, title: revisit.title },
      survey: { id: revisit.survey.id, state: revisit.survey.state },
      pages,
      review: {
        open: review.open,
        comments: review.comments,
        history: review.history,
        signoff: summariseSignoff(revisit.review),
      },
      may: { comment: reviewerCapacity(user.role), resolve: mayResolve(user.role), manage: manages },
      done,
    },
    { headers },
  );
}

/** What a refused post sends back: which form, the messages by field id, and what was typed. */
interface Refusal {
  form: string;
  errors: Record<string, string>;
  params: Record<string, string | number>;
  values: FormValues;
}

/** Field names in each form, and the field a message about the form as a whole goes beside. */
const refusalField: Record<string, Record<string, string>> = {
  comment: { question: "body", conflict: "body" },
  resolve: { conflict: "decision" },
  signoff: { conflict: "note" },
};

async function answer(request: Request, context: ActionFunctionArgs["context"], result: Exclude<ReviewResult, { ok: true }>, kind: keyof typeof refusalField, form: string, values: FormValues, anchors: Record<string, string> = {}) {
  if (result.reason === "not-found") throw await httpError(request, 404, "not-found");
  if (result.reason === "forbidden") {
    context.logger.warn({ form: kind }, "review step refused for this role");
    throw await httpError(request, 403, "forbidden");
  }
  const fieldId = (field: string) => formIds.field(form, refusalField[kind]![field] ?? field);
  if (result.reason === "conflict") {
    context.logger.info({ status: 409, conflict: result.conflict }, "review step refused in this state");
    const id = anchors[result.conflict] ?? fieldId("conflict");
    return json<Refusal>({ form, errors: { [id]: `conflicts.${result.conflict}` }, params: result.params ?? {}, values }, { status: 409 });
  }
  context.logger.info({ status: 400, fields: Object.keys(result.errors) }, "form rejected");
  const errors = Object.fromEntries(Object.entries(result.errors).map(([field, key]) => [fieldId(field), key]));
  return json<Refusal>({ form, errors, params: result.params ?? {}, values }, { status: 400 });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, revisit } = await requireRevisit(request, context, params.id, "revisits.review");
  const formData = await readForm(request, context);
  const intent = formData.get("intent");
  const by: ReviewActor = { userId: user.id, role: user.role, requestId: context.requestId };
  const now = context.now();
  const values = formValues(formData);
  const here = revisitPath(revisit.id, "review");

  if (intent === "comment") {
    const question = formData.get("question");
    const result = await addComment(context.db, { revisitId: revisit.id, question, body: formData.get("body"), suggestion: formData.get("suggestion"), by, now });
    const form = formIds.comment(typeof question === "string" && question !== "" ? question : null);
    if (!result.ok) return answer(request, context, result, "comment", form, values);
    return redirectDone(context, here, "commented");
  }
  if (intent === "resolve") {
    const commentId = formData.get("comment");
    const result = await resolveComment(context.db, { revisitId: revisit.id, commentId, decision: formData.get("decision"), reply: formData.get("reply"), by, now });
    const form = formIds.resolve(typeof commentId === "string" ? commentId : "");
    if (!result.ok) return answer(request, context, result, "resolve", form, values, { alreadyResolved: `comment-${String(commentId)}` });
    return redirectDone(context, here, result.decision === "rejected" ? "rejected" : result.applied ? "applied" : "accepted");
  }
  if (intent === "signoff") {
    const result = await signOff(context.db, { revisitId: revisit.id, note: formData.get("note"), by, now });
    if (!result.ok) return answer(request, context, result, "signoff", formIds.signoff, values);
    return redirectDone(context, here, result.capacity === "cover" ? "signedOffCover" : "signedOff");
  }
  throw await httpError(request, 400, "bad-request");
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type CommentData = LoaderData["review"]["comments"][number];

/** An instant in words, inside <time datetime="…Z">. */
function When({ iso }: { iso: string }) {
  const { t, i18n } = useTranslation("revisits");
  return <time dateTime={new Date(iso).toISOString()}>{formatInstantInWords(iso, i18n.language, { noon: t("words.noon"), midnight: t("words.midnight") })}</time>;
}

function whenWords(iso: string, t: TFunction, language: string) {
  return formatInstantInWords(iso, language, { noon: t("revisits:words.noon"), midnight: t("revisits:words.midnight") });
}

/** Text as typed: each line its own paragraph. */
function Paragraphs({ text, className = "govuk-body" }: { text: string; className?: string }) {
  return (
    <>
      {text.split(/\n+/).map((line, i) => (
        <p className={className} key={i}>
          {line}
        </p>
      ))}
    </>
  );
}

/** What was typed into this form, if it was the one sent back. */
function useTyped(form: string) {
  const data = useActionData<typeof action>() as Refusal | undefined;
  const mine = data?.form === form;
  return {
    value: (field: string) => {
      const v = mine ? data?.values[field] : undefined;
      return typeof v === "string" ? v : undefined;
    },
    error: (field: string, t: TFunction) => {
      const key = mine ? data?.errors[formIds.field(form, field)] : undefined;
      return key ? t(key, data?.params) : undefined;
    },
    mine,
  };
}

function SignoffStatus({ summary }: { summary: LoaderData["review"]["signoff"] }) {
  const { t, i18n } = useTranslation(NS);
  const someone = t("someone");
  if (summary.kind === "none") {
    return <p className="govuk-body govuk-!-font-weight-bold">{summary.open > 0 ? t("signoff.status.noneOpen", { count: summary.open }) : t("signoff.status.none")}</p>;
  }
  const signed = (
    <Trans t={t} i18nKey="signoff.status.signedBy" values={{ name: summary.by ?? someone, when: whenWords(summary.at, t, i18n.language) }} components={{ when: <When iso={summary.at} /> }} />
  );
  if (summary.kind === "signed") {
    return (
      <p className="govuk-body govuk-!-font-weight-bold">
        <Tag colour="green">{t("signoff.status.tag")}</Tag> {signed}
      </p>
    );
  }
  if (summary.kind === "signedOpen") {
    return (
      <p className="govuk-body govuk-!-font-weight-bold">
        {signed} {t("signoff.status.openSince", { count: summary.open })}
      </p>
    );
  }
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <div className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">{t("warning")}</span>
        {t("signoff.status.stale")} {summary.open > 0 ? t("signoff.status.openToo", { count: summary.open }) : null}
        <br />
        <span className="govuk-!-font-weight-regular">{signed}</span>
      </div>
    </div>
  );
}

function SignoffForm({ capacity, signed }: { capacity: "reviewer" | "cover"; signed: boolean }) {
  const { t } = useTranslation(NS);
  const location = useLocation();
  const typed = useTyped(formIds.signoff);
  if (signed) return <p className="govuk-body">{t("signoff.done")}</p>;
  return (
    <Form method="post" noValidate key={location.key}>
      <CsrfInput />
      {capacity === "cover" ? <div className="govuk-inset-text">{t("signoff.cover")}</div> : null}
      <Textarea
        name="note"
        id={formIds.field(formIds.signoff, "note")}
        label={t("signoff.note")}
        hint={t("signoff.noteHint")}
        optional
        rows={3}
        maxLength={REVIEW_LIMITS.note}
        defaultValue={typed.value("note") ?? ""}
        error={typed.error("note", t)}
      />
      <Button name="intent" value="signoff">
        {t("signoff.submit")}
      </Button>
    </Form>
  );
}

function CommentForm({ question, capacity }: { question: ReviewQuestion | null; capacity: "reviewer" | "cover" }) {
  const { t } = useTranslation(NS);
  const location = useLocation();
  const form = formIds.comment(question?.key ?? null);
  const typed = useTyped(form);
  const n = question?.number;
  const fields = (
    <Form method="post" noValidate key={location.key}>
      <CsrfInput />
      <input type="hidden" name="question" value={question?.key ?? ""} />
      {capacity === "cover" ? <div className="govuk-inset-text">{t("comment.cover")}</div> : null}
      <Textarea
        name="body"
        id={formIds.field(form, "body")}
        label={question ? t("comment.body", { number: n }) : t("comment.bodyWhole")}
        hint={question ? undefined : t("comment.bodyWholeHint")}
        rows={4}
        maxLength={REVIEW_LIMITS.body}
        defaultValue={typed.value("body") ?? ""}
        error={typed.error("body", t)}
      />
      {question ? (
        <Textarea
          name="suggestion"
          id={formIds.field(form, "suggestion")}
          label={t("comment.suggestion", { number: n })}
          hint={t("comment.suggestionHint")}
          optional
          rows={3}
          maxLength={REVIEW_LIMITS.suggestion}
          defaultValue={typed.value("suggestion") ?? ""}
          error={typed.error("suggestion", t)}
        />
      ) : null}
      <Button name="intent" value="comment" variant="secondary">
        {question ? t("comment.submit", { number: n }) : t("comment.submitWhole")}
      </Button>
    </Form>
  );
  return (
    <Details summary={question ? t("comment.open", { number: n }) : t("comment.openWhole")} open={typed.mine}>
      {fields}
    </Details>
  );
}

function ResolveForm({ comment }: { comment: CommentData }) {
  const { t } = useTranslation(NS);
  const form = formIds.resolve(comment.id);
  const typed = useTyped(form);
  return (
    <Form method="post" noValidate className="govuk-!-margin-top-4">
      <CsrfInput />
      <input type="hidden" name="comment" value={comment.id} />
      <Radios
        name="decision"
        id={formIds.field(form, "decision")}
        legend={t("resolve.legend", { number: comment.number })}
        legendSize="s"
        choices={[
          { value: "accepted", label: t("resolve.accept"), hint: comment.suggestion && comment.questionKey ? t("resolve.acceptHint") : undefined },
          { value: "rejected", label: t("resolve.reject") },
        ]}
        defaultValue={typed.value("decision")}
        error={typed.error("decision", t)}
      />
      <Textarea
        name="reply"
        id={formIds.field(form, "reply")}
        label={t("resolve.reply", { number: comment.number })}
        hint={t("resolve.replyHint")}
        rows={3}
        maxLength={REVIEW_LIMITS.reply}
        defaultValue={typed.value("reply") ?? ""}
        error={typed.error("reply", t)}
      />
      <Button name="intent" value="resolve">
        {t("resolve.submit", { number: comment.number })}
      </Button>
    </Form>
  );
}

function Comment({ comment, level, resolvable }: { comment: CommentData; level: 3 | 4; resolvable: boolean }) {
  const { t, i18n } = useTranslation(NS);
  const Heading = level === 3 ? "h3" : "h4";
  const someone = t("someone");
  return (
    <div className="app-review-comment govuk-!-margin-bottom-6" id={`comment-${comment.id}`} tabIndex={-1}>
      <Heading className="govuk-heading-s govuk-!-margin-bottom-1">
        {t("comments.heading", { number: comment.number })} <Tag colour={stateColours[comment.state]}>{t(`states.${comment.state}`)}</Tag>
      </Heading>
      <p className="govuk-body-s">
        <Trans t={t} i18nKey="comments.from" values={{ name: comment.author ?? someone, when: whenWords(comment.createdAt, t, i18n.language) }} components={{ when: <When iso={comment.createdAt} /> }} />
      </p>
      <Paragraphs text={comment.body} />
      {comment.suggestion ? (
        <div className="govuk-inset-text govuk-!-margin-top-2">
          <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{t("comments.suggestion")}</p>
          <Paragraphs text={comment.suggestion} className="govuk-body govuk-!-margin-bottom-0" />
        </div>
      ) : null}
      {comment.state !== "open" && comment.resolvedAt ? (
        <div className="app-review-reply">
          <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
            <Trans
              t={t}
              i18nKey={`comments.reply.${comment.state}`}
              values={{ name: comment.resolvedBy ?? someone, when: whenWords(comment.resolvedAt, t, i18n.language) }}
              components={{ when: <When iso={comment.resolvedAt} /> }}
            />
          </p>
          <Paragraphs text={comment.reply} />
        </div>
      ) : null}
      {comment.state === "open" && resolvable ? <ResolveForm comment={comment} /> : null}
    </div>
  );
}

function CommentList({ comments, level, resolvable, label }: { comments: CommentData[]; level: 3 | 4; resolvable: boolean; label: string }) {
  const { t } = useTranslation(NS);
  if (comments.length === 0) return <p className="govuk-body">{t("comments.none")}</p>;
  return (
    <section aria-label={label}>
      {comments.map((c) => (
        <Comment key={c.id} comment={c} level={level} resolvable={resolvable} />
      ))}
    </section>
  );
}

function HistoryItem({ event, questionNumbers, commentNumbers }: { event: LoaderData["review"]["history"][number]; questionNumbers: Map<string, number>; commentNumbers: Map<string, number> }) {
  const { t } = useTranslation(NS);
  const d = event.details as Record<string, unknown>;
  const name = event.by ?? t("someone");
  const question = typeof d.question === "string" ? d.question : null;
  const what = question === null ? t("history.wholeSurvey") : questionNumbers.has(question) ? t("history.question", { number: questionNumbers.get(question) }) : t("history.removedQuestion");
  const number = typeof d.commentId === "string" ? commentNumbers.get(d.commentId) : undefined;
  // Rows written before comment ids were recorded (or by hand) still read as a sentence.
  const ref = number === undefined ? "" : t("history.ref", { number });
  const comment = number === undefined ? t("history.aComment") : t("history.comment", { number });
  const words = (() => {
    switch (event.kind) {
      case "review-comment":
        return t(d.suggestion ? "history.commentedSuggesting" : "history.commented", { name, what, ref });
      case "review-accepted":
        return t(d.applied ? "history.acceptedApplied" : "history.accepted", { name, what, comment });
      case "review-rejected":
        return t("history.rejected", { name, comment });
      case "review-signoff":
        return t("history.signedOff", { name });
      default:
        return event.kind;
    }
  })();
  return (
    <li>
      <When iso={event.at} />: {words}
      {d.capacity === "cover" ? ` ${t("history.cover")}` : null}
      {event.kind === "review-signoff" && typeof d.note === "string" && d.note ? ` ${t("history.note", { note: d.note })}` : null}
    </li>
  );
}

export default function RevisitReview() {
  const { t } = useTranslation(NS);
  const { revisit, survey, pages, review, may, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as Refusal | undefined;
  const errors = actionData?.errors ?? {};
  const { comments } = review;
  const byQuestion = (key: string | null) => comments.filter((c) => c.questionKey === key);
  const questionNumbers = new Map(pages.flatMap((p) => p.questions).map((q) => [q.key, q.number]));
  const commentNumbers = new Map(comments.map((c) => [c.id, c.number]));
  const liveKeys = new Set(questionNumbers.keys());
  const orphans = comments.filter((c) => c.questionKey !== null && !liveKeys.has(c.questionKey));
  const canComment = may.comment !== null && review.open;
  const navPages = may.manage ? revisitPages.map((p) => p.page) : (["review"] as const);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {may.manage ? null : <BackLink href={REVISITS_ADMIN}>{t("backToList")}</BackLink>}
        <ErrorSummary errors={Object.entries(errors).map(([href, key]) => ({ href, text: t(key, actionData?.params) }))} />
        {/* After a refused post (JavaScript on) the last success message is old news. */}
        {done && !actionData ? <NotificationBanner type="success" heading={t(`done.${done}`)} /> : null}
        <span className="govuk-caption-l">{revisit.title}</span>
        <h1 className="govuk-heading-l">{t("heading")}</h1>
        <RevisitNav id={revisit.id} current="review" pages={navPages} />
        <p className="govuk-body">{t("intro")}</p>

        <h2 className="govuk-heading-m" id="signoff-heading">
          {t("signoff.heading")}
        </h2>
        <SignoffStatus summary={review.signoff} />
        {!review.open ? (
          <p className="govuk-body">{t("closed")}</p>
        ) : may.comment ? (
          <SignoffForm capacity={may.comment} signed={review.signoff.kind === "signed"} />
        ) : review.signoff.kind === "signed" ? null : (
          <p className="govuk-body">{t("signoff.onlyForum")}</p>
        )}
        {may.manage ? (
          <p className="govuk-body">
            <a className="govuk-link" href={surveyPath(survey.id)}>
              {t("builderLink")}
            </a>
          </p>
        ) : null}

        <h2 className="govuk-heading-m govuk-!-margin-top-8">{t("whole.heading")}</h2>
        <CommentList comments={byQuestion(null)} level={3} resolvable={may.resolve} label={t("whole.heading")} />
        {canComment ? <CommentForm question={null} capacity={may.comment!} /> : null}

        <p className="govuk-body govuk-!-margin-top-8">{t("englishOnly")}</p>
        {pages.map((page) => (
          <section key={page.key} aria-labelledby={`page-${page.key}`}>
            <h2 className="govuk-heading-m govuk-!-margin-top-8" id={`page-${page.key}`}>
              {page.title ? t("page.heading", { number: page.number, title: page.title }) : t("page.untitled", { number: page.number })}
            </h2>
            {page.questions.map((q) => (
              <div key={q.key} className="app-review-question govuk-!-margin-bottom-8" id={`question-${q.key}`}>
                <h3 className="govuk-heading-s govuk-!-margin-bottom-2">{t("question.heading", { number: q.number })}</h3>
                <div className="govuk-inset-text govuk-!-margin-top-0" lang="en-GB">
                  <p className="govuk-body-l govuk-!-margin-bottom-2">
                    {q.text}
                    {q.required ? null : ` ${t("question.optional")}`}
                  </p>
                  {q.hint ? <p className="govuk-hint">{q.hint}</p> : null}
                  {q.options.length > 0 ? (
                    <>
                      <p className="govuk-body govuk-!-margin-bottom-1">{t("question.options")}</p>
                      <ul className="govuk-list govuk-list--bullet govuk-!-margin-bottom-0">
                        {q.options.map((o, i) => (
                          <li key={i}>{o}</li>
                        ))}
                      </ul>
                    </>
                  ) : (
                    <p className="govuk-body govuk-!-margin-bottom-0">{t("question.freeText")}</p>
                  )}
                </div>
                {byQuestion(q.key).length > 0 ? (
                  <CommentList comments={byQuestion(q.key)} level={4} resolvable={may.resolve} label={t("question.comments", { number: q.number })} />
                ) : null}
                {canComment ? <CommentForm question={q} capacity={may.comment!} /> : null}
              </div>
            ))}
          </section>
        ))}

        {orphans.length > 0 ? (
          <>
            <h2 className="govuk-heading-m govuk-!-margin-top-8">{t("removed.heading")}</h2>
            <p className="govuk-body">{t("removed.text")}</p>
            <CommentList comments={orphans} level={3} resolvable={may.resolve} label={t("removed.heading")} />
          </>
        ) : null}

        <h2 className="govuk-heading-m govuk-!-margin-top-8">{t("history.heading")}</h2>
        {review.history.length === 0 ? (
          <p className="govuk-body">{t("history.none")}</p>
        ) : (
          <ul className="govuk-list govuk-list--spaced">
            {review.history.map((e) => (
              <HistoryItem key={e.id} event={e} questionNumbers={questionNumbers} commentNumbers={commentNumbers} />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
