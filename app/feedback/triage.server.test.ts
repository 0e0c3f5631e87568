import { beforeAll, expect, it } from "vitest";
import { seedReferenceData } from "../../db/seed";
import { seedDemoArea } from "../../db/seed/area";
import { describeDb } from "../../tests/setup/database";
import { listGeneralFeedback, sendGeneralFeedback, type GeneralFeedbackInput } from "./general.server";
import { addNote, assignGroup, changeStatus, getTriageItem, setLinks } from "./triage.server";

describeDb("triage of feedback", ({ db }) => {
  const now = new Date("2026-11-23T10:00:00Z");
  const officer = { role: "officer", workingGroupIds: [] as number[] };
  let by: { userId: string; requestId: string };
  let groups: Record<string, number>;
  let memberId: string;
  let ipCounter = 0;

  beforeAll(async () => {
    await seedReferenceData(db());
    await seedDemoArea(db());
    const rows = await db().selectFrom("working_group").select(["id", "slug"]).execute();
    groups = Object.fromEntries(rows.map((g) => [g.slug, g.id]));
    const user = await db()
      .insertInto("app_user")
      .values({ email: "officer@example.org", name: "Olu Officer", role: "officer", password_hash: "x" })
      .returning("id")
      .executeTakeFirstOrThrow();
    by = { userId: user.id, requestId: "test" };
    const member = await db()
      .insertInto("app_user")
      .values({ email: "member@example.org", name: "Mo Member", role: "group_member", password_hash: "x" })
      .returning("id")
      .executeTakeFirstOrThrow();
    memberId = member.id;
    await db()
      .insertInto("user_working_group")
      .values({ user_id: member.id, working_group_id: groups["identifying-and-meeting-need"]! })
      .execute();
  });

  async function send(body: string, over: Partial<GeneralFeedbackInput> = {}) {
    const input = {
      format: "standard",
      respondent: "parent_carer",
      district: "",
      topic: undefined,
      body,
      email: "",
      consent: false,
      ...over,
    } as GeneralFeedbackInput;
    const result = await sendGeneralFeedback(db(), { input, clientIp: `203.0.113.${++ipCounter}`, baseUrl: "https://portal.example", now });
    if (!result.ok) throw new Error("not sent");
    return (await db().selectFrom("feedback_item").select("id").where("reference", "=", result.reference).executeTakeFirstOrThrow()).id;
  }

  it("suggests the group whose actions address what the words point at", async () => {
    const id = await send("We have waited 18 months for an autism diagnosis and nobody can tell us why");
    const view = await getTriageItem(db(), id, officer);
    const suggested = view?.groups.find((g) => g.id === view.suggestion.groupId);
    expect(view?.suggestion.matched).toEqual(expect.arrayContaining(["autism", "diagnosis"]));
    const autism = view?.concerns.find((c) => c.number === 7);
    expect(view?.suggestion.concernIds[0]).toBe(autism?.id);
    expect(suggested).toBeDefined();
    // The suggestion is only a suggestion: nothing was assigned or linked.
    expect(view?.item.workingGroupId).toBeNull();
    expect(view?.concernIds).toEqual([]);
  });

  it("gives an item to a group: it moves to 'with a working group', members are emailed a link without the words, and the history says who", async () => {
    const id = await send("Secret words about our EHC plan");
    expect(
      await assignGroup(db(), { id, groupId: groups["identifying-and-meeting-need"]!, by, now, origin: "https://portal.example" }),
    ).toEqual({ ok: true });
    const item = await db()
      .selectFrom("feedback_item")
      .select(["status", "working_group_id"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(item).toEqual({ status: "with_group", working_group_id: groups["identifying-and-meeting-need"] });
    const mail = await db()
      .selectFrom("outbox")
      .selectAll()
      .where("kind", "=", "feedback.assigned")
      .where("to_address", "=", "member@example.org")
      .execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.body_text).toContain(`https://portal.example/admin/feedback/${id}`);
    expect(mail[0]!.body_text).not.toContain("Secret words");
    const view = await getTriageItem(db(), id, officer);
    expect(view?.history.map((e) => [e.kind, e.from_status, e.to_status, e.by_name])).toEqual([
      ["assigned", "received", "with_group", "Olu Officer"],
    ]);
    // The same group again changes nothing and says so.
    expect(await assignGroup(db(), { id, groupId: groups["identifying-and-meeting-need"]!, by, now, origin: "" })).toMatchObject({
      ok: false,
      errors: { group: "triage.errors.groupSame" },
    });
  });

  it("lets a group member see their groups' items only", async () => {
    const theirs = await send("For the member's group");
    const other = await send("For another group");
    await assignGroup(db(), { id: theirs, groupId: groups["identifying-and-meeting-need"]!, by, now, origin: "" });
    await assignGroup(db(), { id: other, groupId: groups["strategy"]!, by, now, origin: "" });
    const member = { role: "group_member", workingGroupIds: [groups["identifying-and-meeting-need"]!] };
    expect(await getTriageItem(db(), theirs, member)).toBeDefined();
    expect(await getTriageItem(db(), other, member)).toBeUndefined();
    const list = await listGeneralFeedback(db(), { onlyGroups: member.workingGroupIds, today: "2026-11-23", limit: 100, offset: 0 });
    expect(list.rows.map((r) => r.id)).toContain(theirs);
    expect(list.rows.map((r) => r.id)).not.toContain(other);
    expect(memberId).toBeTruthy();
  });

  it("changes status by the rules, keeping the note in the history", async () => {
    const id = await send("Please can someone call me");
    expect(await changeStatus(db(), { id, to: "with_group", note: "", by, now })).toMatchObject({
      ok: false,
      errors: { status: "triage.errors.statusNoGroup" },
    });
    expect(await changeStatus(db(), { id, to: "signposted", note: "", by, now })).toMatchObject({
      ok: false,
      errors: { statusNote: "triage.errors.signpostNote" },
    });
    expect(await changeStatus(db(), { id, to: "signposted", note: "Gave the number of the SENDIASS helpline", by, now })).toEqual({
      ok: true,
    });
    const view = await getTriageItem(db(), id, officer);
    expect(view?.item.step).toBe("signposted");
    expect(view?.history[0]).toMatchObject({
      kind: "status",
      from_status: "received",
      to_status: "signposted",
      note: "Gave the number of the SENDIASS helpline",
    });
  });

  it("links areas of concern and themes only as an officer confirms them, and keeps notes", async () => {
    const id = await send("The local offer website is out of date");
    const view = await getTriageItem(db(), id, officer);
    const localOffer = view!.concerns.find((c) => c.number === 12)!;
    expect(await setLinks(db(), { id, concernIds: [localOffer.id], themes: "Website, out-of-date information", by, now })).toEqual({
      ok: true,
    });
    expect(await setLinks(db(), { id, concernIds: [999_999], themes: "", by, now })).toMatchObject({
      ok: false,
      errors: { concerns: "triage.errors.concernUnknown" },
    });
    expect(await addNote(db(), { id, note: "  ", by, now })).toMatchObject({ ok: false, errors: { note: "triage.errors.noteMissing" } });
    expect(await addNote(db(), { id, note: "Asked the local offer team to check", by, now })).toEqual({ ok: true });
    const after = await getTriageItem(db(), id, officer);
    expect(after?.concernIds).toEqual([localOffer.id]);
    expect(after?.item.themes).toEqual(["website", "out of date information"]);
    expect(after?.history.map((e) => e.kind).sort()).toEqual(["linked", "note"]);
    const audit = await db().selectFrom("audit_log").select(["action", "details"]).where("subject_id", "=", id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(["feedback.linked", "feedback.note"]);
    expect(JSON.stringify(audit)).not.toContain("Asked the local offer team");
  });

  it("links improvement-plan actions with areas and tasks, lists every action by group (the item's first), and the history names what was linked", async () => {
    const id = await send("Nobody replies to parents after forum meetings");
    await assignGroup(db(), { id, groupId: groups["engagement"]!, by, now, origin: "" });
    const view = await getTriageItem(db(), id, officer);
    // Every action of the plan is offered, each once, the item's own group's first.
    expect(view?.actionGroups[0]).toMatchObject({ groupId: groups["engagement"], groupName: "Engagement" });
    const letters = view!.actionGroups.flatMap((g) => g.actions.map((a) => a.letter));
    const all = await db().selectFrom("action").select("letter").execute();
    expect([...letters].sort()).toEqual(all.map((a) => a.letter).sort());
    expect(view!.actionGroups[0]!.actions.map((a) => a.letter)).toContain("H");
    const h = view!.actionGroups[0]!.actions.find((a) => a.letter === "H")!;
    const strategyAction = view!.actionGroups.find((g) => g.groupId === groups["strategy"])!.actions[0]!;
    const h4 = view!.tasks.find((t) => t.code === "H4")!;
    const four = view!.concerns.find((c) => c.number === 4)!;

    const later = new Date(now.getTime() + 60_000);
    expect(
      await setLinks(db(), {
        id,
        concernIds: [four.id],
        actionIds: [h.id, strategyAction.id],
        taskIds: [h4.id],
        themes: "replies",
        by,
        now: later,
      }),
    ).toEqual({ ok: true });
    const after = await getTriageItem(db(), id, officer);
    expect([...after!.actionIds].sort()).toEqual([h.id, strategyAction.id].sort());
    expect(after?.taskIds).toEqual([h4.id]);
    expect(after?.history[0]).toMatchObject({
      kind: "linked",
      links: { concerns: [4], actions: [strategyAction.letter, "H"].sort(), tasks: ["H4"], themes: ["replies"] },
    });

    // An unknown action is named, and nothing changes.
    expect(await setLinks(db(), { id, concernIds: [], actionIds: [999_999], taskIds: [], themes: "", by, now })).toMatchObject({
      ok: false,
      errors: { actions: "feedback-loop:links.errors.actionUnknown" },
    });
    expect((await getTriageItem(db(), id, officer))?.actionIds).toHaveLength(2);

    // Unticking everything unlinks the actions too.
    expect(await setLinks(db(), { id, concernIds: [], themes: "", by, now: new Date(later.getTime() + 60_000) })).toEqual({ ok: true });
    const cleared = await getTriageItem(db(), id, officer);
    expect(cleared?.actionIds).toEqual([]);
    expect(cleared?.history[0]?.links).toEqual({ concerns: [], actions: [], tasks: [], themes: [] });
  });

  it("cannot reach an item flagged for safeguarding", async () => {
    const id = await send("He said he wants to kill himself");
    expect(await getTriageItem(db(), id, officer)).toBeUndefined();
    expect(await addNote(db(), { id, note: "Looking", by, now })).toEqual({ ok: false, reason: "not-found" });
    expect(await assignGroup(db(), { id, groupId: groups["strategy"]!, by, now, origin: "" })).toEqual({ ok: false, reason: "not-found" });
  });
});
