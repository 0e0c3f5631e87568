import { describe, expect, it } from "vitest";
import { isEditable, isOpen, surveyState } from "./window";

// 12 noon UK time in winter (GMT) and summer (BST).
const opensAt = new Date("2026-03-23T12:00:00.000Z"); // GMT: 12:00 UK
const closesAt = new Date("2026-04-01T11:00:00.000Z"); // BST: 12:00 UK
const scheduled = { status: "scheduled" as const, opensAt, closesAt };
const ms = (d: Date, delta: number) => new Date(d.getTime() + delta);

describe("surveyState", () => {
  it("is scheduled at 11:59:59.999 on the opening day and open at 12:00:00.000", () => {
    expect(surveyState(scheduled, ms(opensAt, -1))).toBe("scheduled");
    expect(surveyState(scheduled, opensAt)).toBe("open");
  });

  it("is open at 11:59:59.999 BST on the closing day and closed at 12:00:00.000", () => {
    expect(surveyState(scheduled, ms(closesAt, -1))).toBe("open");
    expect(isOpen(scheduled, ms(closesAt, -1))).toBe(true);
    expect(surveyState(scheduled, closesAt)).toBe("closed");
    expect(isOpen(scheduled, closesAt)).toBe(false);
    expect(surveyState(scheduled, ms(closesAt, 1000))).toBe("closed");
  });

  it("keeps a draft a draft whatever the clock says, and an archived survey archived", () => {
    expect(surveyState({ ...scheduled, status: "draft" }, ms(opensAt, 1000))).toBe("draft");
    expect(surveyState({ ...scheduled, status: "archived" }, ms(opensAt, 1000))).toBe("archived");
    expect(surveyState({ status: "scheduled", opensAt: null, closesAt }, opensAt)).toBe("draft");
  });
});

describe("isEditable", () => {
  it("allows changes before opening and refuses them from the opening instant or once locked", () => {
    expect(isEditable({ ...scheduled, lockedAt: null }, ms(opensAt, -1))).toBe(true);
    expect(isEditable({ ...scheduled, lockedAt: null }, opensAt)).toBe(false);
    expect(isEditable({ ...scheduled, status: "draft", lockedAt: opensAt }, ms(opensAt, -5000))).toBe(false);
  });
});
