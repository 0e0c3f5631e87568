import { readFileSync } from "node:fs";
import { createInstance } from "i18next";
import { describe, expect, it } from "vitest";
import { hasMeeting, noticeText, surveyAddress, windowInWords, type NoticeFacts, type Translate } from "./notice";

function translator(language: string): Translate {
  const i18n = createInstance();
  const resources = {
    [language]: {
      "revisit-notice": JSON.parse(readFileSync(`public/locales/${language}/revisit-notice.json`, "utf8")),
    },
  };
  void i18n.init({
    lng: language,
    resources,
    ns: ["revisit-notice"],
    defaultNS: "revisit-notice",
    initImmediate: false,
    interpolation: { escapeValue: false },
  });
  return (key, options) => i18n.t(key, options);
}

const facts: NoticeFacts = {
  areaName: "Lancashire",
  surveyUrl: "https://portal.example.org/surveys/revisit-parents-2026-03-16",
  // 12 noon GMT on Monday 23 March; 12 noon BST (11:00Z) on Friday 27 March... clocks go forward on 29 March 2026.
  opensAt: new Date("2026-03-23T12:00:00Z"),
  closesAt: new Date("2026-03-27T12:00:00Z"),
  scheduled: true,
  meetingWhen: "Tuesday 31 March 2026, 6pm to 7:30pm",
  meetingWhere: "Preston Family Hub, 4 Market Walk, Preston",
  contactEmail: "send-partnership@demo.local",
  focuses: ["Parents and carers were not listened to", "EHC plans were often poor"],
  estimatedMinutes: 11,
};

describe("the window in words", () => {
  it("says noon as words, the weekday and the date, in UK time", () => {
    const words = windowInWords(facts, "en-GB", translator("en-GB"));
    expect(words.opens).toBe("12 noon, Monday 23 March 2026");
    expect(words.closes).toBe("12 noon, Friday 27 March 2026");
    expect(words.sentence).toBe("The survey is open from 12 noon, Monday 23 March 2026 to 12 noon, Friday 27 March 2026.");
  });

  it("is still noon in summer time (11:00 UTC)", () => {
    const words = windowInWords(
      {
        opensAt: new Date("2026-04-14T11:00:00Z"),
        closesAt: new Date("2026-04-20T11:00:00Z"),
      },
      "en-GB",
      translator("en-GB")
    );
    expect(words.sentence).toBe("The survey is open from 12 noon, Tuesday 14 April 2026 to 12 noon, Monday 20 April 2026.");
  });

  it("is in the reader's language", () => {
    const words = windowInWords(facts, "pl", translator("pl"));
    expect(words.opens).toContain("2026");
    expect(words.opens).not.toContain("12 noon");
  });
});

describe("the plain-text notice", () => {
  const text = noticeText(facts, "en-GB", translator("en-GB"));

  it("has the survey's full address, the window, the meeting and who to contact", () => {
    expect(text).toContain("Answer the survey: https://portal.example.org/surveys/revisit-parents-2026-03-16");
    expect(text).toContain("from 12 noon, Monday 23 March 2026 to 12 noon, Friday 27 March 2026");
    expect(text).toContain("When: Tuesday 31 March 2026, 6pm to 7:30pm");
    expect(text).toContain("Where: Preston Family Hub, 4 Market Walk, Preston");
    expect(text).toContain("send-partnership@demo.local");
    expect(text).toContain("coming back to Lancashire");
    expect(text).toContain("about 11 minutes");
  });

  it("lists what the survey asks about", () => {
    expect(text).toContain("- Parents and carers were not listened to\n- EHC plans were often poor");
  });

  it("has no markup", () => {
    expect(text).not.toMatch(/<[a-z]/i);
    expect(text.endsWith("\n")).toBe(true);
  });

  it("leaves out the meeting and contact when there are none", () => {
    const bare = noticeText({ ...facts, meetingWhen: "", meetingWhere: " ", contactEmail: "" }, "en-GB", translator("en-GB"));
    expect(hasMeeting({ meetingWhen: "", meetingWhere: " " })).toBe(false);
    expect(bare).not.toContain("open meeting");
    expect(bare).not.toContain("Email");
  });
});

describe("the survey's address", () => {
  it("joins the origin and the survey's slug", () => {
    expect(surveyAddress("http://localhost:3000/", "revisit-parents-2026-11-26")).toBe(
      "http://localhost:3000/surveys/revisit-parents-2026-11-26"
    );
  });
});
