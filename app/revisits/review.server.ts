/**
 * The parent carer forum's review of a re-visit survey's questions. A sign-off holds a
 * fingerprint of the questions as they were: any later change to them makes it stale,
 * so what goes live is exactly what the forum approved.
 *
 * Reviewers comment (on a question or the survey as a whole, optionally suggesting new
 * wording) and sign off; officers accept or reject each comment with a reply, and an
 * accepted suggestion becomes the question's English text in the draft. Each step runs in
 * one transaction that holds the re-visit's row, writes a revisit_event (the history the
 * page shows) and an audit entry. Nothing is deleted. Rules: review.ts.
 */
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database, RevisitCommentState, Role } from "../../db/schema";
import { inTransaction } from "../area/changes.server";
import { recordAudit } from "../auth/audit.server";
import { isUuid } from "../feedback/schemas";
import { checkDefinition, englishOf, LIMITS, locateQuestion, setEnglish } from "../surveys/builder";
import { allQuestions, SurveyDefinitionSchema, type SurveyDefinition } from "../surveys/definition";
import { isEditable } from "../surveys/window";
import type { FieldErrors } from "../utils/form-data";
import { addEvent } from "./revisits.server";
import {
  mayResolve,
  parseComment,
  parseResolution,
  parseSignoff,
  reviewerCapacity,
  reviewEventKinds,
  type Decision,
  type ReviewerCapacity,
} from "./review";

type Db = Kysely<Database>;

export interface ReviewStatus {
  comments: number;
  openComments: number;
  /** The latest sign-off, and whether it still matches the questions. */
  signoff: { by: string | null; at: Date; current: boolean } | null;
  /** Every comment resolved and a current sign-off: the survey may be scheduled. */
  ready: boolean;
}

/** A fingerprint of a definition's content, independent of key order. */
export function definitionHash(definition: SurveyDefinition): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((k) => [k, canonical((value as Record<string, unknown>)[k])])
      );
    }
    return value;
  };
  return createHash("sha256")
    .update(JSON.stringify(canonical(definition)))
    .digest("hex");
}

export async function reviewStatus(db: Db, revisitId: string, definition: SurveyDefinition): Promise<ReviewStatus> {
  const counts = await db
    .selectFrom("revisit_comment")
    .select((eb) => [eb.fn.countAll<string>().as("all"), eb.fn.countAll<string>().filterWhere("state", "=", "open").as("open")])
    .where("revisit_id", "=", revisitId)
    .executeTakeFirstOrThrow();
  const latest = await db
    .selectFrom("revisit_signoff")
    .leftJoin("app_user", "app_user.id", "revisit_signoff.user_id")
    .select(["revisit_signoff.at", "revisit_signoff.definition_hash", "app_user.name"])
    .where("revisit_signoff.revisit_id", "=", revisitId)
    .orderBy("revisit_signoff.at", "desc")
    .orderBy("revisit_signoff.id", "desc")
    .limit(1)
    .executeTakeFirst();
  const openComments = Number(counts.open);
  const signoff = latest ? { by: latest.name, at: latest.at, current: latest.definition_hash === definitionHash(definition) } : null;
  return { comments: Number(counts.all), openComments, signoff, ready: openComments === 0 && Boolean(signoff?.current) };
}

// ---- Reading -----------------------------------------------------------------------------

export interface ReviewComment {
  id: string;
  /** 1, 2, 3… in the order they were made, so the page can name each one. */
  number: number;
  questionKey: string | null;
  author: string | null;
  body: string;
  suggestion: string | null;
  state: RevisitCommentState;
  reply: string;
  resolvedBy: string | null;
  resolvedAt: Date | null;
  createdAt: Date;
}

export interface ReviewEvent {
  id: string;
  at: Date;
  kind: (typeof reviewEventKinds)[number];
  by: string | null;
  details: Record<string, unknown>;
}

export interface Review {
  comments: ReviewComment[];
  history: ReviewEvent[];
  /**
   * The questions may still change (the survey has not opened and nobody has started it):
   * reviewers may comment and sign off, and accepted suggestions are applied.
   */
  open: boolean;
}

/** Every comment (oldest first), the review's history (newest first), and whether the questions may still change. */
export async function getReview(db: Db, revisitId: string, now: Date): Promise<Review> {
  const survey = await db
    .selectFrom("revisit")
    .innerJoin("survey", "survey.id", "revisit.survey_id")
    .innerJoin("survey_version", "survey_version.id", "survey.current_version_id")
    .select(["survey.status", "survey.opens_at", "survey.closes_at", "survey_version.locked_at"])
    .where("revisit.id", "=", revisitId)
    .executeTakeFirst();
  const rows = await db
    .selectFrom("revisit_comment as c")
    .leftJoin("app_user as author", "author.id", "c.author_id")
    .leftJoin("app_user as resolver", "resolver.id", "c.resolved_by")
    .select([
      "c.id",
      "c.question_key",
      "c.body",
      "c.suggestion",
      "c.state",
      "c.reply",
      "c.resolved_at",
      "c.created_at",
      "author.name as author",
      "resolver.name as resolver",
    ])
    .where("c.revisit_id", "=", revisitId)
    .orderBy("c.created_at")
    .orderBy("c.id")
    .execute();
  const events = await db
    .selectFrom("revisit_event")
    .leftJoin("app_user", "app_user.id", "revisit_event.user_id")
    .select(["revisit_event.id", "revisit_event.at", "revisit_event.kind", "revisit_event.details", "app_user.name as by"])
    .where("revisit_event.revisit_id", "=", revisitId)
    .where("revisit_event.kind", "in", [...reviewEventKinds])
    .orderBy("revisit_event.at", "desc")
    .orderBy("revisit_event.id", "desc")
    .execute();
  return {
    comments: rows.map((r, index) => ({
      id: r.id,
      number: index + 1,
      questionKey: r.question_key,
      author: r.author,
      body: r.body,
      suggestion: r.suggestion,
      state: r.state,
      reply: r.reply,
      resolvedBy: r.resolver,
      resolvedAt: r.resolved_at,
      createdAt: r.created_at,
    })),
    history: events.map((e) => ({ id: e.id, at: e.at, kind: e.kind as ReviewEvent["kind"], by: e.by, details: e.details })),
    open: survey ? isEditable({ status: survey.status, opensAt: survey.opens_at, closesAt: survey.closes_at, lockedAt: survey.locked_at }, now) : false,
  };
}

// ---- Writing -----------------------------------------------------------------------------

/** Who is acting: their role decides what they may do here. */
export interface ReviewActor {
  userId: string;
  role: Role;
  requestId?: string;
}

/**
 * Why a step is refused (409): "conflicts.<key>" in the revisit-review namespace.
 * - alreadyResolved: someone answered the comment first.
 * - openComments: a sign-off waits until every comment is resolved.
 * - alreadySignedOff: the questions as they are now are signed off already.
 * - reviewClosed: the survey has opened (or people have started it): its questions can no longer change.
 * - locked: people have started the survey, so an accepted suggestion cannot be applied.
 * - surveyStarted: the survey has opened, so an accepted suggestion cannot be applied.
 * - questionGone: the question was removed from the survey after the comment.
 * - suggestionTooLong: the wording is longer than a question may be.
 */
export type ReviewConflict =
  | "alreadyResolved"
  | "openComments"
  | "alreadySignedOff"
  | "reviewClosed"
  | "locked"
  | "surveyStarted"
  | "questionGone"
  | "suggestionTooLong";

export type ReviewResult<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "forbidden" }
  | { ok: false; reason: "invalid"; errors: FieldErrors; params?: Record<string, string | number> }
  | { ok: false; reason: "conflict"; conflict: ReviewConflict; params?: Record<string, string | number> };

const notFound = { ok: false, reason: "not-found" } as const;
const forbidden = { ok: false, reason: "forbidden" } as const;
const conflict = (c: ReviewConflict, params?: Record<string, string | number>) =>
  ({ ok: false, reason: "conflict", conflict: c, params } as const);

/**
 * The re-visit (its row held until the transaction ends, so two steps on one review
 * never interleave) with its survey and current version, both held too.
 */
async function lockReview(trx: Db, revisitId: string | undefined, now: Date) {
  if (!isUuid(revisitId)) return undefined;
  const revisit = await trx.selectFrom("revisit").select(["id", "survey_id"]).where("id", "=", revisitId).forUpdate().executeTakeFirst();
  if (!revisit) return undefined;
  const survey = await trx
    .selectFrom("survey")
    .select(["id", "status", "opens_at", "closes_at", "current_version_id"])
    .where("id", "=", revisit.survey_id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const version = await trx
    .selectFrom("survey_version")
    .select(["id", "number", "definition", "locked_at"])
    .where("id", "=", survey.current_version_id!)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const definition = SurveyDefinitionSchema.parse(version.definition);
  const editable = isEditable(
    { status: survey.status, opensAt: survey.opens_at, closesAt: survey.closes_at, lockedAt: version.locked_at },
    now
  );
  return { revisit, survey, version, definition, editable };
}

function englishQuestions(definition: SurveyDefinition): Map<string, string> {
  return new Map(allQuestions(definition).map((q) => [q.key, englishOf(q.text)]));
}

/** A forum reviewer (or an administrator covering) comments on a question or the whole survey. */
export async function addComment(
  db: Db,
  input: { revisitId: string | undefined; question: unknown; body: unknown; suggestion: unknown; by: ReviewActor; now: Date }
): Promise<ReviewResult<{ id: string }>> {
  const { by, now } = input;
  const capacity = reviewerCapacity(by.role);
  if (!capacity) return forbidden;
  return inTransaction(db, async (trx) => {
    const held = await lockReview(trx, input.revisitId, now);
    if (!held) return notFound;
    if (!held.editable) return conflict("reviewClosed");
    const questions = englishQuestions(held.definition);
    const parsed = parseComment({ question: input.question, body: input.body, suggestion: input.suggestion }, questions);
    if (!parsed.ok) return { ok: false, reason: "invalid", errors: parsed.errors, params: parsed.params };
    const { questionKey, body, suggestion } = parsed.data;
    const row = await trx
      .insertInto("revisit_comment")
      .values({ revisit_id: held.revisit.id, question_key: questionKey, author_id: by.userId, body, suggestion, created_at: now })
      .returning("id")
      .executeTakeFirstOrThrow();
    const details = {
      commentId: row.id,
      question: questionKey,
      questionText: questionKey ? questions.get(questionKey)! : null,
      body,
      suggestion,
      capacity,
    };
    await addEvent(trx, held.revisit.id, now, by, "review-comment", details);
    await recordAudit(trx, {
      userId: by.userId,
      action: "revisit.review-commented",
      subjectType: "revisit",
      subjectId: held.revisit.id,
      details,
      requestId: by.requestId,
    });
    return { ok: true, id: row.id };
  });
}

/**
 * An officer accepts or rejects a comment, with a reply. Accepting a suggestion puts its
 * wording in the question's English text in the draft (other languages and easy read are
 * marked for review, as the builder does); once people have started the survey, or it has
 * opened, the questions no longer change and the acceptance is refused.
 */
export async function resolveComment(
  db: Db,
  input: { revisitId: string | undefined; commentId: unknown; decision: unknown; reply: unknown; by: ReviewActor; now: Date }
): Promise<ReviewResult<{ decision: Decision; applied: boolean }>> {
  const { by, now } = input;
  if (!mayResolve(by.role)) return forbidden;
  return inTransaction(db, async (trx) => {
    const held = await lockReview(trx, input.revisitId, now);
    if (!held || !isUuid(input.commentId)) return notFound;
    const comment = await trx
      .selectFrom("revisit_comment")
      .selectAll()
      .where("id", "=", input.commentId)
      .where("revisit_id", "=", held.revisit.id)
      .forUpdate()
      .executeTakeFirst();
    if (!comment) return notFound;
    if (comment.state !== "open") return conflict("alreadyResolved");
    const parsed = parseResolution({ decision: input.decision, reply: input.reply });
    if (!parsed.ok) return { ok: false, reason: "invalid", errors: parsed.errors, params: parsed.params };
    const { decision, reply } = parsed.data;

    let change: { from: string; to: string; version: number } | null = null;
    if (decision === "accepted" && comment.suggestion && comment.question_key) {
      if (held.version.locked_at) return conflict("locked");
      if (!held.editable) return conflict("surveyStarted");
      const place = locateQuestion(held.definition, comment.question_key);
      if (!place) return conflict("questionGone");
      if (comment.suggestion.length > LIMITS.questionText)
        return conflict("suggestionTooLong", { max: LIMITS.questionText, length: comment.suggestion.length });
      const from = englishOf(place.question.text);
      const edited: SurveyDefinition = {
        ...held.definition,
        pages: held.definition.pages.map((page) => ({
          ...page,
          questions: page.questions.map((q) =>
            q.key === comment.question_key ? { ...q, text: setEnglish(q.text, comment.suggestion!) } : q
          ),
        })),
      };
      const checked = checkDefinition(edited);
      // The wording is plain text under the length limit: only a broken stored definition fails here.
      if (!checked.ok) throw new Error(`accepted suggestion left the survey invalid: ${JSON.stringify(checked)}`);
      await trx
        .updateTable("survey_version")
        .set({ definition: JSON.stringify(checked.definition) })
        .where("id", "=", held.version.id)
        .execute();
      await trx.updateTable("survey").set({ updated_at: now }).where("id", "=", held.survey.id).execute();
      change = {
        from,
        to: englishOf(locateQuestion(checked.definition, comment.question_key)!.question.text),
        version: held.version.number,
      };
      await recordAudit(trx, {
        userId: by.userId,
        action: "survey.question-updated",
        subjectType: "survey",
        subjectId: held.survey.id,
        details: {
          version: change.version,
          question: comment.question_key,
          text: { from: change.from, to: change.to },
          revisitComment: comment.id,
        },
        requestId: by.requestId,
      });
    }

    await trx
      .updateTable("revisit_comment")
      .set({ state: decision, reply, resolved_by: by.userId, resolved_at: now })
      .where("id", "=", comment.id)
      .execute();
    const details = {
      commentId: comment.id,
      question: comment.question_key,
      reply,
      applied: change !== null,
      ...(change ? { from: change.from, to: change.to } : {}),
    };
    const kind = decision === "accepted" ? "review-accepted" : "review-rejected";
    await addEvent(trx, held.revisit.id, now, by, kind, details);
    await recordAudit(trx, {
      userId: by.userId,
      action: `revisit.${kind}`,
      subjectType: "revisit",
      subjectId: held.revisit.id,
      details,
      requestId: by.requestId,
    });
    return { ok: true, decision, applied: change !== null };
  });
}

/**
 * A forum reviewer (or an administrator covering) signs off the questions as they are
 * now, once no comment is open. The fingerprint kept with it goes stale on any change.
 */
export async function signOff(
  db: Db,
  input: { revisitId: string | undefined; note: unknown; by: ReviewActor; now: Date }
): Promise<ReviewResult<{ capacity: ReviewerCapacity }>> {
  const { by, now } = input;
  const capacity = reviewerCapacity(by.role);
  if (!capacity) return forbidden;
  return inTransaction(db, async (trx) => {
    const held = await lockReview(trx, input.revisitId, now);
    if (!held) return notFound;
    const parsed = parseSignoff({ note: input.note });
    if (!parsed.ok) return { ok: false, reason: "invalid", errors: parsed.errors, params: parsed.params };
    if (!held.editable) return conflict("reviewClosed");
    const status = await reviewStatus(trx, held.revisit.id, held.definition);
    if (status.openComments > 0) return conflict("openComments", { count: status.openComments });
    if (status.signoff?.current) return conflict("alreadySignedOff");
    const hash = definitionHash(held.definition);
    await trx
      .insertInto("revisit_signoff")
      .values({ revisit_id: held.revisit.id, user_id: by.userId, definition_hash: hash, note: parsed.data.note, at: now })
      .execute();
    const details = { note: parsed.data.note, capacity, version: held.version.number, definitionHash: hash };
    await addEvent(trx, held.revisit.id, now, by, "review-signoff", details);
    await recordAudit(trx, {
      userId: by.userId,
      action: "revisit.review-signed-off",
      subjectType: "revisit",
      subjectId: held.revisit.id,
      details,
      requestId: by.requestId,
    });
    return { ok: true, capacity };
  });
}
