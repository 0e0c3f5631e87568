/**
 * Drawings, photos and recordings sent with feedback (docs/decisions/022-feedback-uploads.md):
 * reading them from a multipart post, keeping one while the person puts a mistake right
 * ("pending", behind a random token), attaching it to its item, and serving it to staff
 * in a way no browser will run.
 */
import { createHash, randomBytes } from "node:crypto";
import {
  MaxPartSizeExceededError,
  unstable_composeUploadHandlers,
  unstable_createMemoryUploadHandler,
  type UploadHandler,
} from "@remix-run/node";
import { sql, type ExpressionBuilder, type Kysely } from "kysely";
import { inTransaction, timestamp } from "../area/changes.server";
import { recordAudit } from "../auth/audit.server";
import type { Database, FeedbackAttachmentKind } from "../../db/schema";
import { acceptedTypes, ATTACHMENT_FIELD, ATTACHMENT_MAX_BYTES, isAcceptedType, PENDING_TTL_MS, type AcceptedType } from "./attachments";
import { isUuid } from "./schemas";

type Db = Kysely<Database>;

/** What the upload handler puts in the form for a file over the limit: its bytes are counted, never kept. */
export const OVERSIZE_MARKER = "\u0000oversize";
/** Text fields are a few thousand characters at most. */
export const TEXT_PART_MAX_BYTES = 64 * 1024;
/** Past this, an oversize upload is no longer read to the end: the post is refused outright (413). */
const DRAIN_MAX_BYTES = 4 * ATTACHMENT_MAX_BYTES;

/**
 * The file in the `attachment` field, kept in memory up to the largest size accepted.
 * Past it, the rest is read and dropped so the fields after it still arrive: the person
 * gets their words back with "the file is too large", not an error page.
 */
const attachmentHandler: UploadHandler = async ({ name, filename, data }) => {
  if (name !== ATTACHMENT_FIELD || typeof filename !== "string") return undefined;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of data) {
    size += chunk.byteLength;
    if (size > DRAIN_MAX_BYTES) throw new MaxPartSizeExceededError(name, ATTACHMENT_MAX_BYTES);
    if (size <= ATTACHMENT_MAX_BYTES) chunks.push(chunk);
  }
  if (size === 0) return null; // No file chosen.
  if (size > ATTACHMENT_MAX_BYTES) return OVERSIZE_MARKER;
  // The person's file name is not kept: it can say who they are.
  return new File(chunks as BlobPart[], "upload", { type: "application/octet-stream" });
};

export const feedbackUploadHandler: UploadHandler = unstable_composeUploadHandlers(
  attachmentHandler,
  unstable_createMemoryUploadHandler({ maxPartSize: TEXT_PART_MAX_BYTES }),
);

/** The upload in a parsed form: none, over the limit, or its bytes. */
export async function uploadIn(
  formData: FormData,
): Promise<{ state: "none" } | { state: "oversize" } | { state: "file"; bytes: Uint8Array }> {
  const value = formData.get(ATTACHMENT_FIELD);
  if (value === OVERSIZE_MARKER) return { state: "oversize" };
  if (value instanceof File && value.size > 0) return { state: "file", bytes: new Uint8Array(await value.arrayBuffer()) };
  return { state: "none" };
}

// ---- Pending uploads ------------------------------------------------------------------

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export interface PendingAttachment {
  token: string;
  kind: FeedbackAttachmentKind;
  byteSize: number;
}

export interface NewAttachment {
  mediaType: AcceptedType;
  kind: FeedbackAttachmentKind;
  bytes: Uint8Array;
}

/**
 * Keeps a checked upload while the person puts a mistake right, and returns the token
 * for the form's hidden field. Pending uploads older than a day are deleted here too.
 */
export async function storePending(db: Db, { upload, now }: { upload: NewAttachment; now: Date }): Promise<PendingAttachment> {
  await deleteExpiredPending(db, now);
  const token = randomBytes(32).toString("base64url");
  await db
    .insertInto("feedback_attachment")
    .values({
      kind: upload.kind,
      media_type: upload.mediaType,
      byte_size: upload.bytes.byteLength,
      content: upload.bytes,
      pending_token: hashToken(token),
      created_at: now,
    })
    .execute();
  return { token, kind: upload.kind, byteSize: upload.bytes.byteLength };
}

export async function deleteExpiredPending(db: Db, now: Date): Promise<void> {
  await db
    .deleteFrom("feedback_attachment")
    .where("feedback_item_id", "is", null)
    .where("created_at", "<", new Date(now.getTime() - PENDING_TTL_MS))
    .execute();
}

/** A pending upload by its token; undefined when the token is wrong, used or too old. */
export async function findPending(
  db: Db,
  token: unknown,
  now: Date,
  { lock = false } = {},
): Promise<(PendingAttachment & { id: string }) | undefined> {
  if (typeof token !== "string" || !TOKEN_PATTERN.test(token)) return undefined;
  let query = db
    .selectFrom("feedback_attachment")
    .select(["id", "kind", "byte_size"])
    .where("pending_token", "=", hashToken(token))
    .where("feedback_item_id", "is", null)
    .where("created_at", ">=", new Date(now.getTime() - PENDING_TTL_MS));
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? { id: row.id, token, kind: row.kind, byteSize: row.byte_size } : undefined;
}

export async function removePending(db: Db, token: unknown): Promise<void> {
  if (typeof token !== "string" || !TOKEN_PATTERN.test(token)) return;
  await db.deleteFrom("feedback_attachment").where("pending_token", "=", hashToken(token)).where("feedback_item_id", "is", null).execute();
}

/** Inside the item's transaction: the upload becomes the item's. */
export async function attachToItem(
  trx: Db,
  { feedbackItemId, attachment }: { feedbackItemId: string; attachment: { pendingId: string } | NewAttachment },
): Promise<void> {
  if ("pendingId" in attachment) {
    await trx
      .updateTable("feedback_attachment")
      .set({ feedback_item_id: feedbackItemId, pending_token: null })
      .where("id", "=", attachment.pendingId)
      .where("feedback_item_id", "is", null)
      .executeTakeFirstOrThrow();
    return;
  }
  await trx
    .insertInto("feedback_attachment")
    .values({
      feedback_item_id: feedbackItemId,
      kind: attachment.kind,
      media_type: attachment.mediaType,
      byte_size: attachment.bytes.byteLength,
      content: attachment.bytes,
    })
    .execute();
}

// ---- For staff ------------------------------------------------------------------------

/** An item's attachments, without their bytes. */
export async function listAttachments(db: Db, feedbackItemId: string) {
  const rows = await db
    .selectFrom("feedback_attachment")
    .select(["id", "kind", "media_type", "byte_size", "created_at"])
    .where("feedback_item_id", "=", feedbackItemId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    byteSize: row.byte_size,
    mediaType: row.media_type,
    showInline: isAcceptedType(row.media_type) && acceptedTypes[row.media_type].inline,
  }));
}

export async function getAttachment(db: Db, feedbackItemId: string, attachmentId: string) {
  if (!isUuid(feedbackItemId) || !isUuid(attachmentId)) return undefined;
  return db
    .selectFrom("feedback_attachment")
    .select(["id", "kind", "media_type", "byte_size", "content"])
    .where("id", "=", attachmentId)
    .where("feedback_item_id", "=", feedbackItemId)
    .executeTakeFirst();
}

/**
 * The response that hands staff an attachment. Only a type from the accepted list is ever
 * named (never text/html or image/svg+xml); the browser must not guess another (nosniff);
 * it is a download unless it is a picture asked for inline; and if it were ever opened as
 * a page, the sandbox policy runs nothing and loads nothing.
 */
/** On every answer of the attachment route, the file or not: nothing there is ever run or guessed at. */
export const ATTACHMENT_SAFETY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "sandbox; default-src 'none'",
} as const;

/** The same headers on a refusal (a 404, a 403, the sign-in redirect) thrown on the way. */
export function withSafetyHeaders(response: Response): Response {
  for (const [name, value] of Object.entries(ATTACHMENT_SAFETY_HEADERS)) response.headers.set(name, value);
  return response;
}

export function attachmentResponse(
  attachment: { kind: string; media_type: string; content: Uint8Array },
  { reference, inline }: { reference: string; inline: boolean },
): Response {
  const type: AcceptedType | undefined = isAcceptedType(attachment.media_type) ? attachment.media_type : undefined;
  const contentType = type ?? "application/octet-stream";
  const filename = `${reference}-${attachment.kind}.${type ? acceptedTypes[type].extension : "bin"}`;
  const showInline = inline && type !== undefined && acceptedTypes[type].inline;
  const body = new Uint8Array(attachment.content);
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": contentType,
      "Content-Length": String(body.byteLength),
      "Content-Disposition": `${showInline ? "inline" : "attachment"}; filename="${filename}"`,
      ...ATTACHMENT_SAFETY_HEADERS,
      "Cache-Control": "private, no-store",
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
}

// ---- Feedback that is only a file (docs/decisions/028) ---------------------------------------

/**
 * For a query on feedback_item: the item has a file but no words, and no officer has yet
 * recorded looking at it. The word list cannot read a drawing or a recording, so a person
 * must: until then the item is labelled on the inbox, cannot be published to "You said,
 * we did" and is left out of analysis.
 */
export function awaitingFileCheck(eb: ExpressionBuilder<Database, "feedback_item">) {
  return eb.and([
    eb(sql<string>`trim(feedback_item.body)`, "=", ""),
    eb("feedback_item.file_checked_at", "is", null),
    eb.exists(
      eb
        .selectFrom("feedback_attachment")
        .select("feedback_attachment.id")
        .whereRef("feedback_attachment.feedback_item_id", "=", "feedback_item.id"),
    ),
  ]);
}

/** For analysis of feedback: leave out items no one has looked at yet (see awaitingFileCheck). */
export function notAwaitingFileCheck(eb: ExpressionBuilder<Database, "feedback_item">) {
  return eb.not(awaitingFileCheck(eb));
}

export async function isAwaitingFileCheck(db: Db, feedbackItemId: string): Promise<boolean> {
  if (!isUuid(feedbackItemId)) return false;
  const row = await db
    .selectFrom("feedback_item")
    .select("id")
    .where("id", "=", feedbackItemId)
    .where(awaitingFileCheck)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * An officer has looked at the file(s) of an item with no words and found no concern:
 * recorded with who and when, and audited. A worry is flagged for safeguarding instead.
 * Refused (nothing written) when the item does not need it, or someone recorded it already.
 */
export async function recordFileChecked(
  db: Db,
  { id, by, now }: { id: string; by: { userId: string | null; requestId?: string }; now: Date },
): Promise<{ ok: boolean }> {
  if (!isUuid(id)) return { ok: false };
  return inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable("feedback_item")
      .set({ file_checked_at: now, file_checked_by: by.userId, updated_at: timestamp(now) })
      .where("id", "=", id)
      .where(awaitingFileCheck)
      .returning(["id", "reference"])
      .executeTakeFirst();
    if (!updated) return { ok: false };
    await recordAudit(trx, {
      userId: by.userId,
      action: "feedback.file-checked",
      subjectType: "feedback_item",
      subjectId: updated.id,
      details: { reference: updated.reference },
      requestId: by.requestId,
    });
    return { ok: true };
  });
}
