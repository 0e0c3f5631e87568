import { describe, expect, it } from "vitest";
import { checkResponse, RESPONSE_MAX, responseState } from "./response";

const input = { outcome: "will_do", plain: "We will add bus times to the local offer by March.", easyRead: "", reason: "" };

describe("a response to a family", () => {
  it("needs an answer and words in plain English", () => {
    expect(checkResponse({ ...input, outcome: "" }, { needsEasyRead: false })).toEqual({
      ok: false,
      errors: { outcome: "response.errors.outcome" },
    });
    expect(checkResponse({ ...input, plain: "   " }, { needsEasyRead: false })).toEqual({
      ok: false,
      errors: { plain: "response.errors.plainMissing" },
    });
    expect(checkResponse({ ...input, plain: "x".repeat(RESPONSE_MAX + 1) }, { needsEasyRead: false })).toMatchObject({
      errors: { plain: "response.errors.plainTooLong" },
    });
    expect(checkResponse({ ...input, outcome: "maybe" }, { needsEasyRead: false })).toMatchObject({ ok: false });
  });

  it("needs easy read too when the family wrote in easy read, and keeps it only then", () => {
    expect(checkResponse(input, { needsEasyRead: true })).toEqual({ ok: false, errors: { easyRead: "response.errors.easyReadMissing" } });
    expect(checkResponse({ ...input, easyRead: " Buses. We will put the times online. " }, { needsEasyRead: true })).toEqual({
      ok: true,
      response: { outcome: "will_do", plain: input.plain, easyRead: "Buses. We will put the times online.", reason: "" },
    });
    expect(checkResponse({ ...input, easyRead: "Not asked for" }, { needsEasyRead: false })).toMatchObject({
      ok: true,
      response: { easyRead: "" },
    });
  });

  it('cannot say "we can\'t do this" without saying why; a reason goes only with that answer', () => {
    expect(checkResponse({ ...input, outcome: "cannot_do" }, { needsEasyRead: false })).toEqual({
      ok: false,
      errors: { whyNot: "response.errors.reasonMissing" },
    });
    expect(
      checkResponse({ ...input, outcome: "cannot_do", reason: "The school transport budget is set by law." }, { needsEasyRead: false }),
    ).toMatchObject({ ok: true, response: { outcome: "cannot_do", reason: "The school transport budget is set by law." } });
    expect(checkResponse({ ...input, outcome: "done", reason: "left over" }, { needsEasyRead: false })).toMatchObject({
      ok: true,
      response: { reason: "" },
    });
  });

  it("is waiting until a lead approves it", () => {
    expect(responseState(undefined)).toBe("none");
    expect(responseState({ approved_at: null })).toBe("awaiting");
    expect(responseState({ approved_at: new Date() })).toBe("approved");
  });
});
