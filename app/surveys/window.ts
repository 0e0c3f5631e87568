/**
 * When a survey is open. Pure: the clock is an argument
 * (docs/decisions/005-time.md). A survey opens at `opensAt` exactly and is
 * closed from `closesAt` exactly: open means opensAt <= now < closesAt.
 */
export type StoredStatus = "draft" | "scheduled" | "archived";
export type SurveyState = "draft" | "scheduled" | "open" | "closed" | "archived";

export interface SurveyWindow {
  status: StoredStatus;
  opensAt: Date | null;
  closesAt: Date | null;
}

export function surveyState(survey: SurveyWindow, now: Date): SurveyState {
  if (survey.status === "archived") return "archived";
  if (survey.status === "draft" || !survey.opensAt || !survey.closesAt) return "draft";
  const t = now.getTime();
  if (t < survey.opensAt.getTime()) return "scheduled";
  if (t < survey.closesAt.getTime()) return "open";
  return "closed";
}

/** Whether an answer or a submission is accepted at `now`. */
export function isOpen(survey: SurveyWindow, now: Date): boolean {
  return surveyState(survey, now) === "open";
}

/**
 * Whether the builder may still change the version: only before the survey
 * has ever opened and before anyone has started it. Once open, a version is
 * locked for good; changes make a new version.
 */
export function isEditable(survey: SurveyWindow & { lockedAt: Date | null }, now: Date): boolean {
  if (survey.lockedAt) return false;
  const state = surveyState(survey, now);
  return state === "draft" || state === "scheduled";
}
