import { describe, expect, it } from "vitest";
import { SurveyDefinitionSchema } from "./definition";
import {
  accessConflict,
  archiveConflict,
  checkWindow,
  DuplicateSchema,
  invitationsConflict,
  InvitationsSchema,
  NewSurveySchema,
  starterDefinition,
  unarchivedStatus,
  unscheduleConflict,
} from "./lifecycle";

const none = { opensAt: null, closesAt: null };
const now = new Date("2026-11-23T12:00:00Z");

describe("checking a new window (UK time in, instants out)", () => {
  it("turns UK wall-clock times into instants, in GMT and in BST", () => {
    expect(
      checkWindow({ state: "draft", current: none, now, form: { opens: { date: "2027-03-26", time: "12:00" }, closes: { date: "2027-03-30", time: "12:00" } } }),
    ).toEqual({ ok: true, opensAt: new Date("2027-03-26T12:00:00Z"), closesAt: new Date("2027-03-30T11:00:00Z") });
  });

  it("says what is wrong with each field", () => {
    const result = checkWindow({ state: "draft", current: none, now, form: { opens: { date: "2027-02-30", time: "9am" }, closes: { date: "", time: "" } } });
    expect(result).toEqual({
      ok: false,
      reason: "invalid",
      errors: { opens: "errors.opensInvalid", closes: "errors.closesRequired" },
    });
    const times = checkWindow({ state: "draft", current: none, now, form: { opens: { date: "2027-03-01", time: "9am" }, closes: { date: "2027-03-02", time: "" } } });
    expect(times).toEqual({ ok: false, reason: "invalid", errors: { opensTime: "errors.opensTimeInvalid", closesTime: "errors.closesTimeRequired" } });
  });

  it("refuses times the clocks skip or repeat", () => {
    const result = checkWindow({
      state: "draft",
      current: none,
      now,
      form: { opens: { date: "2027-03-28", time: "01:30" }, closes: { date: "2027-10-31", time: "01:30" } },
    });
    expect(result).toEqual({ ok: false, reason: "invalid", errors: { opensTime: "errors.timeSkipped", closesTime: "errors.timeRepeated" } });
  });

  it("needs the close after the open, to the minute", () => {
    const same = checkWindow({ state: "draft", current: none, now, form: { opens: { date: "2027-01-04", time: "12:00" }, closes: { date: "2027-01-04", time: "12:00" } } });
    expect(same).toEqual({ ok: false, reason: "invalid", errors: { closes: "errors.closesBeforeOpens" } });
    const after = checkWindow({ state: "draft", current: none, now, form: { opens: { date: "2027-01-04", time: "12:00" }, closes: { date: "2027-01-04", time: "12:01" } } });
    expect(after.ok).toBe(true);
  });

  it("needs the opening in the future: 12:00 is refused at 12:00 exactly and accepted at 11:59:59.999", () => {
    const form = { opens: { date: "2026-11-23", time: "12:00" }, closes: { date: "2026-12-01", time: "12:00" } };
    expect(checkWindow({ state: "draft", current: none, now, form })).toEqual({ ok: false, reason: "invalid", errors: { opens: "errors.opensPast" } });
    expect(checkWindow({ state: "scheduled", current: none, now: new Date("2026-11-23T11:59:59.999Z"), form }).ok).toBe(true);
  });

  it("once open, keeps the opening and lets only the closing time change (to a time still to come)", () => {
    const current = { opensAt: new Date("2026-11-20T12:00:00Z"), closesAt: new Date("2026-12-01T12:00:00Z") };
    expect(checkWindow({ state: "open", current, now, form: { closes: { date: "2026-12-08", time: "17:00" } } })).toEqual({
      ok: true,
      opensAt: current.opensAt,
      closesAt: new Date("2026-12-08T17:00:00Z"),
    });
    // The opening sent back unchanged is fine; moved, it is refused (409).
    expect(checkWindow({ state: "open", current, now, form: { opens: { date: "2026-11-20", time: "12:00" }, closes: { date: "2026-12-08", time: "17:00" } } }).ok).toBe(
      true,
    );
    expect(checkWindow({ state: "open", current, now, form: { opens: { date: "2026-11-21", time: "12:00" }, closes: { date: "2026-12-08", time: "17:00" } } })).toEqual({
      ok: false,
      reason: "conflict",
      conflict: "openingFixed",
    });
    // Closing "now" or earlier would close it behind respondents' backs without warning: refused.
    expect(checkWindow({ state: "open", current, now, form: { closes: { date: "2026-11-23", time: "12:00" } } })).toEqual({
      ok: false,
      reason: "invalid",
      errors: { closes: "errors.closesPast" },
    });
    expect(checkWindow({ state: "open", current, now, form: { closes: { date: "2026-11-23", time: "12:01" } } }).ok).toBe(true);
  });

  it("never reopens a closed survey, and leaves archived ones alone", () => {
    const current = { opensAt: new Date("2026-10-01T11:00:00Z"), closesAt: new Date("2026-11-01T12:00:00Z") };
    const form = { closes: { date: "2027-01-01", time: "12:00" } };
    expect(checkWindow({ state: "closed", current, now, form })).toEqual({ ok: false, reason: "conflict", conflict: "closedFinal" });
    expect(checkWindow({ state: "archived", current, now, form })).toEqual({ ok: false, reason: "conflict", conflict: "archived" });
  });
});

describe("what each state allows", () => {
  it("archives only drafts and closed surveys", () => {
    expect(archiveConflict("draft")).toBeUndefined();
    expect(archiveConflict("closed")).toBeUndefined();
    expect(archiveConflict("scheduled")).toBe("archiveScheduled");
    expect(archiveConflict("open")).toBe("archiveOpen");
    expect(archiveConflict("archived")).toBe("alreadyArchived");
  });

  it("unschedules only before opening", () => {
    expect(unscheduleConflict("scheduled")).toBeUndefined();
    expect(unscheduleConflict("open")).toBe("unscheduleStarted");
    expect(unscheduleConflict("closed")).toBe("unscheduleStarted");
    expect(unscheduleConflict("draft")).toBe("notScheduled");
  });

  it("switches open link ↔ invite only only before opening", () => {
    expect(accessConflict("draft")).toBeUndefined();
    expect(accessConflict("scheduled")).toBeUndefined();
    expect(accessConflict("open")).toBe("accessFixed");
    expect(accessConflict("closed")).toBe("accessFixed");
  });

  it("makes codes only for invite-only surveys that have not closed", () => {
    expect(invitationsConflict("draft", "invite_only")).toBeUndefined();
    expect(invitationsConflict("open", "invite_only")).toBeUndefined();
    expect(invitationsConflict("open", "open_link")).toBe("openLink");
    expect(invitationsConflict("closed", "invite_only")).toBe("invitationsClosed");
  });

  it("unarchives a survey that ran as closed, anything else as a draft", () => {
    expect(unarchivedStatus({ opensAt: new Date("2026-01-01"), closesAt: new Date("2026-02-01") }, now)).toBe("scheduled");
    expect(unarchivedStatus({ opensAt: null, closesAt: null }, now)).toBe("draft");
    expect(unarchivedStatus({ opensAt: new Date("2027-01-01"), closesAt: new Date("2027-02-01") }, now)).toBe("draft");
  });
});

describe("the forms", () => {
  it("a new survey needs a URL-safe slug, an audience, a series, a wave and an access mode", () => {
    const parsed = NewSurveySchema.safeParse({ title: " ", slug: "Parent Survey!", series: "x y", wave: "" });
    expect(parsed.success).toBe(false);
    const messages = Object.fromEntries(parsed.error!.issues.map((i) => [i.path[0], i.message]));
    expect(messages).toEqual({
      title: "errors.titleRequired",
      slug: "errors.slugFormat",
      audience: "errors.audienceRequired",
      series: "errors.seriesFormat",
      wave: "errors.waveRequired",
      access: "errors.accessRequired",
    });
    expect(
      NewSurveySchema.parse({ title: " Parent carer survey 2027 ", slug: "parent-carer-2027", audience: "parent_carer", series: "parent-carer-annual", wave: "2027", access: "open_link" }),
    ).toMatchObject({ title: "Parent carer survey 2027", slug: "parent-carer-2027" });
    expect(DuplicateSchema.safeParse({ slug: "a-", wave: "2028" }).success).toBe(false);
  });

  it("makes between 1 and 1000 codes, with a label", () => {
    expect(InvitationsSchema.parse({ count: " 25 ", label: "School A parents" })).toEqual({ count: 25, label: "School A parents" });
    const messages = (value: Record<string, string>) => InvitationsSchema.safeParse(value).error?.issues.map((i) => i.message);
    expect(messages({ count: "0", label: "x" })).toEqual(["errors.countRange"]);
    expect(messages({ count: "1001", label: "x" })).toEqual(["errors.countRange"]);
    expect(messages({ count: "2.5", label: "x" })).toEqual(["errors.countWhole"]);
    expect(messages({ count: "", label: "" })?.filter((m) => m !== "errors.countWhole")).toEqual(["errors.countRequired", "errors.labelRequired"]);
  });

  it("starts a survey with a definition the engine accepts", () => {
    expect(SurveyDefinitionSchema.safeParse(starterDefinition("Young people's survey 2027")).success).toBe(true);
  });
});
