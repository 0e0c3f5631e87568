/**
 * The database as Kysely sees it. Migrations in ../migrations are the truth;
 * keep this file in step with them. The database tests run every query against
 * the migrated schema on both engines, which is where a drift shows up.
 */
import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** A calendar date as "YYYY-MM-DD": never a JS Date, so no time zone can shift it. */
type CalendarDate = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string | T, string | T>;

export type Rag = "red" | "amber" | "green" | "blue" | "not_started";
export type Role = "admin" | "officer" | "group_member" | "pcf_reviewer" | "provider";

export interface AreaTable {
  id: Generated<number>;
  name: string;
  service_name: string;
  partnership_name: string;
  contact_email: string;
  updated_at: Generated<Timestamp>;
}

export interface HealthAreaTable {
  id: Generated<number>;
  slug: string;
  name: string;
}

export interface DistrictTable {
  id: Generated<number>;
  slug: string;
  name: string;
  health_area_id: number | null;
  sort_order: Generated<number>;
}

export interface WorkingGroupTable {
  id: Generated<number>;
  slug: string;
  number: number;
  name: string;
  purpose: Generated<string>;
  lead_role: Generated<string>;
}

export interface AreaOfConcernTable {
  id: Generated<number>;
  number: number;
  title: string;
  plain_title: Generated<string>;
}

export interface ActionTable {
  id: Generated<number>;
  letter: string;
  title: string;
  lead_role: Generated<string>;
  /** Short descriptions of what success looks like, from the plan. */
  success_measures: Generated<string>;
}

export interface ActionWorkingGroupTable {
  action_id: number;
  working_group_id: number;
}

export interface ActionAreaTable {
  action_id: number;
  area_of_concern_id: number;
}

export interface TaskTable {
  id: Generated<number>;
  action_id: number;
  code: string;
  sort_order: Generated<number>;
  description: string;
  lead_role: Generated<string>;
  /** The plan gives due dates as months ("March 2019") or ranges; kept as written plus a date to sort by. */
  due_text: Generated<string>;
  due_date: CalendarDate | null;
  outcome: Generated<string>;
  rag: Generated<Rag>;
  updated_at: Generated<Timestamp>;
}

export interface BankHolidayTable {
  date: CalendarDate;
  title: string;
  division: Generated<string>;
  notes: Generated<string>;
}

export interface OrganisationTable {
  id: Generated<string>;
  name: string;
  created_at: CreatedAt;
}

export interface UserTable {
  id: Generated<string>;
  email: string;
  name: string;
  role: Role;
  password_hash: string | null;
  organisation_id: string | null;
  disabled_at: Timestamp | null;
  last_login_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface UserWorkingGroupTable {
  user_id: string;
  working_group_id: number;
}

export interface SessionTable {
  /** sha256 of the token in the cookie: a stolen database row cannot be replayed. */
  id: string;
  user_id: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  user_agent: Generated<string>;
}

export interface InvitationTable {
  id: Generated<string>;
  email: string;
  name: string;
  role: Role;
  organisation_id: string | null;
  working_group_ids: Json<number[]>;
  token_hash: string;
  invited_by: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
}

export interface RateLimitTable {
  key: string;
  count: number;
  reset_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: CreatedAt;
  user_id: string | null;
  action: string;
  subject_type: Generated<string>;
  subject_id: Generated<string>;
  details: Json<Record<string, unknown>>;
  request_id: Generated<string>;
}

export interface AppSettingTable {
  key: string;
  value: string;
}

export interface Database {
  area: AreaTable;
  health_area: HealthAreaTable;
  district: DistrictTable;
  working_group: WorkingGroupTable;
  area_of_concern: AreaOfConcernTable;
  action: ActionTable;
  action_working_group: ActionWorkingGroupTable;
  action_area: ActionAreaTable;
  task: TaskTable;
  bank_holiday: BankHolidayTable;
  organisation: OrganisationTable;
  app_user: UserTable;
  user_working_group: UserWorkingGroupTable;
  session: SessionTable;
  invitation: InvitationTable;
  rate_limit: RateLimitTable;
  audit_log: AuditLogTable;
  app_setting: AppSettingTable;
}
