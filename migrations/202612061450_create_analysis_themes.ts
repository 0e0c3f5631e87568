import { sql, type Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.
// Coding survey free text with themes (docs/decisions/030-free-text-coding.md):
//  - analysis_theme: the maintained list of themes, each tied to one of the 12 areas of
//    concern by its number (the number of an area of concern never changes; its row may
//    not exist yet when this runs, on a new installation), with the words that make the
//    portal suggest it. Themes are retired, never deleted: their tags stay.
//  - answer_theme: a theme on one free-text answer (a response and a question key), with
//    who put it there and how: by hand ("officer"), or a suggestion an officer confirmed
//    ("suggestion", with the words that made the suggestion). Suggestions themselves are
//    worked out when a page is read and never stored.
//  - analysis_quote: an answer chosen as a quote for a wave's published findings, its text
//    stored with names, emails and phone numbers already taken out.

const now = sql`now()`;

/** The starter list: plain-words names, the area of concern each belongs to, and words that suggest it. */
export const STARTER_THEMES: readonly { name: string; area: number; description: string; keywords: readonly string[] }[] = [
  {
    name: "Leadership and a shared plan",
    area: 1,
    description: "Whether anyone is in charge, and whether services share one plan.",
    keywords: ["leaders", "leadership", "no plan", "nobody in charge", "joined up", "strategy", "vision"],
  },
  {
    name: "Knowing local needs",
    area: 2,
    description: "Whether leaders know what local children and families need.",
    keywords: ["local needs", "understand our needs", "know about", "data", "numbers", "nobody knows"],
  },
  {
    name: "Health and council working together",
    area: 3,
    description: "The council, schools and the NHS planning and working together.",
    keywords: ["nhs", "council and health", "health and education", "jointly", "joint working", "joint training", "commissioning"],
  },
  {
    name: "Therapies",
    area: 3,
    description: "Speech and language therapy, occupational therapy and physiotherapy.",
    keywords: ["speech therapy", "speech and language", "occupational therapy", "physiotherapy", "therapist", "therapy"],
  },
  {
    name: "Mental health support",
    area: 3,
    description: "Help with mental health, worries and emotions.",
    keywords: ["mental health", "camhs", "anxious", "anxiety", "worried", "emotions", "someone to talk to"],
  },
  {
    name: "Short breaks and activities",
    area: 3,
    description: "Short breaks, clubs and things to do.",
    keywords: ["short breaks", "short break", "respite", "clubs", "activities", "holiday club"],
  },
  {
    name: "Being listened to",
    area: 4,
    description: "Whether families' and young people's views are asked for and heard.",
    keywords: ["listen", "listened", "not listening", "ignored", "talked over", "asked what i thought", "ask me", "my views", "consulted"],
  },
  {
    name: "Communication with families",
    area: 4,
    description: "Replies, phone calls, keeping in touch and one person to contact.",
    keywords: [
      "reply",
      "replied",
      "never replied",
      "no reply",
      "phone call",
      "call back",
      "emails",
      "unanswered",
      "chased",
      "keeps in touch",
      "point of contact",
      "named person",
      "case worker",
      "caseworker",
      "case officer",
    ],
  },
  {
    name: "Getting needs recognised early",
    area: 5,
    description: "Needs noticed early, help at SEN support, and help before a crisis.",
    keywords: ["sen support", "early help", "identified", "recognised", "needs assessment", "crisis point", "before things reach"],
  },
  {
    name: "EHC plan quality",
    area: 6,
    description: "What EHC plans say, how specific they are, and whether they arrive in time.",
    keywords: ["ehc plan", "ehcp", "ehc", "draft plan", "plans", "provision", "vague", "deadline", "copied from old reports"],
  },
  {
    name: "Annual reviews",
    area: 6,
    description: "Annual reviews of EHC plans happening, and on time.",
    keywords: ["annual review", "annual reviews", "review meeting"],
  },
  {
    name: "Waiting for assessment",
    area: 7,
    description: "Waits for an assessment or a diagnosis, for autism and other needs.",
    keywords: ["waiting list", "waiting", "wait", "waits", "autism assessment", "assessment", "diagnosis", "diagnoza", "انتظار"],
  },
  {
    name: "Autism and ADHD",
    area: 7,
    description: "Support and pathways for autistic children and children with ADHD.",
    keywords: ["autism", "autistic", "asd", "adhd", "neurodevelopmental", "آٹزم"],
  },
  {
    name: "Help in school",
    area: 8,
    description: "Support in class, staff training, and how children get on at school.",
    keywords: ["help in school", "extra help", "teaching assistant", "senco", "school staff", "training", "quiet room", "quiet space", "teachers"],
  },
  {
    name: "Progress and outcomes",
    area: 8,
    description: "Whether children and young people are doing better.",
    keywords: ["progress", "outcomes", "achieve", "doing better", "results"],
  },
  {
    name: "Transition to adulthood",
    area: 9,
    description: "Moving on to college, work, adult services and living more independently.",
    keywords: ["adult services", "adulthood", "transition", "turning 18", "moving on", "college", "job", "employment", "independent", "on my own", "year 9", "pracy"],
  },
  {
    name: "Exclusions and part-time timetables",
    area: 10,
    description: "Exclusions, suspensions, part-time timetables and children out of school.",
    keywords: ["excluded", "exclusion", "suspended", "suspension", "part time timetable", "sent home", "off rolled", "too anxious to go to school", "out of school"],
  },
  {
    name: "Fairness across the area",
    area: 11,
    description: "Whether help depends on where a family lives.",
    keywords: ["north of the county", "in the north", "postcode", "where you live", "unfair", "same help", "depends on the area", "near us"],
  },
  {
    name: "School transport",
    area: 11,
    description: "Getting to school or college: transport, buses, taxis and journeys.",
    keywords: ["transport", "school bus", "taxi", "journey", "get the bus"],
  },
  {
    name: "Local offer information",
    area: 12,
    description: "Finding clear information about services, on the local offer website and elsewhere.",
    keywords: ["local offer", "information", "website", "directory", "find services", "out of date", "broken link", "plain english", "معلومات", "informacji"],
  },
  {
    name: "Other languages and interpreters",
    area: 12,
    description: "Information and meetings in families' own languages.",
    keywords: ["other languages", "interpreter", "translator", "translation", "in urdu", "in polish", "ترجمان", "اردو", "tłumacz", "po polsku"],
  },
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("analysis_theme")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull().check(sql`name <> '' and length(name) <= 80`))
    .addColumn("description", "text", (c) => c.notNull().defaultTo("").check(sql`length(description) <= 300`))
    // The area of concern's number (1 to 12 in the written statement of action), not its row id.
    .addColumn("area_of_concern_number", "integer", (c) => c.notNull().check(sql`area_of_concern_number between 1 and 99`))
    // As written (tidied); the matcher normalises them when it reads them.
    .addColumn("keywords", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn("created_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("retired_at", "timestamptz")
    .execute();
  await db.schema
    .createIndex("analysis_theme_name_key")
    .on("analysis_theme")
    .unique()
    .expression(sql`lower(name)`)
    .execute();
  await db
    .insertInto("analysis_theme")
    .values(
      STARTER_THEMES.map((t) => ({
        name: t.name,
        description: t.description,
        area_of_concern_number: t.area,
        keywords: [...t.keywords],
      })),
    )
    .execute();

  await db.schema
    .createTable("answer_theme")
    .addColumn("response_id", "uuid", (c) => c.notNull().references("survey_response.id").onDelete("cascade"))
    .addColumn("question_key", "text", (c) => c.notNull())
    .addColumn("theme_id", "integer", (c) => c.notNull().references("analysis_theme.id").onDelete("restrict"))
    .addColumn("origin", "text", (c) => c.notNull().check(sql`origin in ('officer','suggestion')`))
    // For a confirmed suggestion, the theme's words found in the answer ("waiting list, autism").
    .addColumn("suggested_by", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("tagged_by_user_id", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("tagged_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint("answer_theme_pk", ["response_id", "question_key", "theme_id"])
    .addCheckConstraint("answer_theme_suggested_by", sql`origin = 'suggestion' or suggested_by = ''`)
    .execute();
  await db.schema.createIndex("answer_theme_by_theme").on("answer_theme").columns(["theme_id"]).execute();

  await db.schema
    .createTable("analysis_quote")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("survey_id", "uuid", (c) => c.notNull().references("survey.id").onDelete("cascade"))
    .addColumn("response_id", "uuid", (c) => c.notNull().references("survey_response.id").onDelete("cascade"))
    .addColumn("question_key", "text", (c) => c.notNull())
    // Already redacted (app/analysis/redact.ts) when it was chosen: the words as they may be published.
    .addColumn("text", "text", (c) => c.notNull().check(sql`text <> ''`))
    // How many names, emails and phone numbers redaction took out.
    .addColumn("removed", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("language", "text", (c) => c.notNull().defaultTo("en-GB"))
    .addColumn("chosen_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("chosen_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint("analysis_quote_answer_key", ["response_id", "question_key"])
    .execute();
  await db.schema.createIndex("analysis_quote_by_survey").on("analysis_quote").columns(["survey_id", "chosen_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("analysis_quote").execute();
  await db.schema.dropTable("answer_theme").execute();
  await db.schema.dropTable("analysis_theme").execute();
}
