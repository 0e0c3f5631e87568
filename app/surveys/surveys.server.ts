/**
 * Creating surveys and their versions. Every writer (builder, duplicate, seed,
 * import) goes through here, so a definition is always checked before it is stored.
 */
import type { Kysely, Transaction } from "kysely";
import type { Database, SurveyAccess, SurveyPurpose, SurveyStatus } from "../../db/schema";
import { SurveyDefinitionSchema, type Audience, type SurveyDefinition } from "./definition";

type Db = Kysely<Database> | Transaction<Database>;

export interface NewSurvey {
  slug: string;
  audience: Audience;
  series: string;
  wave?: string;
  purpose?: SurveyPurpose;
  access?: SurveyAccess;
  status?: SurveyStatus;
  opensAt?: Date | null;
  closesAt?: Date | null;
  duplicatedFrom?: string | null;
  definition: SurveyDefinition;
}

/** Creates a survey with version 1 as its current version. Throws if the definition is not valid. */
export async function createSurvey(db: Db, input: NewSurvey): Promise<{ id: string; versionId: string }> {
  const definition = SurveyDefinitionSchema.parse(input.definition);
  const survey = await db
    .insertInto("survey")
    .values({
      slug: input.slug,
      audience: input.audience,
      series: input.series,
      wave: input.wave ?? "",
      purpose: input.purpose ?? "annual",
      access: input.access ?? "open_link",
      status: input.status ?? "draft",
      opens_at: input.opensAt ?? null,
      closes_at: input.closesAt ?? null,
      duplicated_from: input.duplicatedFrom ?? null,
      current_version_id: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const versionId = await addVersion(db, survey.id, definition);
  return { id: survey.id, versionId };
}

/** A new version (the next number) made current. Throws if the definition is not valid. */
export async function addVersion(db: Db, surveyId: string, definition: SurveyDefinition): Promise<string> {
  const checked = SurveyDefinitionSchema.parse(definition);
  const last = await db
    .selectFrom("survey_version")
    .select((eb) => eb.fn.max("number").as("n"))
    .where("survey_id", "=", surveyId)
    .executeTakeFirst();
  const version = await db
    .insertInto("survey_version")
    .values({ survey_id: surveyId, number: Number(last?.n ?? 0) + 1, definition: JSON.stringify(checked) })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.updateTable("survey").set({ current_version_id: version.id }).where("id", "=", surveyId).execute();
  return version.id;
}
