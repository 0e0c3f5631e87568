import type { Kysely } from "kysely";
import type { Database } from "../schema";
import { hashPassword } from "../../app/auth/password.server";
import { englandAndWalesBankHolidays } from "./bank-holidays";
import { seedDemoArea } from "./area";
import { seedDemoCoProduction } from "./co-production";
import { seedDemoEvidence } from "./evidence";
import { seedDemoFeedback } from "./feedback";
import { demoAccounts, DEMO_PROVIDER_ORGANISATION } from "./demo-accounts";
import { seedDemoLocalOffer } from "./local-offer";
import { seedDemoRevisits } from "./revisits";
import { seedDemoSurveys } from "./surveys";
import { seedDemoYouSaidWeDid } from "./you-said-we-did";

/** Data every installation needs, demo or not. Safe to run on every start. */
export async function seedReferenceData(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto("bank_holiday")
    .values(englandAndWalesBankHolidays.map((h) => ({ date: h.date, title: h.title, notes: h.notes ?? "" })))
    .onConflict((oc) => oc.column("date").doNothing())
    .execute();
}

export async function isDemoSeeded(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom("area").select("id").limit(1).executeTakeFirst();
  return row !== undefined;
}

/** The demo area (Lancashire), the demo staff accounts and the demo local offer, in one transaction. */
export async function seedDemo(db: Kysely<Database>, options: { password: string }): Promise<void> {
  const passwordHash = await hashPassword(options.password);
  await db.transaction().execute(async (trx) => {
    await seedDemoArea(trx);
    const organisation = await trx
      .insertInto("organisation")
      .values({ name: DEMO_PROVIDER_ORGANISATION })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const account of demoAccounts) {
      const user = await trx
        .insertInto("app_user")
        .values({
          email: account.email,
          name: account.name,
          role: account.role,
          password_hash: passwordHash,
          organisation_id: account.organisation ? organisation.id : null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      if (account.workingGroups?.length) {
        const groups = await trx.selectFrom("working_group").select("id").where("slug", "in", account.workingGroups).execute();
        if (groups.length) {
          await trx
            .insertInto("user_working_group")
            .values(groups.map((g) => ({ user_id: user.id, working_group_id: g.id, is_lead: account.leadsGroups ?? false })))
            .execute();
        }
      }
    }
    await seedDemoLocalOffer(trx, new Date());
    await seedDemoYouSaidWeDid(trx, new Date());
    await seedDemoSurveys(trx, new Date());
    await seedDemoRevisits(trx, new Date());
    await seedDemoCoProduction(trx, new Date());
    await seedDemoFeedback(trx, new Date());
    await seedDemoEvidence(trx, new Date());
  });
}

/** Sets every demo account's password (used when DEMO_PASSWORD is given after the first start). */
export async function setDemoPassword(db: Kysely<Database>, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db
    .updateTable("app_user")
    .set({ password_hash: passwordHash })
    .where(
      "email",
      "in",
      demoAccounts.map((a) => a.email),
    )
    .execute();
}
