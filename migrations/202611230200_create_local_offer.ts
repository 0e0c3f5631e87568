import { sql, type Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.
// The local offer, aligned with Open Referral UK 3.0 (service, organization,
// location, service_at_location, contact, schedule, cost option, taxonomy term,
// service area, language, accessibility) plus what SEND families need.
// See docs/decisions/009-local-offer-model.md.

const uuidPk = (c: any) => c.primaryKey().defaultTo(sql`gen_random_uuid()`);
const now = sql`now()`;

export async function up(db: Kysely<any>): Promise<void> {
  // Typo-tolerant search. pg_trgm is a trusted extension: the database owner may create it.
  await sql`create extension if not exists pg_trgm`.execute(db);

  // ORUK organization: description, email, website beside the existing id and name.
  await db.schema
    .alterTable("organisation")
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema.alterTable("organisation").addColumn("email", "text", (c) => c.notNull().defaultTo("")).execute();
  await db.schema.alterTable("organisation").addColumn("website", "text", (c) => c.notNull().defaultTo("")).execute();
  await db.schema.alterTable("organisation").addColumn("phone", "text", (c) => c.notNull().defaultTo("")).execute();

  // Specific needs (editable), each under one of the four broad areas of need.
  await db.schema
    .createTable("need")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("broad_area", "text", (c) =>
      c.notNull().check(sql`broad_area in ('communication_interaction','cognition_learning','semh','sensory_physical')`),
    )
    .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  // Categories: the local offer's taxonomy (ORUK taxonomy_term).
  await db.schema
    .createTable("category")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable("service")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("organisation_id", "uuid", (c) => c.notNull().references("organisation.id").onDelete("restrict"))
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("draft").check(sql`status in ('draft','awaiting_approval','published','archived')`),
    )
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("who_for", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("how_to_access", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("referral_required", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("diagnosis_required", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("ehcp_required", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("age_min", "integer", (c) => c.notNull().defaultTo(0).check(sql`age_min between 0 and 25`))
    .addColumn("age_max", "integer", (c) => c.notNull().defaultTo(25).check(sql`age_max between 0 and 25`))
    .addColumn("phases", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn("delivery", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn("cost", "text", (c) => c.notNull().defaultTo("free").check(sql`cost in ('free','charge','varies')`))
    .addColumn("cost_detail", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("whole_area", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("languages", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{en}'::text[]`))
    .addColumn("email", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("phone", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("website", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("is_setting", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("send_information", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("search_terms", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("search_vector", sql`tsvector`, (c) =>
      c.generatedAlwaysAs(sql`
        setweight(to_tsvector('english', coalesce(name, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(search_terms, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(summary, '')), 'B') ||
        setweight(to_tsvector('english', coalesce(description, '') || ' ' || coalesce(who_for, '')), 'C')`).stored(),
    )
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("last_reviewed_at", "timestamptz")
    .addColumn("last_reviewed_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("review_due_on", "date")
    .addColumn("hidden_at", "timestamptz")
    .addColumn("hidden_reason", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("published_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addCheckConstraint("service_age_order", sql`age_min <= age_max`)
    .execute();
  await sql`create index service_search_idx on service using gin (search_vector)`.execute(db);
  await sql`create index service_name_trgm_idx on service using gin (name gin_trgm_ops)`.execute(db);
  await sql`create index service_status_idx on service (status) where hidden_at is null`.execute(db);
  await db.schema.createIndex("service_organisation_idx").on("service").column("organisation_id").execute();
  await db.schema.createIndex("service_review_due_idx").on("service").column("review_due_on").execute();

  await db.schema
    .createTable("service_need")
    .addColumn("service_id", "uuid", (c) => c.notNull().references("service.id").onDelete("cascade"))
    .addColumn("need_id", "integer", (c) => c.notNull().references("need.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("service_need_pk", ["service_id", "need_id"])
    .execute();
  await db.schema.createIndex("service_need_need_idx").on("service_need").column("need_id").execute();

  await db.schema
    .createTable("service_category")
    .addColumn("service_id", "uuid", (c) => c.notNull().references("service.id").onDelete("cascade"))
    .addColumn("category_id", "uuid", (c) => c.notNull().references("category.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("service_category_pk", ["service_id", "category_id"])
    .execute();
  await db.schema.createIndex("service_category_category_idx").on("service_category").column("category_id").execute();

  // ORUK service_area: the districts a service covers (or service.whole_area).
  await db.schema
    .createTable("service_district")
    .addColumn("service_id", "uuid", (c) => c.notNull().references("service.id").onDelete("cascade"))
    .addColumn("district_id", "integer", (c) => c.notNull().references("district.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("service_district_pk", ["service_id", "district_id"])
    .execute();
  await db.schema.createIndex("service_district_district_idx").on("service_district").column("district_id").execute();

  await db.schema
    .createTable("location")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("organisation_id", "uuid", (c) => c.references("organisation.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("address_1", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("city", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("postcode", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("district_id", "integer", (c) => c.references("district.id").onDelete("set null"))
    .addColumn("latitude", "double precision")
    .addColumn("longitude", "double precision")
    /** Venue accessibility: feature keys (step-free, accessible toilet, hearing loop, …) plus words. */
    .addColumn("accessibility", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn("accessibility_description", "text", (c) => c.notNull().defaultTo(""))
    .execute();

  await db.schema
    .createTable("service_at_location")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("service_id", "uuid", (c) => c.notNull().references("service.id").onDelete("cascade"))
    .addColumn("location_id", "uuid", (c) => c.notNull().references("location.id").onDelete("cascade"))
    .addUniqueConstraint("service_at_location_unique", ["service_id", "location_id"])
    .execute();

  await db.schema
    .createTable("service_contact")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("service_id", "uuid", (c) => c.notNull().references("service.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("title", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("email", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("phone", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  // ORUK schedule: weekly opening (byday MO..SU) or words only.
  await db.schema
    .createTable("service_schedule")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("service_id", "uuid", (c) => c.notNull().references("service.id").onDelete("cascade"))
    .addColumn("byday", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("opens_at", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("closes_at", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  // Version history: a snapshot of the editable content each time a version is published.
  await db.schema
    .createTable("service_version")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("service_id", "uuid", (c) => c.notNull().references("service.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("content", "jsonb", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addUniqueConstraint("service_version_unique", ["service_id", "version"])
    .execute();

  // A provider's proposed change to a published service: draft (still being
  // edited) → pending (sent for approval) → approved or rejected (with a reason).
  await db.schema
    .createTable("service_proposal")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("service_id", "uuid", (c) => c.references("service.id").onDelete("cascade"))
    .addColumn("organisation_id", "uuid", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
    .addColumn("base_version", "integer")
    .addColumn("content", "jsonb", (c) => c.notNull())
    .addColumn("state", "text", (c) =>
      c.notNull().defaultTo("draft").check(sql`state in ('draft','pending','approved','rejected','withdrawn')`),
    )
    .addColumn("proposed_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("proposed_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("decided_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("decided_at", "timestamptz")
    .addColumn("reason", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema.createIndex("service_proposal_state_idx").on("service_proposal").column("state").execute();

  // Human reviews: the only source of "Checked on" and ORUK assured_date.
  await db.schema
    .createTable("service_review")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("service_id", "uuid", (c) => c.notNull().references("service.id").onDelete("cascade"))
    .addColumn("reviewed_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("reviewed_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('editor_review','provider_confirmed','change_approved','imported')`),
    )
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema.createIndex("service_review_service_idx").on("service_review").column("service_id").execute();

  // Jargon and synonyms that officers edit: each row is a group of equivalent terms.
  await db.schema
    .createTable("search_synonym")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("terms", sql`text[]`, (c) => c.notNull())
    .addColumn("explanation", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .execute();

  // Every search, kept without anything about who searched: unmet searches show gaps.
  await db.schema
    .createTable("search_log")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("query", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("filters", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("result_count", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("search_log_at_idx").on("search_log").column("at").execute();

  // Feedback items. The local offer's page feedback lands here now; the
  // feedback loop (issue 6) adds triage, routing and responses on top.
  await db.schema
    .createTable("feedback_item")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("reference", "text", (c) => c.notNull().unique())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("page_path", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("service_id", "uuid", (c) => c.references("service.id").onDelete("set null"))
    .addColumn("useful", "boolean")
    .addColumn("body", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("working_group_id", "integer", (c) => c.references("working_group.id").onDelete("set null"))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("received"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("feedback_item_created_idx").on("feedback_item").column("created_at").execute();

  // "You said, we did": anonymised comments on the local offer with the area's response (reg. 56).
  await db.schema
    .createTable("you_said_we_did")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("theme", "text", (c) =>
      c.notNull().check(sql`theme in ('content','accessibility','development')`),
    )
    .addColumn("you_said", "text", (c) => c.notNull())
    .addColumn("we_did", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("action", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("feedback_item_id", "uuid", (c) => c.references("feedback_item.id").onDelete("set null"))
    .addColumn("published_at", "timestamptz")
    .addColumn("created_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .execute();

  await seedTaxonomy(db);
}

/** Starting lists every installation needs; officers and admins edit them afterwards. */
async function seedTaxonomy(db: Kysely<any>): Promise<void> {
  const needs: [string, string, string][] = [
    ["autism", "Autism", "communication_interaction"],
    ["speech-language-communication", "Speech, language and communication", "communication_interaction"],
    ["learning-disability", "Learning disability", "cognition_learning"],
    ["specific-learning-difficulty", "Specific learning difficulty (such as dyslexia)", "cognition_learning"],
    ["adhd", "ADHD", "semh"],
    ["mental-health", "Mental health and emotional wellbeing", "semh"],
    ["social-emotional", "Social and emotional needs", "semh"],
    ["hearing", "Hearing impairment", "sensory_physical"],
    ["vision", "Vision impairment", "sensory_physical"],
    ["multi-sensory", "Multi-sensory impairment", "sensory_physical"],
    ["physical-disability", "Physical disability", "sensory_physical"],
    ["medical-needs", "Medical needs", "sensory_physical"],
  ];
  await db
    .insertInto("need")
    .values(needs.map(([slug, name, broad_area], i) => ({ slug, name, broad_area, sort_order: i })))
    .execute();

  const categories: [string, string, string][] = [
    ["education", "Education and schools", "Schools, colleges, nurseries and support for learning."],
    ["health", "Health and therapies", "Health services, therapies and specialist clinics."],
    ["social-care", "Social care and short breaks", "Support at home, short breaks and help for carers."],
    ["activities", "Activities and clubs", "Leisure, sport, play and youth activities."],
    ["advice", "Advice and support", "Information, advice, advocacy and support groups."],
    ["early-years", "Early years and childcare", "Support from birth to starting school."],
    ["preparing-for-adulthood", "Preparing for adulthood", "Work, independent living, friendships and health from 14 to 25."],
    ["transport", "Travel and transport", "Help getting to school, college and activities."],
  ];
  await db
    .insertInto("category")
    .values(categories.map(([slug, name, description], i) => ({ slug, name, description, sort_order: i })))
    .execute();

  const synonyms: [string[], string][] = [
    [["autism", "autistic", "asd", "asc", "autism spectrum disorder", "autism spectrum condition"], "Autism"],
    [["salt", "slt", "speech and language therapy", "speech therapy", "speech and language"], "Speech and language therapy"],
    [["semh", "social emotional and mental health", "mental health", "emotional wellbeing"], "Social, emotional and mental health"],
    [["adhd", "add", "attention deficit", "hyperactivity"], "Attention deficit hyperactivity disorder"],
    [["ehcp", "ehc plan", "education health and care plan", "statement"], "Education, health and care plan"],
    [["ot", "occupational therapy"], "Occupational therapy"],
    [["camhs", "cyp mental health", "children's mental health service"], "Children and young people's mental health service"],
    [["sendiass", "iass", "information advice and support"], "Information, advice and support service"],
    [["respite", "short breaks", "short break"], "Short breaks"],
    [["pfa", "preparing for adulthood", "transition"], "Preparing for adulthood"],
    [["mld", "sld", "pmld", "learning disability", "learning difficulties"], "Learning disability"],
    [["vi", "visual impairment", "vision", "blind", "sight"], "Vision impairment"],
    [["hi", "hearing impairment", "deaf", "hearing"], "Hearing impairment"],
    [["senco", "special educational needs co-ordinator"], "Special educational needs co-ordinator"],
  ];
  await db
    .insertInto("search_synonym")
    .values(synonyms.map(([terms, explanation]) => ({ terms: sql`${sql.val(terms)}::text[]`, explanation })))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "you_said_we_did", "feedback_item", "search_log", "search_synonym", "service_review", "service_proposal",
    "service_version", "service_schedule", "service_contact", "service_at_location", "location",
    "service_district", "service_category", "service_need", "service", "category", "need",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  for (const column of ["description", "email", "website", "phone"]) {
    await db.schema.alterTable("organisation").dropColumn(column).execute();
  }
}
