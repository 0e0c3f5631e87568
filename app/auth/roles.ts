import type { Role } from "../../db/schema";

export const roles: Role[] = ["admin", "officer", "group_member", "pcf_reviewer", "provider", "safeguarding_lead"];

/** What each role may do in the staff area. Scoped roles are narrowed further by their groups or organisation. */
const permissions = {
  "staff.home": ["admin", "officer", "group_member", "pcf_reviewer", "provider", "safeguarding_lead"],
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
  /** Feedback sent at /feedback: the inbox, triage and notes. Group members see their groups' items only. */
  "feedback.triage": ["admin", "officer", "group_member"],
  /** Write and publish "You said, we did". */
  "you-said-we-did.edit": ["admin", "officer"],
  /** Co-sign published "You said, we did" entries as the parent carer forum or the participation council. */
  "you-said-we-did.cosign": ["pcf_reviewer"],
  /** Surveys: build, translate, schedule, duplicate into a new wave, make invitation codes. */
  "surveys.manage": ["admin", "officer"],
  /** The email outbox: what is waiting or failed, and "Try again now". */
  "outbox.read": ["admin"],
  /** Re-visits: create, dates and overrides, schedule the parents' survey, the notice for families. */
  "revisits.manage": ["admin", "officer"],
  /** Re-visits: read the draft questions and the review; PCF reviewers comment and sign off, officers reply. */
  "revisits.review": ["admin", "officer", "pcf_reviewer"],
  /** Re-visits: the summary for inspectors once the survey has closed (suppressed counts, free text). */
  "revisits.summary": ["admin", "officer"],
  /** Working groups: record progress (date, RAG, outcome, evidence) on tasks; group members only on their groups' tasks. */
  "working-groups.progress": ["admin", "officer", "group_member"],
  /** The co-production log: read every activity, drafts too (the forum's reviewer reads them to confirm levels). */
  "co-production.read": ["admin", "officer", "group_member", "pcf_reviewer"],
  /** The co-production log: record, change, publish and close activities (group members: their own groups'). */
  "co-production.edit": ["admin", "officer", "group_member"],
  /** The co-production log: confirm an activity's level (the families' representative only; docs/decisions/019). */
  "co-production.confirm": ["pcf_reviewer"],
  /** Safeguarding: the word list that raises flags on what families write (docs/decisions/020). */
  "safeguarding.terms": ["admin"],
  /** Safeguarding: read flagged text in full and act on it (the designated safeguarding lead only). */
  "safeguarding.queue": ["safeguarding_lead"],
  /** Safeguarding: flag an item by hand for the designated safeguarding lead. */
  "safeguarding.flag": ["admin", "officer", "group_member"],
  /** Data protection: how long feedback is kept before it is anonymised, and "Run now" (docs/decisions/023). */
  "privacy.retention": ["admin"],
  /** Data protection: find, export and erase one person's data on request (docs/decisions/023). */
  "privacy.requests": ["admin"],
  /** The evidence pack for a re-visit: every area's actions, progress, co-production, suppressed feedback volumes (docs/decisions/026). */
  "evidence-pack.read": ["admin", "officer"],
  /** Survey results, breakdowns and summary tables, small numbers suppressed, and the codebook (docs/decisions/029). */
  "analysis.read": ["admin", "officer", "group_member"],
  /** Analysis: response-level exports, one row per response; each download audited (docs/decisions/031). */
  "analysis.export.raw": ["admin"],
  /** The figures results are read against: children at SEN support and with EHC plans per district. */
  "analysis.denominators": ["admin", "officer"],
  /** The smallest number shown anywhere (the suppression threshold). */
  "analysis.settings": ["admin"],
  /** Survey analysis: code free-text answers with themes and choose quotes for published findings (docs/decisions/030). */
  "analysis.code": ["admin", "officer"],
  /** Survey analysis: the maintained list of themes and the words that suggest them (docs/decisions/030). */
  "analysis.themes": ["admin"],
  /** Analysis: build a wave's findings for families and publish or unpublish them (docs/decisions/032). */
  "analysis.publish": ["admin", "officer"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}
