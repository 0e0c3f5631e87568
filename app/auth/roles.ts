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
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}
