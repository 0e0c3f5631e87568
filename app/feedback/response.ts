import type { ResponseOutcome } from "../../db/schema";

/**
 * Closing the loop (docs/decisions/024-closing-the-loop.md): the response a working group
 * writes to a family. Pure rules, shared by the server and the page: what a response
 * must say, and who may approve it.
 */

export const responseOutcomes = ["done", "will_do", "cannot_do"] as const satisfies readonly ResponseOutcome[];
export const RESPONSE_MAX = 3000;
export const REASON_MAX = 1500;

export interface ResponseInput {
  outcome: string;
  plain: string;
  easyRead: string;
  reason: string;
}

export interface CheckedResponse {
  outcome: ResponseOutcome;
  plain: string;
  easyRead: string;
  reason: string;
}

/** Field → message key (feedback namespace). The reason's field is "whyNot" ("reason" is the safeguarding flag's). */
export type ResponseErrors = Partial<Record<"outcome" | "plain" | "easyRead" | "whyNot", string>>;

/**
 * A response says what happened in plain words; in easy read as well when the family
 * wrote in easy read; and, when the answer is "we can't do this", why not. A reason is
 * kept only with that answer, and easy read only when it is asked for.
 */
export function checkResponse(
  input: ResponseInput,
  { needsEasyRead }: { needsEasyRead: boolean },
): { ok: true; response: CheckedResponse } | { ok: false; errors: ResponseErrors } {
  const errors: ResponseErrors = {};
  const outcome = (responseOutcomes as readonly string[]).includes(input.outcome) ? (input.outcome as ResponseOutcome) : undefined;
  if (!outcome) errors.outcome = "response.errors.outcome";
  const plain = input.plain.trim();
  if (plain === "") errors.plain = "response.errors.plainMissing";
  else if (plain.length > RESPONSE_MAX) errors.plain = "response.errors.plainTooLong";
  const easyRead = needsEasyRead ? input.easyRead.trim() : "";
  if (needsEasyRead && easyRead === "") errors.easyRead = "response.errors.easyReadMissing";
  else if (easyRead.length > RESPONSE_MAX) errors.easyRead = "response.errors.easyReadTooLong";
  const reason = outcome === "cannot_do" ? input.reason.trim() : "";
  if (outcome === "cannot_do" && reason === "") errors.whyNot = "response.errors.reasonMissing";
  else if (reason.length > REASON_MAX) errors.whyNot = "response.errors.reasonTooLong";
  if (!outcome || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, response: { outcome, plain, easyRead, reason } };
}

/** Where a response is: not written, waiting for a lead, or approved and shown to the family. */
export type ResponseState = "none" | "awaiting" | "approved";

export function responseState(response: { approved_at: unknown } | undefined | null): ResponseState {
  if (!response) return "none";
  return response.approved_at ? "approved" : "awaiting";
}
