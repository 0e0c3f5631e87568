/**
 * The database as Kysely sees it. Migrations in ../migrations are the truth;
 * keep this file in step with them. The database tests run every query against
 * the migrated schema on both engines, which is where a drift shows up.
 */
import type { ColumnType, Generated } from "kysely";
import type { AnswerValue } from "../app/surveys/answers";
import type { Audience, SurveyDefinition } from "../app/surveys/definition";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A timestamp with a database default: optional on insert. */
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** A calendar date as "YYYY-MM-DD": never a JS Date, so no time zone can shift it. */
type CalendarDate = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string | T, string | T>;

export type Rag = "red" | "amber" | "green" | "blue" | "not_started";
export type Role = "admin" | "officer" | "group_member" | "pcf_reviewer" | "provider" | "safeguarding_lead";

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
  description: Generated<string>;
  email: Generated<string>;
  website: Generated<string>;
  phone: Generated<string>;
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
  /** A lead of the group approves its responses to families. */
  is_lead: Generated<boolean>;
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

// ---- The local offer (migrations/202611230200_create_local_offer.ts) ----

export type BroadArea = "communication_interaction" | "cognition_learning" | "semh" | "sensory_physical";
export type ServiceStatus = "draft" | "awaiting_approval" | "published" | "archived";
export type Phase = "early_years" | "primary" | "secondary" | "post_16" | "adult_transition";
export type Delivery = "in_person" | "online" | "phone" | "home_visit";
export type Cost = "free" | "charge" | "varies";
export type ProposalState = "draft" | "pending" | "approved" | "rejected" | "withdrawn";
export type ReviewKind = "editor_review" | "provider_confirmed" | "change_approved" | "imported";
export type YouSaidTheme = "content" | "accessibility" | "development";
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export interface NeedTable {
  id: Generated<number>;
  slug: string;
  name: string;
  broad_area: BroadArea;
  sort_order: Generated<number>;
}

export interface CategoryTable {
  id: Generated<string>;
  slug: string;
  name: string;
  description: Generated<string>;
  sort_order: Generated<number>;
}

export interface ServiceTable {
  id: Generated<string>;
  slug: string;
  organisation_id: string;
  status: Generated<ServiceStatus>;
  name: string;
  summary: Generated<string>;
  description: Generated<string>;
  who_for: Generated<string>;
  how_to_access: Generated<string>;
  referral_required: Generated<boolean>;
  diagnosis_required: Generated<boolean>;
  ehcp_required: Generated<boolean>;
  age_min: Generated<number>;
  age_max: Generated<number>;
  phases: ColumnType<Phase[], Phase[] | undefined, Phase[]>;
  delivery: ColumnType<Delivery[], Delivery[] | undefined, Delivery[]>;
  cost: Generated<Cost>;
  cost_detail: Generated<string>;
  whole_area: Generated<boolean>;
  /** ISO 639-1 codes of the languages the service is offered in. */
  languages: TextArray;
  email: Generated<string>;
  phone: Generated<string>;
  website: Generated<string>;
  /** A school, college or early-years setting: send_information applies. */
  is_setting: Generated<boolean>;
  /** Schedule 2 para. 5 SEND information, keyed by topic (see app/local-offer/model.ts). */
  send_information: Json<Record<string, string>>;
  /** Need and category names, kept by the app so search finds them. */
  search_terms: Generated<string>;
  search_vector: ColumnType<string, never, never>;
  version: Generated<number>;
  last_reviewed_at: Timestamp | null;
  last_reviewed_by: string | null;
  review_due_on: CalendarDate | null;
  hidden_at: Timestamp | null;
  hidden_reason: Generated<string>;
  published_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ServiceNeedTable {
  service_id: string;
  need_id: number;
}

export interface ServiceCategoryTable {
  service_id: string;
  category_id: string;
}

export interface ServiceDistrictTable {
  service_id: string;
  district_id: number;
}

export interface LocationTable {
  id: Generated<string>;
  organisation_id: string | null;
  name: string;
  address_1: Generated<string>;
  city: Generated<string>;
  postcode: Generated<string>;
  district_id: number | null;
  latitude: number | null;
  longitude: number | null;
  accessibility: TextArray;
  accessibility_description: Generated<string>;
}

export interface ServiceAtLocationTable {
  id: Generated<string>;
  service_id: string;
  location_id: string;
}

export interface ServiceContactTable {
  id: Generated<string>;
  service_id: string;
  name: Generated<string>;
  title: Generated<string>;
  email: Generated<string>;
  phone: Generated<string>;
  /** The order the editor gave. */
  position: Generated<number>;
}

export interface ServiceScheduleTable {
  id: Generated<string>;
  service_id: string;
  /** Comma-separated RFC 5545 days (MO,TU,…) or empty when only described in words. */
  byday: Generated<string>;
  opens_at: Generated<string>;
  closes_at: Generated<string>;
  description: Generated<string>;
  position: Generated<number>;
}

export interface ServiceVersionTable {
  id: Generated<string>;
  service_id: string;
  version: number;
  content: Json<Record<string, unknown>>;
  status: string;
  created_by: string | null;
  created_at: CreatedAt;
  note: Generated<string>;
}

export interface ServiceProposalTable {
  id: Generated<string>;
  /** Null for a proposed new service. */
  service_id: string | null;
  organisation_id: string;
  base_version: number | null;
  content: Json<Record<string, unknown>>;
  state: Generated<ProposalState>;
  proposed_by: string | null;
  proposed_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
  reason: Generated<string>;
}

export interface ServiceReviewTable {
  id: Generated<string>;
  service_id: string;
  reviewed_by: string | null;
  reviewed_at: Timestamp;
  kind: ReviewKind;
  note: Generated<string>;
}

export interface SearchSynonymTable {
  id: Generated<number>;
  terms: ColumnType<string[], string[], string[]>;
  explanation: Generated<string>;
  updated_at: Timestamp;
}

export interface SearchLogTable {
  id: Generated<string>;
  at: Timestamp;
  query: Generated<string>;
  filters: Json<Record<string, unknown>>;
  result_count: number;
}

export interface FeedbackItemTable {
  id: Generated<string>;
  /** FB-XXXX-XXXX: random, not guessable. */
  reference: string;
  /** Where it came from: "page_useful", "page_problem", "page_missing", … */
  source: string;
  /** For a problem report: "wrong_information", "broken_link", "accessibility", "other". */
  kind: Generated<string>;
  page_path: Generated<string>;
  service_id: string | null;
  useful: boolean | null;
  body: Generated<string>;
  working_group_id: number | null;
  status: Generated<string>;
  /** Who wrote it (general feedback at /feedback); null for page feedback. */
  respondent: FeedbackRespondent | null;
  district_id: number | null;
  topic: FeedbackTopic | null;
  format: Generated<FeedbackFormat>;
  /** The easy-read face scale: 1 (very unhappy) to 5 (very happy). */
  face: number | null;
  /** Only with consent (contact_consent_at), for updates on this item. */
  contact_email: string | null;
  contact_consent_at: Timestamp | null;
  /** YYYY-MM-DD: 20 working days after it arrived. */
  target_date: CalendarDate | null;
  themes: TextArray;
  created_at: CreatedAt;
  updated_at: Timestamp;
  /** When its words and contact details were removed (retention or a person's request); null while kept. */
  anonymised_at: Timestamp | null;
  /** When an officer looked at the file(s) of an item with no words and found no concern (docs/decisions/028). */
  file_checked_at: Timestamp | null;
  file_checked_by: string | null;
}

export type FeedbackRespondent = "parent_carer" | "young_person" | "professional" | "other";
export type FeedbackTopic = "local_offer" | "education" | "health" | "social_care" | "preparing_for_adulthood" | "partnership" | "other";
export type FeedbackFormat = "standard" | "easy_read";
export type FeedbackAttachmentKind = "drawing" | "photo" | "audio" | "video";

/** A drawing, photo or recording sent with feedback (docs/decisions/022-feedback-uploads.md). */
export interface FeedbackAttachmentTable {
  id: Generated<string>;
  /** Null while the upload waits for its item (pending_token set). */
  feedback_item_id: string | null;
  kind: FeedbackAttachmentKind;
  /** The type found in the file's bytes: never the browser's claim or the file name's. */
  media_type: string;
  byte_size: number;
  content: ColumnType<Uint8Array, Uint8Array, never>;
  /** SHA-256 (hex) of the token in the form, while pending; null once attached. */
  pending_token: string | null;
  created_at: CreatedAt;
}


export type FeedbackEventKind =
  | "status"
  | "assigned"
  | "note"
  | "linked"
  | "themes"
  | "response_written"
  | "response_approved"
  | "task_changed"
  | "coproduction_linked";

export type ResponseOutcome = "done" | "will_do" | "cannot_do";

/** A working group's response to a family (migrations/202611231200_create_feedback_response.ts). */
export interface FeedbackResponseTable {
  feedback_item_id: string;
  outcome: ResponseOutcome;
  /** In plain words. */
  plain: string;
  /** In easy read, when the feedback came in easy read; "" otherwise. */
  easy_read: Generated<string>;
  /** Why not, for "we can't do this". */
  reason: Generated<string>;
  written_by: string | null;
  written_at: Timestamp;
  /** Set when a lead of the group approves it: only then does the family see it. */
  approved_by: string | null;
  approved_at: Timestamp | null;
}

export interface FeedbackItemConcernTable {
  feedback_item_id: string;
  area_of_concern_id: number;
}

export interface FeedbackItemTaskTable {
  feedback_item_id: string;
  task_id: number;
}

export interface FeedbackEventTable {
  id: Generated<string>;
  feedback_item_id: string;
  kind: FeedbackEventKind;
  from_status: string | null;
  to_status: string | null;
  working_group_id: number | null;
  note: Generated<string>;
  details: Json<Record<string, unknown>>;
  by_user_id: string | null;
  created_at: CreatedAt;
}

export interface YouSaidWeDidTable {
  id: Generated<string>;
  year: number;
  theme: YouSaidTheme;
  you_said: string;
  we_did: Generated<string>;
  action: Generated<string>;
  feedback_item_id: string | null;
  published_at: Timestamp | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  /** The working group the feedback went through, when it was written from feedback. */
  working_group_id: number | null;
  /** The families' representative who co-signed the published words; cleared when the words change. */
  cosigned_by: string | null;
  cosigned_at: Timestamp | null;
  cosigned_as: CosignedAs | null;
}

export type CosignedAs = "parent_carer_forum" | "participation_council";

// ---- Surveys (migrations/202611230300_create_surveys.ts) ----

export type SurveyStatus = "draft" | "scheduled" | "archived";
export type SurveyAccess = "open_link" | "invite_only";
export type SurveyPurpose = "annual" | "revisit";

export interface SurveyTable {
  id: Generated<string>;
  slug: string;
  audience: Audience;
  purpose: Generated<SurveyPurpose>;
  access: Generated<SurveyAccess>;
  status: Generated<SurveyStatus>;
  opens_at: Timestamp | null;
  closes_at: Timestamp | null;
  series: string;
  wave: Generated<string>;
  duplicated_from: string | null;
  current_version_id: string | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface SurveyVersionTable {
  id: Generated<string>;
  survey_id: string;
  number: number;
  definition: Json<SurveyDefinition>;
  locked_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface SurveyInvitationTable {
  id: Generated<string>;
  survey_id: string;
  code_hash: string;
  label: Generated<string>;
  created_at: CreatedAt;
  used_at: Timestamp | null;
}

export interface SurveyResponseTable {
  id: Generated<string>;
  survey_id: string;
  version_id: string;
  status: Generated<"draft" | "submitted">;
  reference: string | null;
  resume_code_hash: string | null;
  invitation_id: string | null;
  language: Generated<string>;
  format: Generated<"standard" | "easy_read">;
  last_page: string | null;
  started_at: Timestamp;
  updated_at: Timestamp;
  submitted_at: Timestamp | null;
  district: string | null;
  age_band: string | null;
  support_level: string | null;
  completed_by: string | null;
  /** When the retention sweep removed its free-text answers (docs/decisions/028). */
  free_text_removed_at: Timestamp | null;
}

export interface SurveyAnswerTable {
  response_id: string;
  question_key: string;
  value: Json<AnswerValue>;
  updated_at: Timestamp;
}

export interface OutboxTable {
  id: Generated<string>;
  kind: string;
  to_address: string;
  subject: string;
  body_text: string;
  status: Generated<"pending" | "sent" | "failed">;
  attempts: Generated<number>;
  next_attempt_at: DefaultedTimestamp;
  last_error: string | null;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
}

// ---- Re-visits (migrations/202611230400_create_revisits.ts) ----

export type RevisitMilestone = "notified" | "evidence" | "opens" | "closes" | "onsite";
export interface StoredOverride {
  date: string;
  reason: string;
  by: string | null;
  at: string;
}

export interface RevisitTable {
  id: Generated<string>;
  title: string;
  notified_on: CalendarDate;
  entered_as: "notified" | "onsite";
  entered_date: CalendarDate;
  computed: Json<Record<RevisitMilestone, string>>;
  overrides: ColumnType<Partial<Record<RevisitMilestone, StoredOverride>>, string | Partial<Record<RevisitMilestone, StoredOverride>> | undefined, string | Partial<Record<RevisitMilestone, StoredOverride>>>;
  flag: string | null;
  survey_id: string;
  meeting_when: Generated<string>;
  meeting_where: Generated<string>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface RevisitEventTable {
  id: Generated<string>;
  revisit_id: string;
  at: Timestamp;
  user_id: string | null;
  kind: string;
  details: ColumnType<Record<string, unknown>, string | Record<string, unknown> | undefined, string | Record<string, unknown>>;
}

export type RevisitCommentState = "open" | "accepted" | "rejected";

export interface RevisitCommentTable {
  id: Generated<string>;
  revisit_id: string;
  question_key: string | null;
  author_id: string | null;
  body: string;
  suggestion: string | null;
  state: Generated<RevisitCommentState>;
  reply: Generated<string>;
  resolved_by: string | null;
  resolved_at: Timestamp | null;
  created_at: Timestamp;
}

export interface RevisitSignoffTable {
  id: Generated<string>;
  revisit_id: string;
  user_id: string | null;
  definition_hash: string;
  note: Generated<string>;
  at: Timestamp;
}

/** The co-production log (docs/decisions/019-co-production-log.md). */
export type CoproductionType = "meeting" | "workshop" | "survey" | "focus_group" | "participation_council_session" | "board" | "task_and_finish_group";
export type CoproductionStage = "start" | "options" | "decision" | "delivery" | "review";
export type CoproductionLevel = "information" | "consultation" | "participation" | "co_production";
export type CoproductionStatus = "draft" | "published" | "closed";
export type YoungPersonAgeBand = "under_11" | "11_15" | "16_18" | "19_25";
export interface CoproductionParticipants {
  parent_carer: number;
  young_person: Record<YoungPersonAgeBand, number>;
  practitioner: number;
  other: number;
}
export interface CoproductionAccessibility {
  interpreter: boolean;
  bsl: boolean;
  easy_read: boolean;
  venue_notes: string;
}

export interface CoproductionActivityTable {
  id: Generated<string>;
  title: string;
  held_on: CalendarDate;
  working_group_id: number | null;
  type: CoproductionType;
  decision_open: Generated<string>;
  families_joined_stage: CoproductionStage;
  level: CoproductionLevel;
  participants: Json<CoproductionParticipants>;
  accessibility: ColumnType<CoproductionAccessibility, string | CoproductionAccessibility | undefined, string | CoproductionAccessibility>;
  families_said: Generated<string>;
  what_changed: Generated<string>;
  what_did_not_change_and_why: Generated<string>;
  evidence_links: ColumnType<string[], string | undefined, string>;
  told_outcome_how: Generated<string>;
  told_outcome_on: CalendarDate | null;
  level_confirmed_by: string | null;
  level_confirmed_at: Timestamp | null;
  status: Generated<CoproductionStatus>;
  published_at: Timestamp | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface CoproductionActivityActionTable {
  activity_id: string;
  action_id: number;
}

export interface CoproductionActivityTaskTable {
  activity_id: string;
  task_id: number;
}

/** Feedback that fed into an activity (migrations/202611231427_create_coproduction_feedback.ts). */
export interface CoproductionActivityFeedbackTable {
  activity_id: string;
  feedback_item_id: string;
}

// ---- Working groups' progress (migrations/202611230500_create_task_updates.ts) ----

export interface TaskUpdateTable {
  id: Generated<string>;
  task_id: number;
  /** The day the update describes ("YYYY-MM-DD"), never in the future. */
  at: CalendarDate;
  rag: Rag;
  outcome: string;
  /** http(s) only. */
  evidence_url: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

// ---- Safeguarding (migrations/202611230700_create_safeguarding.ts) ----

export type SafeguardingTermLanguage = "en" | "ur" | "pl";

export interface SafeguardingTermTable {
  id: Generated<string>;
  /** Normalised: lower case, no accents, words separated by one space. */
  phrase: string;
  /** The words as written, for people to read (Urdu letters as typed, Polish with its letters). */
  written: Generated<string>;
  language: Generated<SafeguardingTermLanguage>;
  added_by: string | null;
  created_at: CreatedAt;
}

export type SafeguardingSource = "survey_answer" | "page_feedback";
export type SafeguardingStatus = "open" | "in_progress" | "closed";

export interface SafeguardingFlagTable {
  id: Generated<string>;
  source: SafeguardingSource;
  response_id: string | null;
  question_key: string | null;
  feedback_item_id: string | null;
  matched: Json<string[]>;
  raised_by: "auto" | "person";
  raised_by_user_id: string | null;
  reason: Generated<string>;
  status: Generated<SafeguardingStatus>;
  closed_note: Generated<string>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** Children and young people at SEN support or with an EHC plan, per district and year (migrations/202612061000_create_analysis_denominator.ts). */
export interface AnalysisDenominatorTable {
  year: number;
  district_id: number;
  support_level: "sen_support" | "ehc_plan";
  children: number;
  updated_by: string | null;
  updated_at: DefaultedTimestamp;
}

// ---- Coding survey free text (migrations/202612061450_create_analysis_themes.ts) ----

export interface AnalysisThemeTable {
  id: Generated<number>;
  name: string;
  description: Generated<string>;
  /** The area of concern's number (1–12), not its row id: see docs/decisions/030. */
  area_of_concern_number: number;
  /** As written; the matcher normalises them. */
  keywords: TextArray;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
  retired_at: Timestamp | null;
}

export type AnswerThemeOrigin = "officer" | "suggestion";

export interface AnswerThemeTable {
  response_id: string;
  question_key: string;
  theme_id: number;
  origin: AnswerThemeOrigin;
  /** For a confirmed suggestion: the theme's words found in the answer. */
  suggested_by: Generated<string>;
  tagged_by_user_id: string | null;
  tagged_at: DefaultedTimestamp;
}

export interface AnalysisQuoteTable {
  id: Generated<string>;
  survey_id: string;
  response_id: string;
  question_key: string;
  /** Redacted when chosen (app/analysis/redact.ts). */
  text: string;
  removed: Generated<number>;
  language: Generated<string>;
  chosen_by: string | null;
  chosen_at: DefaultedTimestamp;
}

// ---- Feedback linked to actions, and what each person has seen (migrations/202612061400_add_feedback_action_links_and_seen.ts) ----

export interface FeedbackItemActionTable {
  feedback_item_id: string;
  action_id: number;
}

/** The last time a person opened an item: the inbox marks it new to them until they do. */
export interface FeedbackItemSeenTable {
  user_id: string;
  feedback_item_id: string;
  seen_at: ColumnType<Date, Date | string, Date | string>;
}

/**
 * Published findings for a survey wave: the officer's draft, and the snapshot families read
 * (migrations/202612061500_create_survey_findings.ts; app/analysis/findings.ts has the shapes).
 */
export interface SurveyFindingsTable {
  survey_id: string;
  title_plain: Generated<string>;
  title_easy_read: Generated<string>;
  summary_plain: Generated<string>;
  summary_easy_read: Generated<string>;
  /** The draft's blocks in order (FindingsBlock[]), checked when read. */
  blocks: ColumnType<unknown, string | undefined, string>;
  /** What families see (PublishedFindings), frozen at publication; null when not published. */
  published: ColumnType<unknown, string | null | undefined, string | null>;
  published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  published_by: string | null;
  updated_at: DefaultedTimestamp;
  updated_by: string | null;
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
  feedback_response: FeedbackResponseTable;
  session: SessionTable;
  invitation: InvitationTable;
  rate_limit: RateLimitTable;
  audit_log: AuditLogTable;
  app_setting: AppSettingTable;
  need: NeedTable;
  category: CategoryTable;
  service: ServiceTable;
  service_need: ServiceNeedTable;
  service_category: ServiceCategoryTable;
  service_district: ServiceDistrictTable;
  location: LocationTable;
  service_at_location: ServiceAtLocationTable;
  service_contact: ServiceContactTable;
  service_schedule: ServiceScheduleTable;
  service_version: ServiceVersionTable;
  service_proposal: ServiceProposalTable;
  service_review: ServiceReviewTable;
  search_synonym: SearchSynonymTable;
  search_log: SearchLogTable;
  feedback_item: FeedbackItemTable;
  feedback_attachment: FeedbackAttachmentTable;
  you_said_we_did: YouSaidWeDidTable;
  survey: SurveyTable;
  survey_version: SurveyVersionTable;
  survey_invitation: SurveyInvitationTable;
  survey_response: SurveyResponseTable;
  survey_answer: SurveyAnswerTable;
  outbox: OutboxTable;
  revisit: RevisitTable;
  revisit_event: RevisitEventTable;
  revisit_comment: RevisitCommentTable;
  revisit_signoff: RevisitSignoffTable;
  task_update: TaskUpdateTable;
  coproduction_activity: CoproductionActivityTable;
  coproduction_activity_action: CoproductionActivityActionTable;
  coproduction_activity_task: CoproductionActivityTaskTable;
  coproduction_activity_feedback: CoproductionActivityFeedbackTable;
  safeguarding_term: SafeguardingTermTable;
  safeguarding_flag: SafeguardingFlagTable;
  feedback_item_concern: FeedbackItemConcernTable;
  feedback_item_task: FeedbackItemTaskTable;
  feedback_event: FeedbackEventTable;
  analysis_denominator: AnalysisDenominatorTable;
  analysis_theme: AnalysisThemeTable;
  answer_theme: AnswerThemeTable;
  analysis_quote: AnalysisQuoteTable;
  feedback_item_action: FeedbackItemActionTable;
  feedback_item_seen: FeedbackItemSeenTable;
  survey_findings: SurveyFindingsTable;
}
