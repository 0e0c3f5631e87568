import type { Role } from "../schema";

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  description: string;
  /** Leads the working groups they belong to, and so approves their responses to families. */
  leadsGroups?: boolean;
  /** Working groups (by slug) a group member belongs to. */
  workingGroups?: string[];
  /** The organisation a provider works for (by name). */
  organisation?: string;
}

export const DEMO_PROVIDER_ORGANISATION = "Little Steps Nursery (demo provider)";

/** Role titles only: the demo never names a real person. */
export const demoAccounts: DemoAccount[] = [
  { email: "admin@demo.local", name: "Portal administrator", role: "admin", description: "administrator" },
  { email: "officer@demo.local", name: "SEND engagement officer", role: "officer", description: "officer" },
  {
    email: "engagement-lead@demo.local",
    name: "Engagement working group lead",
    role: "group_member",
    description: "working-group lead (Engagement)",
    workingGroups: ["engagement"],
    leadsGroups: true,
  },
  // A member who is not a lead: writes responses that a lead must approve (docs/decisions/024, 034).
  {
    email: "engagement-member@demo.local",
    name: "Engagement working group member",
    role: "group_member",
    description: "working-group member (Engagement), not a lead",
    workingGroups: ["engagement"],
  },
  {
    email: "safeguarding@demo.local",
    name: "Designated safeguarding lead",
    role: "safeguarding_lead",
    description: "designated safeguarding lead",
  },
  { email: "pcf@demo.local", name: "Parent carer forum reviewer", role: "pcf_reviewer", description: "parent carer forum reviewer" },
  {
    email: "provider@demo.local",
    name: "Service provider editor",
    role: "provider",
    description: "service provider",
    organisation: DEMO_PROVIDER_ORGANISATION,
  },
];
