// The wait a citizen is told (pure): people ahead × the item's measured minutes per person, shared by its open windows.
// Until a few services of the item have been measured today, the measurements are blended with a prior, so the first
// finished case of the morning does not swing the estimate from 6 to 1 minute.

/** Minutes per person assumed before any service of the item has been measured. */
export const PRIOR_MINUTES_PER_PERSON = 6;
/** How many measured services the prior weighs as. */
export const PRIOR_WEIGHT = 3;

export interface WaitEstimateInput {
  peopleAhead: number;
  /** Windows open for the item right now (signed in, not paused). */
  openWindows: number;
  /** Measured minutes from call to finish of the item's services today (any order). */
  measuredMinutes: readonly number[];
}

/** The mean minutes per person, the measurements blended with the prior. */
export function minutesPerPerson(measuredMinutes: readonly number[]): number {
  let sum = PRIOR_MINUTES_PER_PERSON * PRIOR_WEIGHT;
  let n = PRIOR_WEIGHT;
  for (const m of measuredMinutes) {
    if (!Number.isFinite(m) || m < 0) continue;
    sum += m;
    n += 1;
  }
  return sum / n;
}

/** Whole minutes until the citizen's turn: 0 when nobody waits ahead, otherwise at least 1. With no window open the
 * estimate assumes one will open (a closed item has no meaningful wait, and the page says so separately). */
export function estimateWaitMinutes(input: WaitEstimateInput): number {
  if (input.peopleAhead <= 0) return 0;
  const perPerson = minutesPerPerson(input.measuredMinutes);
  return Math.max(1, Math.ceil((input.peopleAhead * perPerson) / Math.max(1, input.openWindows)));
}
