// Local-time arithmetic for the hall (pure): business day, clock time, age.

/** Local date (YYYY-MM-DD) of `nowMs` after shifting by the reset time: before 03:00 still belongs to yesterday. */
export function businessDay(nowMs: number, resetAt: string, utcOffsetMinutes: number): string {
  const [h, m] = resetAt.split(':').map(Number) as [number, number];
  const shifted = new Date(nowMs + (utcOffsetMinutes - h * 60 - m) * 60_000);
  return shifted.toISOString().slice(0, 10);
}

/** "HH:MM" local time of `nowMs`. */
export function localClock(nowMs: number, utcOffsetMinutes: number): string {
  return new Date(nowMs + utcOffsetMinutes * 60_000).toISOString().slice(11, 16);
}

export function localDate(nowMs: number, utcOffsetMinutes: number): string {
  return new Date(nowMs + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

export function withinHours(clock: string, ranges: Array<{ from: string; to: string }>): boolean {
  return ranges.some((r) => clock >= r.from && clock < r.to);
}

/** Full years between a birth date and a date, both YYYY-MM-DD. */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
