/**
 * Who may move a service between statuses, and how a change to its content is
 * made. Pure: no database. Editors (services.edit) may do everything sensible;
 * providers (services.propose) work only on their own organisation's services,
 * can send a new entry for approval, and change a published entry through a
 * proposal that an editor approves.
 *
 *   draft ──submit──▶ awaiting_approval ──publish──▶ published
 *     ▲ ◀──return_to_draft──┘                           │
 *     ├───────────────unpublish─────────────────────────┘
 *     └──restore── archived ◀──archive── (draft, awaiting_approval, published)
 */
import type { Role, ServiceStatus } from "../../db/schema";
import { can } from "../auth/roles";

export type ActorKind = "editor" | "provider";

export type Transition = "submit" | "return_to_draft" | "publish" | "unpublish" | "archive" | "restore";
export const transitionNames: Transition[] = ["submit", "publish", "return_to_draft", "unpublish", "archive", "restore"];

const transitions: Record<Transition, { from: ServiceStatus[]; to: ServiceStatus; who: ActorKind[] }> = {
  submit: { from: ["draft"], to: "awaiting_approval", who: ["editor", "provider"] },
  return_to_draft: { from: ["awaiting_approval"], to: "draft", who: ["editor"] },
  publish: { from: ["draft", "awaiting_approval"], to: "published", who: ["editor"] },
  unpublish: { from: ["published"], to: "draft", who: ["editor"] },
  archive: { from: ["draft", "awaiting_approval", "published"], to: "archived", who: ["editor"] },
  restore: { from: ["archived"], to: "draft", who: ["editor"] },
};

/** Editor, provider, or neither (no local offer permissions at all). */
export function actorKind(role: Role): ActorKind | null {
  if (can(role, "services.edit")) return "editor";
  if (can(role, "services.propose")) return "provider";
  return null;
}

export function isTransition(value: unknown): value is Transition {
  return typeof value === "string" && Object.hasOwn(transitions, value);
}

export function canTransition(kind: ActorKind, status: ServiceStatus, transition: Transition): boolean {
  const rule = transitions[transition];
  return rule.who.includes(kind) && rule.from.includes(status);
}

/** The status a transition leads to. */
export function statusAfter(transition: Transition): ServiceStatus {
  return transitions[transition].to;
}

/** The transitions this actor may make from this status, in the order the page offers them. */
export function allowedTransitions(kind: ActorKind, status: ServiceStatus): Transition[] {
  return transitionNames.filter((t) => canTransition(kind, status, t));
}

/**
 * How a save of content lands: straight onto the service ("direct"), into the
 * provider's proposal for an editor to approve ("proposal"), or not at all
 * ("none": archived entries must be restored first).
 */
export function editMode(kind: ActorKind, status: ServiceStatus): "direct" | "proposal" | "none" {
  if (status === "archived") return "none";
  if (status === "published" && kind === "provider") return "proposal";
  return "direct";
}

/** "This entry is still correct": only a published entry is reviewed. */
export function canConfirm(status: ServiceStatus): boolean {
  return status === "published";
}

/** Hiding a published entry from families (and unhiding it) is for editors. */
export function canHide(kind: ActorKind, status: ServiceStatus, hidden: boolean): boolean {
  return kind === "editor" && status === "published" && !hidden;
}

export function canUnhide(kind: ActorKind, hidden: boolean): boolean {
  return kind === "editor" && hidden;
}

/** Only editors decide on proposals, and set an entry's review date. */
export function canDecide(kind: ActorKind): boolean {
  return kind === "editor";
}
