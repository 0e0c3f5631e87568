import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoArea } from "../../db/seed/area";
import { describeDb } from "../../tests/setup/database";
import { createService, readServiceContent } from "./content.server";
import {
  approveProposal,
  changeStatus,
  confirmStillCorrect,
  countPendingProposals,
  createDraftService,
  getEditingContent,
  getProposal,
  getServiceOverview,
  getVersion,
  hideService,
  listPendingProposals,
  listServices,
  listVersions,
  rejectProposal,
  saveSection,
  setReviewDate,
  submitProposal,
  unhideService,
  withdrawProposal,
  type Actor,
} from "./editing.server";
import { emptyServiceContent, type ServiceContent } from "./model";
import { listReviewQueue, reviewCounts } from "./reviews.server";

const NOW = new Date("2026-11-23T10:00:00Z");
const TODAY = "2026-11-23";
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

describeDb("editing the local offer", ({ db }) => {
  let editor: Actor;
  let provider: Actor;
  let otherProvider: Actor;
  let orphanProvider: Actor;
  let orgId: string;
  let otherOrgId: string;
  let counter = 0;

  const content = (name: string): ServiceContent => ({
    ...emptyServiceContent(),
    name,
    summary: "The first summary.",
    ageMin: 0,
    ageMax: 4,
    phases: ["early_years"],
    needs: ["autism"],
    districts: ["chorley"],
    categories: ["early-years"],
    delivery: ["in_person"],
  });

  /** A published entry of the provider's organisation, last reviewed at `reviewedAt`. */
  async function publishedService(options: { org?: string; reviewedAt?: Date | null; dueOn?: string | null } = {}) {
    counter += 1;
    const name = `Editing test ${counter}`;
    const id = await db()
      .transaction()
      .execute((trx) => createService(trx, { slug: `editing-test-${counter}`, organisationId: options.org ?? orgId, content: content(name), status: "published" }));
    const reviewedAt = options.reviewedAt === undefined ? new Date("2026-10-01T09:00:00Z") : options.reviewedAt;
    await db()
      .updateTable("service")
      .set({
        last_reviewed_at: reviewedAt,
        review_due_on: options.dueOn === undefined ? (reviewedAt ? "2027-04-01" : null) : options.dueOn,
        published_at: new Date("2024-01-01T09:00:00Z"),
      })
      .where("id", "=", id)
      .execute();
    return { id, name };
  }

  async function serviceRow(id: string) {
    return db().selectFrom("service").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  }

  async function auditActions(subjectId: string) {
    const rows = await db().selectFrom("audit_log").select("action").where("subject_id", "=", subjectId).orderBy("id").execute();
    return rows.map((r) => r.action);
  }

  beforeAll(async () => {
    await seedDemoArea(db());
    const [org, other] = await db()
      .insertInto("organisation")
      .values([{ name: "Editing test nursery" }, { name: "Editing test other org" }])
      .returning("id")
      .execute();
    orgId = org!.id;
    otherOrgId = other!.id;
    const users = await db()
      .insertInto("app_user")
      .values([
        { email: "editing-officer@test.local", name: "Test officer", role: "officer", password_hash: null },
        { email: "editing-provider@test.local", name: "Test provider", role: "provider", password_hash: null, organisation_id: orgId },
        { email: "editing-other@test.local", name: "Other provider", role: "provider", password_hash: null, organisation_id: otherOrgId },
        { email: "editing-orphan@test.local", name: "Provider without organisation", role: "provider", password_hash: null },
      ])
      .returning(["id", "role", "organisation_id"])
      .execute();
    const actor = (i: number): Actor => ({ userId: users[i]!.id, role: users[i]!.role, organisationId: users[i]!.organisation_id, requestId: "req-editing" });
    [editor, provider, otherProvider, orphanProvider] = [actor(0), actor(1), actor(2), actor(3)];
  });

  describe("creating a draft", () => {
    it("makes a draft with a unique slug from its name, in the provider's own organisation", async () => {
      const first = await createDraftService(db(), { actor: provider, name: "Little Owls Stay & Play", organisationId: otherOrgId, now: NOW });
      const second = await createDraftService(db(), { actor: editor, name: "Little Owls Stay & Play", organisationId: otherOrgId, now: NOW });
      if (!first.ok || !second.ok) throw new Error("expected both drafts to be made");
      expect(first.slug).toBe("little-owls-stay-and-play");
      expect(second.slug).toBe("little-owls-stay-and-play-2");
      expect(await serviceRow(first.id)).toMatchObject({ status: "draft", organisation_id: orgId, version: 1, last_reviewed_at: null });
      expect((await serviceRow(second.id)).organisation_id).toBe(otherOrgId);
      expect(await auditActions(first.id)).toEqual(["service.created"]);
    });

    it("asks an editor to choose a real organisation, and refuses a provider without one", async () => {
      expect(await createDraftService(db(), { actor: editor, name: "No org", now: NOW })).toEqual({
        ok: false,
        reason: "invalid",
        errors: { organisation: "errors.organisationRequired" },
      });
      expect(await createDraftService(db(), { actor: editor, name: "No org", organisationId: "00000000-0000-4000-8000-000000000000", now: NOW })).toMatchObject({
        ok: false,
        reason: "invalid",
      });
      expect(await createDraftService(db(), { actor: orphanProvider, name: "No org", now: NOW })).toEqual({ ok: false, reason: "forbidden" });
    });
  });

  describe("a provider's new entry", () => {
    it("is edited straight away, sent for approval, and published only by an editor, which counts as a review", async () => {
      const created = await createDraftService(db(), { actor: provider, name: "New provider entry", now: NOW });
      if (!created.ok) throw new Error("expected a draft");
      const id = created.id;

      // Without a summary it cannot be sent yet.
      expect(await changeStatus(db(), { actor: provider, id, transition: "submit", now: NOW })).toEqual({
        ok: false,
        reason: "invalid",
        errors: { status: "errors.summaryNeededToSubmit" },
      });
      expect(await saveSection(db(), { actor: provider, id, patch: { name: "New provider entry", summary: "Saturday play." }, now: NOW })).toEqual({
        ok: true,
        saved: "service",
      });
      expect((await readServiceContent(db(), id))?.summary).toBe("Saturday play.");

      expect(await changeStatus(db(), { actor: provider, id, transition: "publish", now: NOW })).toEqual({ ok: false, reason: "forbidden" });
      expect(await changeStatus(db(), { actor: provider, id, transition: "submit", now: NOW })).toEqual({ ok: true, status: "awaiting_approval" });
      expect(await changeStatus(db(), { actor: provider, id, transition: "submit", now: NOW })).toMatchObject({ ok: false, reason: "invalid" });

      expect(await changeStatus(db(), { actor: editor, id, transition: "publish", now: later(5) })).toEqual({ ok: true, status: "published" });
      const row = await serviceRow(id);
      expect(row).toMatchObject({ status: "published", version: 1, review_due_on: "2027-05-23", last_reviewed_by: editor.userId });
      expect(row.published_at).toEqual(later(5));
      expect(row.last_reviewed_at).toEqual(later(5));
      const versions = await listVersions(db(), { id, actor: provider });
      expect(versions?.versions.map((v) => [v.version, v.note, v.created_by_name])).toEqual([[1, "published", "Test officer"]]);
      expect(await auditActions(id)).toEqual(["service.created", "service.edited", "service.submit", "service.publish"]);
    });

    it("can be archived and restored to draft by an editor only; an archived entry cannot be edited", async () => {
      const { id } = await publishedService();
      expect(await changeStatus(db(), { actor: provider, id, transition: "archive", now: NOW })).toEqual({ ok: false, reason: "forbidden" });
      expect(await changeStatus(db(), { actor: editor, id, transition: "archive", now: NOW })).toEqual({ ok: true, status: "archived" });
      expect(await saveSection(db(), { actor: editor, id, patch: { summary: "x" }, now: NOW })).toEqual({
        ok: false,
        reason: "invalid",
        errors: { form: "errors.archivedNotEditable" },
      });
      expect(await changeStatus(db(), { actor: editor, id, transition: "publish", now: NOW })).toMatchObject({ ok: false, reason: "invalid" });
      expect(await changeStatus(db(), { actor: editor, id, transition: "restore", now: NOW })).toEqual({ ok: true, status: "draft" });
    });
  });

  describe("a provider's change to a published entry", () => {
    it("waits for approval; approval publishes it as a new version and moves 'Checked on'", async () => {
      const { id } = await publishedService();
      const before = await serviceRow(id);

      expect(await saveSection(db(), { actor: provider, id, patch: { summary: "A better summary." }, now: NOW })).toEqual({ ok: true, saved: "proposal" });
      // Families still see the old words.
      expect((await readServiceContent(db(), id))?.summary).toBe("The first summary.");
      const editing = await getEditingContent(db(), { id, actor: provider });
      expect(editing).toMatchObject({ mode: "proposal", proposalState: "draft", content: { summary: "A better summary." } });

      // A second section goes into the same proposal.
      await saveSection(db(), { actor: provider, id, patch: { costDetail: "Free for families on benefits", cost: "varies" }, now: NOW });
      const overview = await getServiceOverview(db(), { id, actor: provider, today: TODAY });
      expect(overview?.proposal).toMatchObject({ state: "draft", stale: false, content: { summary: "A better summary.", cost: "varies" } });
      expect(await countPendingProposals(db())).toBe(0);

      expect(await submitProposal(db(), { actor: provider, serviceId: id, now: later(1) })).toEqual({ ok: true });
      const pending = (await listPendingProposals(db())).find((p) => p.service_id === id);
      expect(pending).toMatchObject({ organisation_name: "Editing test nursery", proposed_by_name: "Test provider", stale: false });
      expect(pending?.proposed_at).toEqual(later(1));

      // Only editors decide.
      expect(await approveProposal(db(), { actor: provider, id: pending!.id, now: later(2) })).toEqual({ ok: false, reason: "forbidden" });

      const proposal = await getProposal(db(), { id: pending!.id, actor: editor });
      expect(proposal).toMatchObject({ state: "pending", stale: false, current: { summary: "The first summary." }, content: { summary: "A better summary." } });

      const approved = await approveProposal(db(), { actor: editor, id: pending!.id, now: later(10) });
      expect(approved).toEqual({ ok: true, serviceId: id, version: 2 });
      expect(await readServiceContent(db(), id)).toMatchObject({ summary: "A better summary.", cost: "varies", costDetail: "Free for families on benefits" });
      const after = await serviceRow(id);
      expect(after).toMatchObject({ version: 2, last_reviewed_by: editor.userId, review_due_on: "2027-05-23" });
      expect(after.last_reviewed_at).toEqual(later(10));
      expect(before.last_reviewed_at).not.toEqual(after.last_reviewed_at);
      const reviews = await db().selectFrom("service_review").select(["kind", "reviewed_by"]).where("service_id", "=", id).execute();
      expect(reviews).toEqual([{ kind: "change_approved", reviewed_by: editor.userId }]);
      const version = await getVersion(db(), { id, version: "2", actor: provider });
      expect(version?.version).toMatchObject({ note: "change_approved", content: { summary: "A better summary." } });
      expect((await getServiceOverview(db(), { id, actor: provider, today: TODAY }))?.proposal).toBeNull();

      // Deciding twice is refused.
      expect(await approveProposal(db(), { actor: editor, id: pending!.id, now: later(11) })).toMatchObject({
        ok: false,
        errors: { decision: "errors.proposalNotPending" },
      });
      const proposalAudit = await auditActions(pending!.id);
      expect(proposalAudit).toEqual(["service.proposal-submitted", "service.proposal-approved"]);
    });

    it("when rejected, keeps the entry as it was and shows the provider the reason", async () => {
      const { id } = await publishedService();
      await saveSection(db(), { actor: provider, id, patch: { summary: "Wrong words." }, now: NOW });
      await submitProposal(db(), { actor: provider, serviceId: id, now: NOW });
      const overview = await getServiceOverview(db(), { id, actor: editor, today: TODAY });
      const proposalId = overview!.proposal!.id;

      expect(await rejectProposal(db(), { actor: editor, id: proposalId, reason: "  ", now: later(1) })).toEqual({
        ok: false,
        reason: "invalid",
        errors: { reason: "errors.reasonRequired" },
      });
      expect(await rejectProposal(db(), { actor: editor, id: proposalId, reason: "The summary must say who it is for.", now: later(1) })).toEqual({
        ok: true,
        serviceId: id,
      });
      expect((await readServiceContent(db(), id))?.summary).toBe("The first summary.");
      const seen = await getServiceOverview(db(), { id, actor: provider, today: TODAY });
      expect(seen?.proposal).toBeNull();
      expect(seen?.lastDecision).toMatchObject({ state: "rejected", reason: "The summary must say who it is for." });
      expect((await serviceRow(id)).last_reviewed_at).toEqual(new Date("2026-10-01T09:00:00Z"));
      expect((await getProposal(db(), { id: proposalId, actor: provider }))?.reason).toBe("The summary must say who it is for.");
    });

    it("goes back to draft when changed after sending, and can be withdrawn", async () => {
      const { id } = await publishedService();
      await saveSection(db(), { actor: provider, id, patch: { summary: "One." }, now: NOW });
      await submitProposal(db(), { actor: provider, serviceId: id, now: NOW });
      await saveSection(db(), { actor: provider, id, patch: { summary: "Two." }, now: NOW });
      expect((await getServiceOverview(db(), { id, actor: provider, today: TODAY }))?.proposal).toMatchObject({ state: "draft", content: { summary: "Two." } });
      expect(await submitProposal(db(), { actor: provider, serviceId: id, now: NOW })).toEqual({ ok: true });
      expect(await submitProposal(db(), { actor: provider, serviceId: id, now: NOW })).toEqual({
        ok: false,
        reason: "invalid",
        errors: { proposal: "errors.noDraftProposal" },
      });
      expect(await withdrawProposal(db(), { actor: provider, serviceId: id, now: NOW })).toEqual({ ok: true });
      expect((await getServiceOverview(db(), { id, actor: provider, today: TODAY }))?.proposal).toBeNull();
    });

    it("is marked stale when the entry changes after it was started, and approval still applies what the editor saw", async () => {
      const { id } = await publishedService();
      await saveSection(db(), { actor: provider, id, patch: { summary: "Provider's words." }, now: NOW });
      await submitProposal(db(), { actor: provider, serviceId: id, now: NOW });
      expect(await saveSection(db(), { actor: editor, id, patch: { description: "Editor's description." }, now: later(1) })).toEqual({
        ok: true,
        saved: "version",
        version: 2,
      });
      const pending = (await listPendingProposals(db())).find((p) => p.service_id === id)!;
      expect(pending.stale).toBe(true);
      const proposal = await getProposal(db(), { id: pending.id, actor: editor });
      expect(proposal).toMatchObject({ stale: true, current: { description: "Editor's description." }, content: { description: "" } });
      expect(await approveProposal(db(), { actor: editor, id: pending.id, now: later(2) })).toEqual({ ok: true, serviceId: id, version: 3 });
      expect(await readServiceContent(db(), id)).toMatchObject({ summary: "Provider's words.", description: "" });
    });

    it("cannot be approved once the entry is no longer published", async () => {
      const { id } = await publishedService();
      await saveSection(db(), { actor: provider, id, patch: { summary: "Later." }, now: NOW });
      await submitProposal(db(), { actor: provider, serviceId: id, now: NOW });
      await changeStatus(db(), { actor: editor, id, transition: "unpublish", now: NOW });
      const pending = (await listPendingProposals(db())).find((p) => p.service_id === id)!;
      expect(await approveProposal(db(), { actor: editor, id: pending.id, now: NOW })).toEqual({
        ok: false,
        reason: "invalid",
        errors: { decision: "errors.serviceNotPublished" },
      });
    });
  });

  describe("an editor's edit of a published entry", () => {
    it("publishes a new version but leaves 'Checked on' alone, unless they say they checked the whole entry", async () => {
      const { id } = await publishedService();
      const before = await serviceRow(id);
      expect(await saveSection(db(), { actor: editor, id, patch: { summary: "Edited." }, now: later(1) })).toEqual({ ok: true, saved: "version", version: 2 });
      const edited = await serviceRow(id);
      expect(edited.last_reviewed_at).toEqual(before.last_reviewed_at);
      expect(edited.review_due_on).toBe(before.review_due_on);
      expect((await readServiceContent(db(), id))?.summary).toBe("Edited.");

      expect(await saveSection(db(), { actor: editor, id, patch: { summary: "Edited and checked." }, checked: true, now: later(2) })).toEqual({
        ok: true,
        saved: "version",
        version: 3,
      });
      const checked = await serviceRow(id);
      expect(checked.last_reviewed_at).toEqual(later(2));
      expect(checked.review_due_on).toBe("2027-05-23");
      const history = await listVersions(db(), { id, actor: editor });
      expect(history?.versions.map((v) => [v.version, v.note])).toEqual([
        [3, "edited_checked"],
        [2, "edited"],
        [1, "earlier"],
      ]);
      // The earlier version is what families saw before the first edit.
      expect((await getVersion(db(), { id, version: "1", actor: editor }))?.version.content.summary).toBe("The first summary.");
      expect(await auditActions(id)).toEqual(["service.edited", "service.edited"]);
    });
  });

  describe("scoping", () => {
    it("hides another organisation's entries and proposals from a provider, whatever they try", async () => {
      const { id, name } = await publishedService({ org: otherOrgId });
      await saveSection(db(), { actor: otherProvider, id, patch: { summary: "Their change." }, now: NOW });
      await submitProposal(db(), { actor: otherProvider, serviceId: id, now: NOW });
      const proposalId = (await listPendingProposals(db())).find((p) => p.service_id === id)!.id;
      const notFound = { ok: false, reason: "not-found" };

      expect(await getServiceOverview(db(), { id, actor: provider, today: TODAY })).toBeUndefined();
      expect(await getEditingContent(db(), { id, actor: provider })).toBeUndefined();
      expect(await listVersions(db(), { id, actor: provider })).toBeUndefined();
      expect(await getProposal(db(), { id: proposalId, actor: provider })).toBeUndefined();
      expect(await saveSection(db(), { actor: provider, id, patch: { summary: "Sneaky." }, now: NOW })).toEqual(notFound);
      expect(await submitProposal(db(), { actor: provider, serviceId: id, now: NOW })).toEqual(notFound);
      expect(await withdrawProposal(db(), { actor: provider, serviceId: id, now: NOW })).toEqual(notFound);
      expect(await changeStatus(db(), { actor: provider, id, transition: "submit", now: NOW })).toEqual(notFound);
      expect(await confirmStillCorrect(db(), { actor: provider, id, now: NOW })).toEqual(notFound);
      const names = (await listServices(db(), { actor: provider, today: TODAY, filters: { pageSize: 1000 } })).rows.map((r) => r.name);
      expect(names).not.toContain(name);
      expect((await listReviewQueue(db(), { actor: provider, today: TODAY })).hidden.map((r) => r.id)).not.toContain(id);

      // Their own provider and editors see it; the proposal is untouched.
      expect(await getServiceOverview(db(), { id, actor: otherProvider, today: TODAY })).toBeDefined();
      expect(await getProposal(db(), { id: proposalId, actor: editor })).toMatchObject({ state: "pending", content: { summary: "Their change." } });
      expect((await readServiceContent(db(), id))?.summary).toBe("The first summary.");
    });

    it("shows a provider without an organisation nothing, and treats bad ids as not found", async () => {
      const { id } = await publishedService();
      expect(await getServiceOverview(db(), { id, actor: orphanProvider, today: TODAY })).toBeUndefined();
      expect((await listServices(db(), { actor: orphanProvider, today: TODAY })).total).toBe(0);
      for (const bad of ["not-a-uuid", "", undefined, "00000000-0000-4000-8000-000000000000"]) {
        expect(await getServiceOverview(db(), { id: bad, actor: editor, today: TODAY })).toBeUndefined();
        expect(await getProposal(db(), { id: bad, actor: editor })).toBeUndefined();
      }
      expect(await getVersion(db(), { id, version: "abc", actor: editor })).toBeUndefined();
      expect(await getVersion(db(), { id, version: "99", actor: editor })).toBeUndefined();
    });
  });

  describe("listing", () => {
    it("searches by name, filters by status and review state, and pages", async () => {
      const overdue = await publishedService({ reviewedAt: new Date("2026-03-01T12:00:00Z"), dueOn: "2026-09-01" });
      await db().updateTable("service").set({ name: "Zz listing overdue" }).where("id", "=", overdue.id).execute();
      const all = await listServices(db(), { actor: editor, today: TODAY, filters: { query: "zz listing", pageSize: 1000 } });
      expect(all.rows.map((r) => [r.name, r.reviewState])).toEqual([["Zz listing overdue", "overdue"]]);
      const byState = await listServices(db(), { actor: provider, today: TODAY, filters: { review: "overdue", pageSize: 1000 } });
      expect(byState.rows.map((r) => r.id)).toContain(overdue.id);
      expect(byState.rows.every((r) => r.reviewState === "overdue")).toBe(true);
      const drafts = await listServices(db(), { actor: editor, today: TODAY, filters: { status: "draft", pageSize: 1000 } });
      expect(drafts.rows.every((r) => r.status === "draft" && r.reviewState === null)).toBe(true);
      const paged = await listServices(db(), { actor: editor, today: TODAY, filters: { pageSize: 2, page: 2 } });
      expect(paged).toMatchObject({ page: 2, totalPages: Math.ceil(paged.total / 2) });
      expect(paged.rows).toHaveLength(2);
      const pastTheEnd = await listServices(db(), { actor: editor, today: TODAY, filters: { pageSize: 2, page: 999 } });
      expect(pastTheEnd.page).toBe(pastTheEnd.totalPages);
      expect((await listServices(db(), { actor: editor, today: TODAY, filters: { query: "100%_" } })).total).toBe(0);
    });
  });

  describe("reviews", () => {
    it("queues escalated, overdue and due-soon entries; 'still correct' takes one step and takes an entry off", async () => {
      const escalated = await publishedService({ reviewedAt: new Date("2025-09-01T12:00:00Z"), dueOn: "2026-03-01" });
      const overdue = await publishedService({ reviewedAt: new Date("2026-04-01T12:00:00Z"), dueOn: "2026-10-01" });
      const dueSoon = await publishedService({ reviewedAt: new Date("2026-06-10T12:00:00Z"), dueOn: "2026-12-10" });
      const neverReviewed = await publishedService({ reviewedAt: null });
      const queue = await listReviewQueue(db(), { actor: provider, today: TODAY });
      const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
      expect(ids(queue.escalated)).toEqual(expect.arrayContaining([escalated.id, neverReviewed.id]));
      expect(ids(queue.overdue)).toContain(overdue.id);
      expect(ids(queue.dueSoon)).toContain(dueSoon.id);
      const counts = await reviewCounts(db(), { actor: provider, today: TODAY });
      expect(counts.overdue).toBe(queue.overdue.length);

      expect(await confirmStillCorrect(db(), { actor: provider, id: overdue.id, now: NOW })).toMatchObject({ ok: true, reviewDueOn: "2027-05-23" });
      const row = await serviceRow(overdue.id);
      expect(row.last_reviewed_at).toEqual(NOW);
      expect(row.last_reviewed_by).toBe(provider.userId);
      expect(ids((await listReviewQueue(db(), { actor: provider, today: TODAY })).overdue)).not.toContain(overdue.id);
      expect(await db().selectFrom("service_review").select("kind").where("service_id", "=", overdue.id).execute()).toEqual([{ kind: "provider_confirmed" }]);

      expect(await confirmStillCorrect(db(), { actor: editor, id: dueSoon.id, now: NOW })).toMatchObject({ ok: true });
      expect(await db().selectFrom("service_review").select("kind").where("service_id", "=", dueSoon.id).execute()).toEqual([{ kind: "editor_review" }]);
      expect(await auditActions(dueSoon.id)).toEqual(["service.confirmed"]);
    });

    it("does not review an entry that is not published", async () => {
      const created = await createDraftService(db(), { actor: provider, name: "Draft to confirm", now: NOW });
      if (!created.ok) throw new Error("expected a draft");
      expect(await confirmStillCorrect(db(), { actor: provider, id: created.id, now: NOW })).toEqual({
        ok: false,
        reason: "invalid",
        errors: { confirm: "errors.notPublished" },
      });
    });

    it("lets an officer hide an entry from families with a reason, and unhide it", async () => {
      const { id } = await publishedService({ reviewedAt: new Date("2025-09-01T12:00:00Z"), dueOn: "2026-03-01" });
      expect(await hideService(db(), { actor: provider, id, reason: "Old", now: NOW })).toEqual({ ok: false, reason: "forbidden" });
      expect(await hideService(db(), { actor: editor, id, reason: " ", now: NOW })).toEqual({
        ok: false,
        reason: "invalid",
        errors: { reason: "errors.hideReasonRequired" },
      });
      expect(await hideService(db(), { actor: editor, id, reason: "No reply from the provider since 2025.", now: NOW })).toEqual({ ok: true, name: expect.any(String) });
      expect(await serviceRow(id)).toMatchObject({ status: "published", hidden_reason: "No reply from the provider since 2025." });
      const queue = await listReviewQueue(db(), { actor: editor, today: TODAY });
      expect(queue.escalated.map((r) => r.id)).not.toContain(id);
      expect(queue.hidden.map((r) => r.id)).toContain(id);
      expect(await hideService(db(), { actor: editor, id, reason: "Again", now: NOW })).toMatchObject({ ok: false, errors: { reason: "errors.cannotHide" } });

      expect(await unhideService(db(), { actor: editor, id, now: NOW })).toEqual({ ok: true, name: expect.any(String) });
      expect(await serviceRow(id)).toMatchObject({ hidden_at: null, hidden_reason: "" });
      expect(await auditActions(id)).toEqual(["service.hidden", "service.unhidden"]);
    });

    it("lets an editor set the next review date, up to twelve months ahead", async () => {
      const { id } = await publishedService();
      expect(await setReviewDate(db(), { actor: provider, id, date: "2026-12-01", now: NOW })).toEqual({ ok: false, reason: "forbidden" });
      expect(await setReviewDate(db(), { actor: editor, id, date: "2027-11-24", now: NOW })).toMatchObject({
        ok: false,
        errors: { reviewDueOn: "errors.reviewDateTooLate" },
      });
      expect(await setReviewDate(db(), { actor: editor, id, date: "2026-11-01", now: NOW })).toEqual({ ok: true });
      expect((await serviceRow(id)).review_due_on).toBe("2026-11-01");
      expect((await listReviewQueue(db(), { actor: editor, today: TODAY })).overdue.map((r) => r.id)).toContain(id);
    });
  });
});
