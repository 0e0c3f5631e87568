import { describe, expect, it } from "vitest";
import {
  actorKind,
  allowedTransitions,
  canConfirm,
  canHide,
  canTransition,
  canUnhide,
  editMode,
  isTransition,
  statusAfter,
} from "./workflow";

describe("actorKind", () => {
  it("makes administrators and officers editors, providers providers, and nobody else either", () => {
    expect(actorKind("admin")).toBe("editor");
    expect(actorKind("officer")).toBe("editor");
    expect(actorKind("provider")).toBe("provider");
    expect(actorKind("group_member")).toBeNull();
    expect(actorKind("pcf_reviewer")).toBeNull();
  });
});

describe("status transitions", () => {
  it("lets a provider send their draft for approval, and do nothing else with statuses", () => {
    expect(allowedTransitions("provider", "draft")).toEqual(["submit"]);
    expect(allowedTransitions("provider", "awaiting_approval")).toEqual([]);
    expect(allowedTransitions("provider", "published")).toEqual([]);
    expect(allowedTransitions("provider", "archived")).toEqual([]);
    expect(canTransition("provider", "awaiting_approval", "publish")).toBe(false);
    expect(canTransition("provider", "draft", "publish")).toBe(false);
  });

  it("lets an editor publish, send back, unpublish, archive and restore", () => {
    expect(allowedTransitions("editor", "draft")).toEqual(["submit", "publish", "archive"]);
    expect(allowedTransitions("editor", "awaiting_approval")).toEqual(["publish", "return_to_draft", "archive"]);
    expect(allowedTransitions("editor", "published")).toEqual(["unpublish", "archive"]);
    expect(allowedTransitions("editor", "archived")).toEqual(["restore"]);
  });

  it("leads each transition to its status; an archived entry is restored to draft", () => {
    expect(statusAfter("submit")).toBe("awaiting_approval");
    expect(statusAfter("publish")).toBe("published");
    expect(statusAfter("return_to_draft")).toBe("draft");
    expect(statusAfter("unpublish")).toBe("draft");
    expect(statusAfter("archive")).toBe("archived");
    expect(statusAfter("restore")).toBe("draft");
  });

  it("never lets an archived entry be published straight away", () => {
    expect(canTransition("editor", "archived", "publish")).toBe(false);
    expect(canTransition("editor", "published", "publish")).toBe(false);
  });

  it("knows its own names and nothing else", () => {
    expect(isTransition("publish")).toBe(true);
    expect(isTransition("delete")).toBe(false);
    expect(isTransition("toString")).toBe(false);
    expect(isTransition(undefined)).toBe(false);
  });
});

describe("edit mode", () => {
  it("sends a provider's change to a published entry through a proposal", () => {
    expect(editMode("provider", "published")).toBe("proposal");
    expect(editMode("provider", "draft")).toBe("direct");
    expect(editMode("provider", "awaiting_approval")).toBe("direct");
  });

  it("lets an editor change any entry that is not archived", () => {
    expect(editMode("editor", "published")).toBe("direct");
    expect(editMode("editor", "draft")).toBe("direct");
    expect(editMode("editor", "archived")).toBe("none");
    expect(editMode("provider", "archived")).toBe("none");
  });
});

describe("reviews and hiding", () => {
  it("confirms only published entries", () => {
    expect(canConfirm("published")).toBe(true);
    expect(canConfirm("draft")).toBe(false);
    expect(canConfirm("archived")).toBe(false);
  });

  it("lets only editors hide a published entry, and unhide a hidden one", () => {
    expect(canHide("editor", "published", false)).toBe(true);
    expect(canHide("editor", "published", true)).toBe(false);
    expect(canHide("editor", "draft", false)).toBe(false);
    expect(canHide("provider", "published", false)).toBe(false);
    expect(canUnhide("editor", true)).toBe(true);
    expect(canUnhide("editor", false)).toBe(false);
    expect(canUnhide("provider", true)).toBe(false);
  });
});
