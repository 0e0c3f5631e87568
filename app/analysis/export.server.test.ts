import ExcelJS from "exceljs";
import { beforeAll, expect, it } from "vitest";
import { seedDemoArea } from "../../db/seed/area";
import { describeDb } from "../../tests/setup/database";
import { makeExportWave, makeSmallWave, NEVER_EXPORTED, type ExportWave } from "../../tests/setup/survey-export";
import { exportCodebook, exportResponses, getExportSurvey } from "./export.server";
import { REDACTED } from "./redact";
import { BOM } from "./spreadsheet";

const now = new Date("2026-11-23T10:00:00Z");
const HEADER = "row,submitted_on,language,format,district,health_area,age_band,support_level,completed_by,satisfied,services,comments,old_text";

/** The workbook's sheets as arrays of rows (header first), empty cells as null. */
async function sheetsOf(body: string | Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  return Object.fromEntries(
    workbook.worksheets.map((sheet) => {
      const rows: unknown[][] = [];
      sheet.eachRow({ includeEmpty: false }, (row) => {
        rows.push(Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value ?? null));
      });
      return [sheet.name, rows];
    }),
  );
}

describeDb("exporting a wave's responses", ({ db }) => {
  let wave: ExportWave;
  let admin: string;
  const by = () => ({ userId: admin, requestId: "test-request" });

  beforeAll(async () => {
    await seedDemoArea(db());
    wave = await makeExportWave(db());
    admin = (await db().insertInto("app_user").values({ email: "export-admin@test.local", name: "Admin", role: "admin", password_hash: null }).returning("id").executeTakeFirstOrThrow()).id;
  });

  it("gives a CSV with a byte order mark, the header row and one row per submitted response; never a draft, a reference or an id", async () => {
    const result = await exportResponses(db(), { surveyId: wave.surveyId, file: "responses.csv", reason: "Checking the figures", by: by(), now });
    if (!result.ok) throw new Error(result.reason);
    expect(result.rows).toBe(6);
    expect(result.filename).toBe("export-test-2026-responses-2026-11-23.csv");
    expect(result.contentType).toBe("text/csv; charset=utf-8");
    const csv = result.body as string;
    expect(csv.startsWith(BOM)).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe(HEADER);
    expect(lines.filter(Boolean)).toHaveLength(7);
    expect(lines[1]).toBe("1,2026-03-02,en-GB,standard,burnley,east-lancashire,5_10,ehc_plan,on_my_own,agree,,Fine,The old question's answer");
    expect(csv).not.toContain("Not sent yet");
    for (const secret of [...NEVER_EXPORTED, ...wave.references, ...Object.values(wave.ids)]) expect(csv, secret).not.toContain(secret);
  });

  it("lines up both versions' answers, keeps the dropped question at the end, withholds the flagged answer, redacts and blanks", async () => {
    const result = await exportResponses(db(), { surveyId: wave.surveyId, file: "responses.xlsx", reason: "For the annual report", by: by(), now });
    if (!result.ok) throw new Error(result.reason);
    expect(result.filename).toBe("export-test-2026-responses-2026-11-23.xlsx");
    const sheets = await sheetsOf(result.body);
    expect(Object.keys(sheets)).toEqual(["responses", "codebook"]);
    const [header, ...rows] = sheets.responses!;
    expect(header!.join(",")).toBe(HEADER);
    const col = (name: string) => header!.indexOf(name);
    const byDate = Object.fromEntries(rows.map((r) => [String(r[1]), r]));
    // Version 1, with the question version 2 dropped.
    expect(byDate["2026-03-02"]![col("satisfied")]).toBe("agree");
    expect(byDate["2026-03-02"]![col("old_text")]).toBe("The old question's answer");
    // Names, emails and phone numbers are taken out.
    expect(byDate["2026-03-03"]![col("comments")]).toBe(`My son is called ${REDACTED.name}, email ${REDACTED.email} or ${REDACTED.phone}`);
    // Retention removed the words: blank, though the choice stays.
    expect(byDate["2026-03-04"]![col("comments")]).toBeNull();
    expect(byDate["2026-03-04"]![col("old_text")]).toBeNull();
    expect(byDate["2026-03-04"]![col("satisfied")]).toBe("neither");
    expect(byDate["2026-03-04"]![col("district")]).toBeNull();
    // Version 2: the flagged answer is withheld; other answers to that response are there.
    expect(byDate["2026-03-05"]![col("comments")]).toBe("[withheld]");
    expect(byDate["2026-03-05"]![col("satisfied")]).toBe("strongly_disagree");
    expect(byDate["2026-03-05"]![col("health_area")]).toBe("east-lancashire");
    expect(byDate["2026-03-06"]!.slice(2, 4)).toEqual(["ur", "standard"]);
    expect(byDate["2026-03-06"]![col("services")]).toBe("speech; ot");
    expect(byDate["2026-03-06"]![col("comments")]).toBe("بہت اچھا");
    expect(byDate["2026-03-07"]![col("format")]).toBe("easy_read");
    expect(byDate["2026-03-07"]![col("old_text")]).toBeNull();
    expect(rows.map((r) => r[0])).toEqual([1, 2, 3, 4, 5, 6]);
    expect(JSON.stringify(sheets)).not.toMatch(new RegExp([...NEVER_EXPORTED, ...wave.references].join("|")));
    // The codebook sheet: one row per column.
    expect(sheets.codebook!.slice(1).map((r) => r[0])).toEqual(header);
  });

  it("records each download in the audit log: who, which survey and file, how many rows and why; no answer", async () => {
    const audit = await db()
      .selectFrom("audit_log")
      .select(["user_id", "action", "subject_type", "subject_id", "details", "request_id"])
      .where("action", "=", "analysis.responses-exported")
      .orderBy("at")
      .orderBy("id")
      .execute();
    expect(audit).toEqual([
      { user_id: admin, action: "analysis.responses-exported", subject_type: "survey", subject_id: wave.surveyId, details: { file: "responses.csv", rows: 6, reason: "Checking the figures" }, request_id: "test-request" },
      { user_id: admin, action: "analysis.responses-exported", subject_type: "survey", subject_id: wave.surveyId, details: { file: "responses.xlsx", rows: 6, reason: "For the annual report" }, request_id: "test-request" },
    ]);
  });

  it("refuses a wave with fewer responses than the threshold, or none, and one that does not exist; nothing is recorded", async () => {
    const few = await makeSmallWave(db(), "too-few-2026", 4);
    const none = await makeSmallWave(db(), "nobody-yet-2026", 0);
    const before = await db().selectFrom("audit_log").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    const ask = (surveyId: string) => exportResponses(db(), { surveyId, file: "responses.csv", reason: "x", by: by(), now });
    expect(await ask(few)).toEqual({ ok: false, reason: "too-few" });
    expect(await ask(none)).toEqual({ ok: false, reason: "none" });
    expect(await ask("00000000-0000-4000-8000-000000000000")).toEqual({ ok: false, reason: "not-found" });
    expect(await ask("not-a-uuid")).toEqual({ ok: false, reason: "not-found" });
    const after = await db().selectFrom("audit_log").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));

    // A higher threshold makes the six-response wave too few as well.
    await db().insertInto("app_setting").values({ key: "suppression_threshold", value: "7" }).execute();
    try {
      expect(await ask(wave.surveyId)).toEqual({ ok: false, reason: "too-few" });
      expect(await getExportSurvey(db(), { id: wave.surveyId, language: "en-GB" })).toMatchObject({ state: "too-few", submitted: null, threshold: 7 });
    } finally {
      await db().deleteFrom("app_setting").where("key", "=", "suppression_threshold").execute();
    }
  });

  it("says what the export page can offer, without a small count", async () => {
    expect(await getExportSurvey(db(), { id: wave.surveyId, language: "en-GB" })).toEqual({
      id: wave.surveyId,
      slug: "export-test-2026",
      title: "Export test survey",
      state: "ready",
      submitted: 6,
      threshold: 5,
    });
    const few = await db().selectFrom("survey").select("id").where("slug", "=", "too-few-2026").executeTakeFirstOrThrow();
    expect(await getExportSurvey(db(), { id: few.id, language: "en-GB" })).toMatchObject({ state: "too-few", submitted: null });
    expect(await getExportSurvey(db(), { id: "00000000-0000-4000-8000-000000000000", language: "en-GB" })).toBeUndefined();
    expect(await getExportSurvey(db(), { id: "1; drop table survey", language: "en-GB" })).toBeUndefined();
  });

  it("gives a codebook in English with the portal's words for the scales and the area's districts", async () => {
    const file = await exportCodebook(db(), { surveyId: wave.surveyId, now });
    expect(file?.filename).toBe("export-test-2026-codebook-2026-11-23.csv");
    const csv = file!.body as string;
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toContain("column,question,type,codes,notes\r\n");
    expect(csv).toContain("burnley = Burnley\n");
    expect(csv).toContain("east-lancashire = East Lancashire\n");
    expect(csv).toContain("5_10 = 5 to 10 years\n");
    expect(csv).toContain('satisfied,I am happy with the support,Agreement scale,"strongly_agree = Strongly agree\nagree = Agree\n');
    expect(csv).toContain("dont_know = Don't know");
    expect(csv).toContain("speech = Speech and language therapy\not = Occupational therapy");
    expect(csv).toMatch(/old_text,What else\? \(old question\),Free text \(long\),,"Optional: blank when the person did not answer\. In the person's own words\..*\[withheld\] means.* No longer asked: in version 1 of the survey only\./s);
    expect(await exportCodebook(db(), { surveyId: "00000000-0000-4000-8000-000000000000", now })).toBeUndefined();
  });
});
