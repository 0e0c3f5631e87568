import { describe, expect, it } from "vitest";
import {
  ActionSchema,
  AreaDetailsSchema,
  DistrictSchema,
  NewTaskSchema,
  TaskSchema,
  dateErrorParts,
  dateToParts,
  normaliseLines,
  orderErrors,
  readDateParts,
} from "./schemas";

function form(entries: [string, string][]): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    const existing = raw[key];
    raw[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return raw;
}

function errorsOf(result: { success: boolean; error?: { issues: { path: (string | number)[]; message: string }[] } }) {
  const errors: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) errors[String(issue.path[0])] ??= issue.message;
  return errors;
}

describe("readDateParts", () => {
  it("reads a real date, with months as numbers or words", () => {
    expect(readDateParts({ day: "5", month: "3", year: "2027" })).toEqual({ ok: true, value: "2027-03-05" });
    expect(readDateParts({ day: " 05 ", month: "March", year: "2027" })).toEqual({ ok: true, value: "2027-03-05" });
    expect(readDateParts({ day: "29", month: "feb", year: "2028" })).toEqual({ ok: true, value: "2028-02-29" });
    expect(readDateParts({ day: "1", month: "Sept", year: "2027" })).toEqual({ ok: true, value: "2027-09-01" });
  });

  it("takes three empty boxes as no date", () => {
    expect(readDateParts({ day: "", month: " ", year: "" })).toEqual({ ok: true, value: null });
    expect(readDateParts({})).toEqual({ ok: true, value: null });
  });

  it("refuses dates that are not on the calendar, highlighting all three boxes", () => {
    expect(readDateParts({ day: "31", month: "2", year: "2027" })).toEqual({ ok: false, error: "dateErrors.real", parts: ["day", "month", "year"] });
    expect(readDateParts({ day: "29", month: "2", year: "2027" })).toMatchObject({ ok: false, error: "dateErrors.real" });
  });

  it("says which boxes are missing or wrong", () => {
    expect(readDateParts({ day: "", month: "3", year: "2027" })).toEqual({ ok: false, error: "dateErrors.missingDay", parts: ["day"] });
    expect(readDateParts({ day: "", month: "", year: "2027" })).toEqual({ ok: false, error: "dateErrors.missingDayMonth", parts: ["day", "month"] });
    expect(readDateParts({ day: "1", month: "", year: "" })).toEqual({ ok: false, error: "dateErrors.missingMonthYear", parts: ["month", "year"] });
    expect(readDateParts({ day: "1", month: "3", year: "27" })).toEqual({ ok: false, error: "dateErrors.yearFourDigits", parts: ["year"] });
    expect(readDateParts({ day: "1", month: "13", year: "2027" })).toEqual({ ok: false, error: "dateErrors.real", parts: ["month"] });
    expect(readDateParts({ day: "x", month: "Marchy", year: "2027" })).toEqual({ ok: false, error: "dateErrors.real", parts: ["day", "month"] });
    expect(dateErrorParts("dateErrors.missingDay", { month: "3", year: "2027" })).toEqual(["day"]);
    expect(dateErrorParts(undefined, {})).toEqual([]);
  });

  it("turns a stored date back into boxes", () => {
    expect(dateToParts("2027-03-05")).toEqual({ day: "5", month: "3", year: "2027" });
    expect(dateToParts(null)).toEqual({ day: "", month: "", year: "" });
  });
});

describe("the area's forms", () => {
  it("asks for every field of the area's details, and a real email address", () => {
    expect(errorsOf(AreaDetailsSchema.safeParse(form([["name", " "], ["serviceName", ""], ["partnershipName", ""], ["contactEmail", "nope"]])))).toEqual({
      name: "details.errors.nameRequired",
      serviceName: "details.errors.serviceNameRequired",
      partnershipName: "details.errors.partnershipNameRequired",
      contactEmail: "details.errors.contactEmailFormat",
    });
  });

  it("reads a district, lower-casing its slug; a health area must be chosen", () => {
    expect(DistrictSchema.parse(form([["name", " Burnley "], ["slug", "Burnley-East"], ["healthArea", "4"]]))).toEqual({
      name: "Burnley",
      slug: "burnley-east",
      healthAreaId: 4,
    });
    expect(DistrictSchema.parse(form([["name", "X"], ["slug", "x"], ["healthArea", "none"]])).healthAreaId).toBeNull();
    expect(errorsOf(DistrictSchema.safeParse(form([["name", ""], ["slug", "not a slug"]])))).toEqual({
      name: "district.errors.nameRequired",
      slug: "errors.slugFormat",
      healthArea: "district.errors.healthAreaRequired",
    });
  });

  it("wants at least one working group and area of concern for an action", () => {
    const result = ActionSchema.safeParse(form([["title", "Do things"], ["successMeasures", " one \n\n two "]]));
    expect(errorsOf(result)).toEqual({ workingGroupIds: "action.errors.workingGroupsRequired", areaOfConcernIds: "action.errors.areasOfConcernRequired" });
    expect(ActionSchema.parse(form([["title", "Do things"], ["successMeasures", " one \r\n\n two "], ["workingGroupIds", "3"], ["workingGroupIds", "1"], ["areaOfConcernIds", "2"]]))).toEqual({
      title: "Do things",
      leadRole: "",
      successMeasures: "one\ntwo",
      workingGroupIds: [1, 3],
      areaOfConcernIds: [2],
    });
    expect(errorsOf(ActionSchema.safeParse(form([["title", "x"], ["workingGroupIds", "abc"], ["areaOfConcernIds", "1"]])))).toEqual({
      workingGroupIds: "action.errors.workingGroupsRequired",
    });
    expect(normaliseLines("a\n\n b ")).toBe("a\nb");
  });

  it("reads a task with its due date, and reports every problem at once", () => {
    expect(
      TaskSchema.parse(
        form([["description", "Do it"], ["dueDate-day", "28"], ["dueDate-month", "2"], ["dueDate-year", "2027"], ["rag", "blue"], ["dueText", "February 2027"]]),
      ),
    ).toEqual({ description: "Do it", leadRole: "", dueText: "February 2027", dueDate: "2027-02-28", outcome: "", rag: "blue" });
    expect(errorsOf(TaskSchema.safeParse(form([["description", ""], ["dueDate-day", "31"], ["dueDate-month", "2"], ["dueDate-year", "2027"]])))).toEqual({
      description: "task.errors.descriptionRequired",
      rag: "task.errors.ragRequired",
      dueDate: "dateErrors.real",
    });
    expect(errorsOf(TaskSchema.safeParse(form([["description", "x"], ["rag", "purple"]])))).toEqual({ rag: "task.errors.ragRequired" });
  });

  it("wants a new task's code as letters then a number", () => {
    const base: [string, string][] = [["description", "x"], ["rag", "green"]];
    expect(NewTaskSchema.parse(form([["code", " h6 "], ...base])).code).toBe("H6");
    expect(errorsOf(NewTaskSchema.safeParse(form([["code", ""], ...base])))).toEqual({ code: "task.errors.codeRequired" });
    expect(errorsOf(NewTaskSchema.safeParse(form([["code", "6H"], ...base])))).toEqual({ code: "task.errors.codeFormat" });
  });

  it("orders errors as the fields are on the page", () => {
    expect(orderErrors({ rag: "a", dueDate: "b", description: "c", other: "d" }, ["description", "dueDate", "rag"]).map((e) => e.field)).toEqual([
      "description",
      "dueDate",
      "rag",
      "other",
    ]);
  });
});
