import { Migrator, sql } from "kysely";
import { expect, it } from "vitest";
import { migrations } from "../../migrations/index";
import { describeDb } from "../../tests/setup/database";

describeDb("the safeguarding migration", ({ db }) => {
  it("adds the safeguarding lead role, and takes it away again going down", async () => {
    const migrator = new Migrator({ db: db(), provider: { getMigrations: async () => migrations } });
    const lead = { email: "lead@migration.test", name: "Lead", role: "safeguarding_lead" as const, password_hash: null };
    await db().insertInto("app_user").values(lead).execute();

    const down = await migrator.migrateTo("202611230600_create_co_production");
    expect(down.error).toBeUndefined();
    const tables = await sql<{ n: string }>`select count(*)::text as n from information_schema.tables where table_name like 'safeguarding_%'`.execute(db());
    expect(tables.rows[0]!.n).toBe("0");
    await expect(db().insertInto("app_user").values(lead).execute()).rejects.toThrow(/app_user_role_check/);

    const up = await migrator.migrateToLatest();
    expect(up.error).toBeUndefined();
    await db().insertInto("app_user").values(lead).execute();
    await expect(db().insertInto("app_user").values({ ...lead, email: "x@migration.test", role: "nobody" as never }).execute()).rejects.toThrow(/app_user_role_check/);
  });
});
