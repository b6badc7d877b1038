// The wait a citizen is told (pure): people ahead × the item's measured minutes per person, shared by its open windows.
// Until a few services of the item have been measured today, the measurements are blended with a prior, so the first
// finished case of the morning does not swing the estimate from 6 to 1 minute.

/** Minutes per person assumed before any service of the item has been measured. */
export const PRIOR_MINUTES_PER_PERSON = 6;
/** How many measured services the prior weighs as. */
export const PRIOR_WEIGHT = 3;

/** The item's services measured today: how many, and their minutes from call to finish in all. */
export interface MeasuredServices {
  count: number;
  totalMinutes: number;
}

export interface WaitEstimateInput {
  peopleAhead: number;
  /** Windows open for the item right now (signed in, not paused). */
  openWindows: number;
  measured: MeasuredServices;
}

/** Whether one service's minutes can count (a clock step can make one negative). */
export function isMeasurable(minutes: number): boolean {
  return Number.isFinite(minutes) && minutes >= 0;
}

/** The measurements of a list of minutes (any order), leaving out those that cannot count. */
export function measuredOf(minutes: readonly number[]): MeasuredServices {
  const measured = { count: 0, totalMinutes: 0 };
  for (const m of minutes) {
    if (!isMeasurable(m)) continue;
    measured.count += 1;
    measured.totalMinutes += m;
  }
  return measured;
}

/** The mean minutes per person, the measurements blended with the prior. */
export function minutesPerPerson(measured: MeasuredServices): number {
  return (PRIOR_MINUTES_PER_PERSON * PRIOR_WEIGHT + measured.totalMinutes) / (PRIOR_WEIGHT + measured.count);
}

/** Whole minutes until the citizen's turn: 0 when nobody waits ahead, otherwise at least 1. With no window open the
 * estimate assumes one will open (a closed item has no meaningful wait, and the page says so separately). */
export function estimateWaitMinutes(input: WaitEstimateInput): number {
  if (input.peopleAhead <= 0) return 0;
  const perPerson = minutesPerPerson(input.measured);
  return Math.max(1, Math.ceil((input.peopleAhead * perPerson) / Math.max(1, input.openWindows)));
}
