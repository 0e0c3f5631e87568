/** The periods officers can look back over for unmet searches. Pure: the page uses it in the browser too. */
export const PERIODS = [30, 90, 365] as const;
export type Period = (typeof PERIODS)[number];
export const DEFAULT_PERIOD: Period = 30;

/** A period from the query string; anything else is the default (a staff page: no message needed). */
export function parsePeriod(value: string | null | undefined): Period {
  const days = Number(value);
  return (PERIODS as readonly number[]).includes(days) ? (days as Period) : DEFAULT_PERIOD;
}
