import { describe, expect, it } from "vitest";
import {
  easyReadFeedbackSchema,
  EasyReadFeedbackSchema,
  progressOf,
  readReference,
  standardFeedbackSchema,
  StandardFeedbackSchema,
} from "./general";

const errorsOf = (result: ReturnType<typeof StandardFeedbackSchema.safeParse>) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

describe("the standard feedback form", () => {
  const filled = { respondent: "parent_carer", district: "burnley", topic: "education", body: "  The school did not read the plan.\r\n" };

  it("takes who is writing and what they say, trimmed; district, topic and contact are optional", () => {
    const result = StandardFeedbackSchema.safeParse({ respondent: "young_person", body: "Hello" });
    expect(result.success && result.data).toEqual({
      respondent: "young_person",
      district: "",
      topic: undefined,
      body: "Hello",
      email: "",
      consent: false,
    });
    const full = StandardFeedbackSchema.safeParse({ ...filled, email: "sam@example.org", consent: "yes" });
    expect(full.success && full.data.body).toBe("The school did not read the plan.");
    expect(full.success && full.data.consent).toBe(true);
  });

  it("names each thing missing or wrong", () => {
    expect(errorsOf(StandardFeedbackSchema.safeParse({ respondent: "", body: "   " }))).toEqual({
      respondent: "errors.respondentMissing",
      body: "errors.bodyMissing",
    });
    expect(errorsOf(StandardFeedbackSchema.safeParse({ ...filled, respondent: "inspector", topic: "weather" }))).toEqual({
      respondent: "errors.respondentMissing",
      topic: "errors.topicInvalid",
    });
    expect(errorsOf(StandardFeedbackSchema.safeParse({ ...filled, body: "x".repeat(3001) }))).toEqual({ body: "errors.bodyTooLong" });
  });

  it("keeps an email address only with consent, and consent only with an address", () => {
    expect(errorsOf(StandardFeedbackSchema.safeParse({ ...filled, email: "sam@example.org" }))).toEqual({
      consent: "errors.consentMissing",
    });
    expect(errorsOf(StandardFeedbackSchema.safeParse({ ...filled, consent: "yes" }))).toEqual({ email: "errors.emailMissing" });
    expect(errorsOf(StandardFeedbackSchema.safeParse({ ...filled, email: "sam at example", consent: "yes" }))).toEqual({
      email: "errors.emailFormat",
    });
  });
});

describe("the easy-read feedback form", () => {
  it("takes a face on its own, words on their own, or both", () => {
    expect(EasyReadFeedbackSchema.safeParse({ respondent: "young_person", face: "2" }).success).toBe(true);
    expect(EasyReadFeedbackSchema.safeParse({ respondent: "young_person", body: "The bus is late" }).success).toBe(true);
  });

  it("asks for something when nothing was given, and refuses a face that is not on the scale", () => {
    const nothing = EasyReadFeedbackSchema.safeParse({ respondent: "young_person", face: "", body: " " });
    expect(nothing.error?.issues.map((i) => [i.path[0], i.message])).toEqual([["face", "errors.easy.nothing"]]);
    expect(EasyReadFeedbackSchema.safeParse({ respondent: "young_person", face: "9" }).success).toBe(false);
    const who = EasyReadFeedbackSchema.safeParse({ face: "3" });
    expect(who.error?.issues.map((i) => i.message)).toEqual(["errors.easy.respondentMissing"]);
  });
});

describe("references and progress", () => {
  it("reads a reference as a person may type it", () => {
    expect(readReference("fb 7kq3 m9xp")).toBe("FB-7KQ3-M9XP");
    expect(readReference("7KQ3M9XP")).toBe("FB-7KQ3-M9XP");
    expect(readReference("FB-0000-1111")).toBeUndefined();
    expect(readReference(undefined)).toBeUndefined();
  });

  it("shows an unknown status as received rather than inventing one", () => {
    expect(progressOf("with_group")).toBe("with_group");
    expect(progressOf("something-new")).toBe("received");
  });
});

describe("every mistake named at once", () => {
  it("names who is writing, the missing words and a bad email together", () => {
    expect(errorsOf(StandardFeedbackSchema.safeParse({ respondent: "", body: "", email: "no-at-sign", consent: "yes" }))).toEqual({
      respondent: "errors.respondentMissing",
      body: "errors.bodyMissing",
      email: "errors.emailFormat",
    });
    const easy = EasyReadFeedbackSchema.safeParse({ respondent: "", face: "", body: "" });
    expect(easy.error?.issues.map((i) => i.message)).toEqual(["errors.easy.respondentMissing", "errors.easy.nothing"]);
  });
});

describe("a drawing, photo or recording can be the whole message", () => {
  it("lets the words be left out of the standard form when a file was attached, and only then", () => {
    expect(errorsOf(standardFeedbackSchema({ attached: true }).safeParse({ respondent: "parent_carer", body: "" }))).toEqual({});
    expect(errorsOf(standardFeedbackSchema({ attached: false }).safeParse({ respondent: "parent_carer", body: "" }))).toEqual({
      body: "errors.bodyMissing",
    });
    // Who is writing is still asked, and too many words are still too many.
    expect(errorsOf(standardFeedbackSchema({ attached: true }).safeParse({ respondent: "", body: "x".repeat(3001) }))).toEqual({
      respondent: "errors.respondentMissing",
      body: "errors.bodyTooLong",
    });
  });

  it("takes a drawing alone on the easy-read form, with no face and no words", () => {
    expect(easyReadFeedbackSchema({ attached: true }).safeParse({ respondent: "young_person", face: "", body: "" }).success).toBe(true);
    expect(
      easyReadFeedbackSchema({ attached: false })
        .safeParse({ respondent: "young_person", face: "", body: "" })
        .error?.issues.map((issue) => [issue.path[0], issue.message]),
    ).toEqual([["face", "errors.easy.nothing"]]);
  });
});
