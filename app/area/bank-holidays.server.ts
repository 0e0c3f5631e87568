import { sql, type Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { ParsedBankHoliday } from "./bank-holidays";

export interface BankHolidayImportResult {
  /** Dates that were not in the list before. */
  added: number;
  /** Dates already in the list whose title or notes changed. */
  updated: number;
  /** Dates already in the list exactly as imported. */
  unchanged: number;
}

export interface BankHolidayRow {
  date: string;
  title: string;
  notes: string;
  division: string;
}

/** Rows per insert: 4 parameters each stays well inside PostgreSQL's 65,535. */
const BATCH = 1000;

/**
 * Adds or updates England and Wales bank holidays (from parseBankHolidaysJson). A date
 * already listed takes the imported title and notes; one with the same title and notes is
 * left alone and counted as unchanged. Pass a transaction to make it all-or-nothing.
 */
export async function importBankHolidays(
  db: Kysely<Database>,
  { holidays }: { holidays: ParsedBankHoliday[] },
): Promise<BankHolidayImportResult> {
  // One row per date: PostgreSQL refuses to update the same row twice in one statement.
  const byDate = new Map<string, ParsedBankHoliday>();
  for (const h of holidays) if (!byDate.has(h.date)) byDate.set(h.date, h);
  const rows = [...byDate.values()];

  let added = 0;
  let updated = 0;
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const changed = await db
      .insertInto("bank_holiday")
      .values(batch.map((h) => ({ date: h.date, title: h.title, notes: h.notes, division: "england-and-wales" })))
      .onConflict((oc) =>
        oc
          .column("date")
          .doUpdateSet((eb) => ({ title: eb.ref("excluded.title"), notes: eb.ref("excluded.notes") }))
          .where((eb) =>
            eb.or([
              eb("bank_holiday.title", "is distinct from", eb.ref("excluded.title")),
              eb("bank_holiday.notes", "is distinct from", eb.ref("excluded.notes")),
            ]),
          ),
      )
      // A row the statement inserted has no deleting transaction yet: xmax is 0.
      .returning(sql<boolean>`(xmax = 0)`.as("inserted"))
      .execute();
    for (const row of changed) {
      if (row.inserted) added += 1;
      else updated += 1;
    }
  }
  return { added, updated, unchanged: rows.length - added - updated };
}

/** Bank holidays from `from` to `to` inclusive ("YYYY-MM-DD"), earliest first. */
export async function listBankHolidays(
  db: Kysely<Database>,
  { from, to }: { from: string; to: string },
): Promise<BankHolidayRow[]> {
  return db
    .selectFrom("bank_holiday")
    .select(["date", "title", "notes", "division"])
    .where("date", ">=", from)
    .where("date", "<=", to)
    .orderBy("date")
    .execute();
}
