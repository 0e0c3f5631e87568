import { expect, it } from "vitest";
import { describeDb } from "../../tests/setup/database";
import { parseBankHolidaysJson } from "./bank-holidays";
import { importBankHolidays, listBankHolidays } from "./bank-holidays.server";

// Years no other test or seed touches, so the tests can share one database.
const file = JSON.stringify({
  "england-and-wales": {
    division: "england-and-wales",
    events: [
      { title: "New Year’s Day", date: "2091-01-01", notes: "", bunting: true },
      { title: "Good Friday", date: "2091-03-30", notes: "", bunting: false },
      { title: "Easter Monday", date: "2091-04-02", notes: "", bunting: true },
      { title: "Christmas Day", date: "2091-12-25", notes: "", bunting: true },
      { title: "Boxing Day", date: "2091-12-26", notes: "", bunting: true },
    ],
  },
  scotland: { division: "scotland", events: [{ title: "St Andrew’s Day", date: "2091-11-30", notes: "" }] },
});

function parsed(text: string) {
  const result = parseBankHolidaysJson(text);
  if (!result.ok) throw new Error(result.error);
  return result.holidays;
}

describeDb("bank holiday import", ({ db }) => {
  it("adds new dates, then counts a re-import as unchanged, then updates what changed", async () => {
    const holidays = parsed(file);
    expect(await importBankHolidays(db(), { holidays })).toEqual({ added: 5, updated: 0, unchanged: 0 });
    expect(await importBankHolidays(db(), { holidays })).toEqual({ added: 0, updated: 0, unchanged: 5 });

    const changed = holidays.map((h) =>
      h.date === "2091-12-26" ? { ...h, notes: "Substitute day" } : h.date === "2091-01-01" ? { ...h, title: "New Year's Day" } : h,
    );
    changed.push({ date: "2091-05-07", title: "Early May bank holiday", notes: "" });
    expect(await importBankHolidays(db(), { holidays: changed })).toEqual({ added: 1, updated: 2, unchanged: 3 });

    const rows = await listBankHolidays(db(), { from: "2091-01-01", to: "2091-12-31" });
    expect(rows.find((r) => r.date === "2091-12-26")).toMatchObject({ title: "Boxing Day", notes: "Substitute day" });
    expect(rows.find((r) => r.date === "2091-01-01")?.title).toBe("New Year's Day");
    expect(rows.every((r) => r.division === "england-and-wales")).toBe(true);
  });

  it("lists a date range inclusively, in date order, as plain date strings", async () => {
    await importBankHolidays(db(), {
      holidays: [
        { date: "2092-12-26", title: "Boxing Day", notes: "" },
        { date: "2092-01-01", title: "New Year’s Day", notes: "" },
        { date: "2092-12-25", title: "Christmas Day", notes: "" },
        { date: "2093-01-01", title: "New Year’s Day", notes: "" },
      ],
    });
    const rows = await listBankHolidays(db(), { from: "2092-01-01", to: "2092-12-25" });
    expect(rows.map((r) => r.date)).toEqual(["2092-01-01", "2092-12-25"]);
    expect(typeof rows[0]?.date).toBe("string");

    const all = await listBankHolidays(db(), { from: "2092-01-01", to: "2093-12-31" });
    expect(all.map((r) => r.date)).toEqual(["2092-01-01", "2092-12-25", "2092-12-26", "2093-01-01"]);

    expect(await listBankHolidays(db(), { from: "2094-01-01", to: "2094-12-31" })).toEqual([]);
  });

  it("takes each date once even if given twice, and accepts an empty list", async () => {
    const result = await importBankHolidays(db(), {
      holidays: [
        { date: "2095-05-01", title: "Early May bank holiday", notes: "" },
        { date: "2095-05-01", title: "Duplicate", notes: "" },
      ],
    });
    expect(result).toEqual({ added: 1, updated: 0, unchanged: 0 });
    expect(await importBankHolidays(db(), { holidays: [] })).toEqual({ added: 0, updated: 0, unchanged: 0 });
  });
});
