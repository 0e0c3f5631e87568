import type { Role } from "../../db/schema";

export const roles: Role[] = ["admin", "officer", "group_member", "pcf_reviewer", "provider"];

/** What each role may do in the staff area. Scoped roles are narrowed further by their groups or organisation. */
const permissions = {
  "staff.home": ["admin", "officer", "group_member", "pcf_reviewer", "provider"],
  "users.manage": ["admin"],
  "audit.read": ["admin"],
  "area.edit": ["admin"],
  "bank-holidays.import": ["admin"],
  "design-system.view": ["admin", "officer", "group_member", "pcf_reviewer", "provider"],
  /** Local offer: edit any service, publish, approve or reject proposals, hide stale entries. */
  "services.edit": ["admin", "officer"],
  /** Local offer: propose changes (providers only for their own organisation's services). */
  "services.propose": ["admin", "officer", "provider"],
  /** Import services from an Open Referral UK feed file. */
  "services.import": ["admin"],
  /** Search synonyms and the list of specific needs. */
  "search.manage": ["admin", "officer"],
  /** Unmet searches, coverage and page feedback: evidence for officers and working groups. */
  "local-offer.insights": ["admin", "officer", "group_member"],
  /** Write and publish "You said, we did". */
  "you-said-we-did.edit": ["admin", "officer"],
  /** Surveys: build, translate, schedule, duplicate into a new wave, make invitation codes. */
  "surveys.manage": ["admin", "officer"],
  /** The email outbox: what is waiting or failed, and "Try again now". */
  "outbox.read": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}
