import type { AppLoadContext } from "@remix-run/node";
import { beforeAll, expect, it } from "vitest";
import { seedReferenceData } from "../../db/seed";
import { seedDemoArea } from "../../db/seed/area";
import { csrfPair, makeContext, signedInAs } from "../../tests/setup/context";
import { describeDb } from "../../tests/setup/database";
import { accepted, refused, TINY_PNG } from "../../tests/fixtures/media";
import { action as easyReadAction } from "../routes/feedback.easy-read";
import { action as standardAction } from "../routes/feedback._index";
import { loader as attachmentLoader } from "../routes/admin.feedback.$id_.attachments.$attachmentId";
import { loader as triageLoader } from "../routes/admin.feedback.$id";
import { IMAGE_MAX_BYTES, PENDING_TTL_MS, RECORDING_MAX_BYTES } from "./attachments";
import { findPending, isAwaitingFileCheck, storePending } from "./attachments.server";
import { action as triageAction } from "../routes/admin.feedback.$id";
import { action as newEntryAction } from "../routes/admin.you-said-we-did.new";
import { listGeneralFeedback, sendGeneralFeedback, type GeneralFeedbackInput } from "./general.server";

/**
 * Uploads with feedback at /feedback (docs/decisions/022-feedback-uploads.md), through the
 * routes as a browser posts them (multipart, with the CSRF token), and served to staff.
 */
describeDb("drawings, photos and recordings sent with feedback", ({ db }) => {
  const now = new Date("2026-11-23T10:00:00Z");
  let n = 0;

  beforeAll(async () => {
    await seedReferenceData(db());
    await seedDemoArea(db());
  });

  let tick = 0;
  /** Its own address (rate limits do not mix), and a clock a second on at each reading, so "newest" is well defined. */
  function context(): AppLoadContext {
    return { ...makeContext(db(), now), clientIp: `10.1.0.${++n}`, now: () => new Date(now.getTime() + ++tick * 1000) };
  }

  type Fields = Record<string, string | { bytes: Uint8Array; name: string; type: string }>;

  async function post(ctx: AppLoadContext, path: "/feedback" | "/feedback/easy-read", fields: Fields) {
    const { cookie, token } = await csrfPair(ctx);
    const form = new FormData();
    form.set("csrf", token);
    for (const [key, value] of Object.entries(fields)) {
      if (typeof value === "string") form.append(key, value);
      else form.append(key, new File([value.bytes as BlobPart], value.name, { type: value.type }));
    }
    const request = new Request(`http://localhost${path}${path === "/feedback" ? "?index" : ""}`, {
      method: "POST",
      headers: { cookie },
      body: form,
    });
    const run = path === "/feedback" ? standardAction : easyReadAction;
    try {
      return await run({ request, context: ctx, params: {} });
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  }

  const count = async (table: "feedback_item" | "feedback_attachment") =>
    Number(
      (
        await db()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("c"))
          .executeTakeFirstOrThrow()
      ).c,
    );

  /** The item a 302 to the thank-you page stored: the newest. */
  const newestItem = () =>
    db().selectFrom("feedback_item").selectAll().orderBy("created_at", "desc").orderBy("reference", "desc").executeTakeFirstOrThrow();
  const attachmentsOf = (id: string) => db().selectFrom("feedback_attachment").selectAll().where("feedback_item_id", "=", id).execute();

  it("a young person sends easy-read feedback with a drawing: the item and its file are stored together", async () => {
    const marker = `drawing-${Date.now()}`;
    const response = await post(context(), "/feedback/easy-read", {
      respondent: "young_person",
      face: "4",
      body: marker,
      attachment: { bytes: TINY_PNG, name: "my drawing.png", type: "image/png" },
    });
    expect(response.status).toBe(302);
    const item = await db().selectFrom("feedback_item").selectAll().where("body", "=", marker).executeTakeFirstOrThrow();
    const [file, ...more] = await attachmentsOf(item.id);
    expect(more).toEqual([]);
    expect(file).toMatchObject({ kind: "drawing", media_type: "image/png", byte_size: TINY_PNG.byteLength, pending_token: null });
    expect(Buffer.from(file!.content).equals(Buffer.from(TINY_PNG))).toBe(true);
  });

  it("a file with no words needs a person to look: labelled, not publishable, until an officer records no concern (audited)", async () => {
    const sent = await post(context(), "/feedback/easy-read", {
      respondent: "young_person",
      attachment: { bytes: TINY_PNG, name: "x.png", type: "image/png" },
    });
    expect(sent.status).toBe(302);
    const item = await newestItem();
    const inboxRow = async () =>
      (await listGeneralFeedback(db(), { search: item.reference, today: "2026-11-23", limit: 5, offset: 0 })).rows[0];
    expect(await inboxRow()).toMatchObject({ reference: item.reference, needs_look: true });
    expect(await isAwaitingFileCheck(db(), item.id)).toBe(true);

    const ctx = context();
    const { cookie, userId } = await signedInAs(ctx, "officer");
    const { cookie: adminCookie } = await signedInAs(ctx, "admin");
    const postAs = async (
      run: typeof triageAction,
      path: string,
      who: string,
      fields: Record<string, string>,
      params: Record<string, string> = {},
    ) => {
      const { cookie: csrfCookie, token } = await csrfPair(ctx);
      const body = new URLSearchParams({ csrf: token, ...fields });
      const request = new Request(`http://localhost${path}`, { method: "POST", headers: { cookie: `${who}; ${csrfCookie}` }, body });
      try {
        return await run({ request, context: ctx, params });
      } catch (thrown) {
        if (thrown instanceof Response) return thrown;
        throw thrown;
      }
    };
    // Publishing "You said, we did" from it is refused, with what was typed kept.
    const entry = {
      intent: "publish",
      year: "2026",
      theme: "content",
      youSaid: "A drawing of a long wait",
      weDid: "We looked",
      action: "More staff",
      feedbackItemId: item.id,
    };
    const refused = await postAs(newEntryAction as typeof triageAction, "/admin/you-said-we-did/new", adminCookie, entry);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({
      errors: { form: "errors.fileNotChecked" },
      values: { youSaid: "A drawing of a long wait" },
    });
    expect(await db().selectFrom("you_said_we_did").select("id").where("feedback_item_id", "=", item.id).execute()).toEqual([]);

    const looked = await postAs(triageAction, `/admin/feedback/${item.id}`, cookie, { intent: "file-checked" }, { id: item.id });
    expect(looked.status).toBe(302);
    expect(await inboxRow()).toMatchObject({ needs_look: false });
    expect(await db().selectFrom("feedback_item").select(["file_checked_by"]).where("id", "=", item.id).executeTakeFirstOrThrow()).toEqual({
      file_checked_by: userId,
    });
    const audit = await db()
      .selectFrom("audit_log")
      .select(["user_id", "details"])
      .where("action", "=", "feedback.file-checked")
      .where("subject_id", "=", item.id)
      .execute();
    expect(audit).toEqual([{ user_id: userId, details: { reference: item.reference } }]);
    // A second click changes nothing and audits nothing.
    expect((await postAs(triageAction, `/admin/feedback/${item.id}`, cookie, { intent: "file-checked" }, { id: item.id })).status).toBe(
      302,
    );
    expect(
      await db()
        .selectFrom("audit_log")
        .select("id")
        .where("action", "=", "feedback.file-checked")
        .where("subject_id", "=", item.id)
        .execute(),
    ).toHaveLength(1);
    // Now it can be published.
    expect((await postAs(newEntryAction as typeof triageAction, "/admin/you-said-we-did/new", adminCookie, entry)).status).toBe(302);

    // Words with a file were checked by the word list: no label.
    await post(context(), "/feedback/easy-read", {
      respondent: "young_person",
      body: "The bus is late",
      attachment: { bytes: TINY_PNG, name: "x.png", type: "image/png" },
    });
    expect(await isAwaitingFileCheck(db(), (await newestItem()).id)).toBe(false);
  });

  it("takes a drawing alone, with no words and no face, on either form", async () => {
    const easy = await post(context(), "/feedback/easy-read", {
      respondent: "young_person",
      attachment: { bytes: TINY_PNG, name: "x.png", type: "image/png" },
    });
    expect(easy.status).toBe(302);
    const item = await newestItem();
    expect(item).toMatchObject({ body: "", face: null, format: "easy_read" });
    expect(await attachmentsOf(item.id)).toHaveLength(1);
    // The inbox says there is a file where the words would be.
    const inbox = await listGeneralFeedback(db(), { search: item.reference, today: "2026-11-23", limit: 5, offset: 0 });
    expect(inbox.rows).toMatchObject([{ reference: item.reference, has_file: true }]);

    const standard = await post(context(), "/feedback", {
      respondent: "parent_carer",
      attachment: { bytes: accepted.m4a!.bytes, name: "voice note", type: "" },
    });
    expect(standard.status).toBe(302);
    const recorded = await newestItem();
    expect(recorded).toMatchObject({ body: "", format: "standard" });
    expect(await attachmentsOf(recorded.id)).toMatchObject([{ kind: "audio", media_type: "audio/mp4" }]);
  });

  it("believes the bytes, not the name or the browser: a PNG called .exe is a PNG", async () => {
    const response = await post(context(), "/feedback/easy-read", {
      respondent: "young_person",
      attachment: { bytes: TINY_PNG, name: "drawing.exe", type: "application/x-msdownload" },
    });
    expect(response.status).toBe(302);
    expect(await attachmentsOf((await newestItem()).id)).toMatchObject([{ media_type: "image/png" }]);
  });

  for (const [name, bytes, claimed] of [
    ["an HTML page called .png", refused.html!, "image/png"],
    ["an SVG drawing", refused.svg!, "image/svg+xml"],
    ["a program called .jpg", refused.exe!, "image/jpeg"],
    ["a PDF", refused.pdf!, "application/pdf"],
  ] as const) {
    it(`refuses ${name} with a 400, keeping every word typed and storing nothing`, async () => {
      const [items, files] = [await count("feedback_item"), await count("feedback_attachment")];
      const words = `Words kept with ${name}`;
      const response = await post(context(), "/feedback", {
        respondent: "parent_carer",
        topic: "education",
        body: words,
        email: "sam@example.org",
        consent: "yes",
        attachment: { bytes, name: name.endsWith("png") ? "drawing.png" : "file", type: claimed },
      });
      expect(response.status).toBe(400);
      const data = await response.json();
      expect(data.errors).toEqual({ attachment: "errors.attachmentType" });
      expect(data.values).toMatchObject({
        respondent: "parent_carer",
        topic: "education",
        body: words,
        email: "sam@example.org",
        consent: "yes",
      });
      expect(data.values).not.toHaveProperty("attachment");
      expect(data.values).not.toHaveProperty("attachmentToken");
      expect([await count("feedback_item"), await count("feedback_attachment")]).toEqual([items, files]);
    });
  }

  it("refuses a picture over 10 MB, and a file over 25 MB (read and dropped), with a 400 and the words kept", async () => {
    const big = new Uint8Array(IMAGE_MAX_BYTES + 1);
    big.set(TINY_PNG);
    const picture = await post(context(), "/feedback/easy-read", {
      respondent: "young_person",
      body: "big picture",
      attachment: { bytes: big, name: "big.png", type: "image/png" },
    });
    expect(picture.status).toBe(400);
    expect(await picture.json()).toMatchObject({ errors: { attachment: "errors.attachmentTooLarge" }, values: { body: "big picture" } });

    const huge = new Uint8Array(RECORDING_MAX_BYTES + 1024);
    huge.set(accepted.mp4!.bytes);
    const before = await count("feedback_attachment");
    const video = await post(context(), "/feedback/easy-read", {
      respondent: "young_person",
      body: "huge video",
      attachment: { bytes: huge, name: "huge.mp4", type: "video/mp4" },
      // A field after the file still arrives.
      email: "after@example.org",
    });
    expect(video.status).toBe(400);
    expect(await video.json()).toMatchObject({
      errors: { attachment: "errors.attachmentTooLarge", consent: "errors.consentMissing" },
      values: { body: "huge video", email: "after@example.org" },
    });
    expect(await count("feedback_attachment")).toBe(before);
  });

  it("keeps a good file while a mistake is put right, then attaches it with the item; nothing is half-saved", async () => {
    const ctx = context();
    const first = await post(ctx, "/feedback/easy-read", {
      respondent: "",
      body: "kept with my drawing",
      attachment: { bytes: TINY_PNG, name: "Sam Smith drawing.png", type: "image/png" },
    });
    expect(first.status).toBe(400);
    const data = await first.json();
    expect(data.errors).toEqual({ respondent: "errors.easy.respondentMissing" });
    expect(data.values).toMatchObject({
      body: "kept with my drawing",
      attachmentKind: "drawing",
      attachmentSize: String(TINY_PNG.byteLength),
    });
    // The file's name is not kept anywhere, not even in the answer.
    expect(JSON.stringify(data)).not.toContain("Sam Smith");
    const token = data.values.attachmentToken as string;
    const pending = await db().selectFrom("feedback_attachment").selectAll().where("feedback_item_id", "is", null).execute();
    expect(pending.some((p) => p.pending_token === token)).toBe(false); // Only its hash is stored.
    expect(await findPending(db(), token, now)).toMatchObject({ kind: "drawing", byteSize: TINY_PNG.byteLength });

    const items = await count("feedback_item");
    const second = await post(ctx, "/feedback/easy-read", {
      respondent: "young_person",
      body: "kept with my drawing",
      attachmentToken: token,
    });
    expect(second.status).toBe(302);
    expect(await count("feedback_item")).toBe(items + 1);
    const item = await newestItem();
    expect(await attachmentsOf(item.id)).toMatchObject([{ kind: "drawing", pending_token: null }]);
    expect(await findPending(db(), token, now)).toBeUndefined();

    // The token is spent: sending it again is refused, with the words kept and nothing stored.
    const again = await post(ctx, "/feedback/easy-read", { respondent: "young_person", body: "once more", attachmentToken: token });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ errors: { attachment: "errors.attachmentExpired" }, values: { body: "once more" } });
    expect(await count("feedback_item")).toBe(items + 1);
  });

  it("removes a kept file when asked, and replaces it with a new one", async () => {
    const ctx = context();
    const first = await post(ctx, "/feedback/easy-read", {
      respondent: "",
      attachment: { bytes: TINY_PNG, name: "a.png", type: "image/png" },
    });
    const token = (await first.json()).values.attachmentToken as string;
    const removed = await post(ctx, "/feedback/easy-read", {
      respondent: "young_person",
      face: "2",
      attachmentToken: token,
      removeAttachment: "yes",
    });
    expect(removed.status).toBe(302);
    expect(await attachmentsOf((await newestItem()).id)).toEqual([]);
    expect(await findPending(db(), token, now)).toBeUndefined();

    const second = await post(ctx, "/feedback/easy-read", {
      respondent: "",
      attachment: { bytes: TINY_PNG, name: "a.png", type: "image/png" },
    });
    const old = (await second.json()).values.attachmentToken as string;
    const replaced = await post(ctx, "/feedback/easy-read", {
      respondent: "young_person",
      attachmentToken: old,
      attachment: { bytes: accepted.oggOpus!.bytes, name: "me.ogg", type: "audio/ogg" },
    });
    expect(replaced.status).toBe(302);
    expect(await attachmentsOf((await newestItem()).id)).toMatchObject([{ kind: "audio", media_type: "audio/ogg" }]);
    expect(await findPending(db(), old, now)).toBeUndefined();
  });

  it("forgets a pending file after a day, and a wrong token finds nothing", async () => {
    const { token } = await storePending(db(), { upload: { mediaType: "image/png", kind: "drawing", bytes: TINY_PNG }, now });
    expect(await findPending(db(), token, new Date(now.getTime() + PENDING_TTL_MS - 1000))).toBeDefined();
    expect(await findPending(db(), token, new Date(now.getTime() + PENDING_TTL_MS + 1000))).toBeUndefined();
    expect(await findPending(db(), "x".repeat(43), now)).toBeUndefined();
    expect(await findPending(db(), "<script>", now)).toBeUndefined();
    // Storing another one later sweeps the old one away.
    await storePending(db(), {
      upload: { mediaType: "image/png", kind: "drawing", bytes: TINY_PNG },
      now: new Date(now.getTime() + 2 * PENDING_TTL_MS),
    });
    expect(await findPending(db(), token, now)).toBeUndefined();
  });

  it("the database refuses an attachment that is neither an item's nor pending, or whose size is wrong", async () => {
    await expect(
      db()
        .insertInto("feedback_attachment")
        .values({ kind: "drawing", media_type: "image/png", byte_size: TINY_PNG.byteLength, content: TINY_PNG })
        .execute(),
    ).rejects.toThrow(/feedback_attachment_item_or_pending/);
    await expect(
      db()
        .insertInto("feedback_attachment")
        .values({ kind: "drawing", media_type: "image/png", byte_size: 1, content: TINY_PNG, pending_token: "abc" })
        .execute(),
    ).rejects.toThrow(/feedback_attachment_size_matches/);
  });

  it("erases the file with its item", async () => {
    await post(context(), "/feedback/easy-read", {
      respondent: "young_person",
      attachment: { bytes: TINY_PNG, name: "x.png", type: "image/png" },
    });
    const item = await newestItem();
    expect(await attachmentsOf(item.id)).toHaveLength(1);
    await db().deleteFrom("feedback_item").where("id", "=", item.id).execute();
    expect(await attachmentsOf(item.id)).toHaveLength(0);
  });

  it("stores nothing at all when the rate limit stops a send, and keeps the file for the next try", async () => {
    const ctx = context();
    const input = {
      format: "easy_read",
      respondent: "young_person",
      face: "3",
      body: "",
      email: "",
      consent: false,
    } as GeneralFeedbackInput;
    for (let i = 0; i < 10; i++) await sendGeneralFeedback(db(), { input, clientIp: ctx.clientIp, baseUrl: "http://localhost", now });
    const files = await count("feedback_attachment");
    const response = await post(ctx, "/feedback/easy-read", {
      respondent: "young_person",
      body: "too many",
      attachment: { bytes: TINY_PNG, name: "x.png", type: "image/png" },
    });
    expect(response.status).toBe(429);
    const data = await response.json();
    expect(data.values).toMatchObject({ body: "too many", attachmentKind: "drawing" });
    expect(await count("feedback_attachment")).toBe(files + 1);
    expect(await findPending(db(), data.values.attachmentToken, now)).toBeDefined();
  });

  // ---- Serving to staff ---------------------------------------------------------------

  async function sentItem(fields: Fields) {
    const response = await post(context(), "/feedback/easy-read", { respondent: "young_person", ...fields });
    expect(response.status).toBe(302);
    const item = await newestItem();
    const [file] = await attachmentsOf(item.id);
    return { item, file: file! };
  }

  async function get(path: string, cookie?: string) {
    const ctx = context();
    const url = new URL(`http://localhost${path}`);
    const [, , , id, , attachmentId] = url.pathname.split("/");
    try {
      return await attachmentLoader({
        request: new Request(url, { headers: cookie ? { cookie } : {} }),
        context: ctx,
        params: { id: id!, attachmentId: attachmentId! },
      });
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  }

  it("serves a file to an officer as a download, with its detected type and headers no browser will run", async () => {
    const { item, file } = await sentItem({ attachment: { bytes: TINY_PNG, name: "evil.html", type: "text/html" } });
    const { cookie } = await signedInAs(context(), "officer");
    const response = await get(`/admin/feedback/${item.id}/attachments/${file.id}`, cookie);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "image/png",
      "content-disposition": `attachment; filename="${item.reference}-drawing.png"`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
      "content-security-policy": "sandbox; default-src 'none'",
    });
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(TINY_PNG))).toBe(true);

    const inline = await get(`/admin/feedback/${item.id}/attachments/${file.id}?inline=1`, cookie);
    expect(inline.headers.get("content-disposition")).toBe(`inline; filename="${item.reference}-drawing.png"`);
    expect(inline.headers.get("content-security-policy")).toBe("sandbox; default-src 'none'");
    expect(inline.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("never shows a recording inline, and lists files (without their bytes) on the triage page", async () => {
    const { item, file } = await sentItem({ attachment: { bytes: accepted.webmVideo!.bytes, name: "v.webm", type: "video/webm" } });
    const ctx = context();
    const { cookie } = await signedInAs(ctx, "officer");
    const response = await get(`/admin/feedback/${item.id}/attachments/${file.id}?inline=1`, cookie);
    expect(response.headers.get("content-type")).toBe("video/webm");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename=".*-video\.webm"$/);

    const page = (await triageLoader({
      request: new Request(`http://localhost/admin/feedback/${item.id}`, { headers: { cookie } }),
      context: ctx,
      params: { id: item.id },
    })) as Response;
    const data = await page.json();
    expect(data.attachments).toEqual([
      { id: file.id, kind: "video", byteSize: accepted.webmVideo!.bytes.byteLength, mediaType: "video/webm", showInline: false },
    ]);
  });

  it("serves nothing of an item flagged for safeguarding, of another group's item, or to someone signed out", async () => {
    const { item, file } = await sentItem({
      body: "My friend wants to kill himself",
      attachment: { bytes: TINY_PNG, name: "x.png", type: "image/png" },
    });
    const flagged = await db().selectFrom("safeguarding_flag").select("id").where("feedback_item_id", "=", item.id).executeTakeFirst();
    expect(flagged).toBeDefined();
    const { cookie } = await signedInAs(context(), "officer");
    const refused = await get(`/admin/feedback/${item.id}/attachments/${file.id}`, cookie);
    expect(refused.status).toBe(404);
    expect(refused.headers.get("x-content-type-options")).toBe("nosniff");
    expect(refused.headers.get("content-security-policy")).toBe("sandbox; default-src 'none'");

    const other = await sentItem({ attachment: { bytes: TINY_PNG, name: "x.png", type: "image/png" } });
    const group = await db().selectFrom("working_group").select("id").orderBy("number").executeTakeFirstOrThrow();
    const member = await signedInAs(context(), "group_member", { workingGroupIds: [group.id] });
    expect((await get(`/admin/feedback/${other.item.id}/attachments/${other.file.id}`, member.cookie)).status).toBe(404);
    await db().updateTable("feedback_item").set({ working_group_id: group.id }).where("id", "=", other.item.id).execute();
    expect((await get(`/admin/feedback/${other.item.id}/attachments/${other.file.id}`, member.cookie)).status).toBe(200);

    // A file id from another item is not found through this one.
    expect((await get(`/admin/feedback/${other.item.id}/attachments/${file.id}`, cookie)).status).toBe(404);
    expect((await get(`/admin/feedback/${other.item.id}/attachments/${other.file.id}`)).status).toBe(302);
  });
});
