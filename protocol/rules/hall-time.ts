// The hall's clock (pure): every part reads hall time through here, with the offset the hall config gives
// (queue.utcOffsetMinutes) or, on a page, the one the hall reports; no part asks the host's time zone.

/** The hall's offset when nothing says otherwise (the config's default): China Standard Time, UTC+8, no DST. */
export const CHINA_STANDARD_TIME_MINUTES = 480;

/** "HH:MM" local time of `nowMs`. */
export function localClock(nowMs: number, utcOffsetMinutes: number): string {
  return new Date(nowMs + utcOffsetMinutes * 60_000).toISOString().slice(11, 16);
}

export function localDate(nowMs: number, utcOffsetMinutes: number): string {
  return new Date(nowMs + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The instant (ms since the epoch) at which the hall-local calendar day `day` ("YYYY-MM-DD") begins. */
export function hallDayStartMs(day: string, utcOffsetMinutes: number): number {
  return Date.parse(`${day}T00:00:00Z`) - utcOffsetMinutes * 60_000;
}

/** The hall's calendar date of an instant. */
export function hallDate(at: Date, utcOffsetMinutes = CHINA_STANDARD_TIME_MINUTES): string {
  return localDate(at.getTime(), utcOffsetMinutes);
}

/** "2026-11-23 09:30:00" in hall time from an ISO instant; '' for none or an unreadable one. */
export function hallDateTime(iso: string | null, utcOffsetMinutes = CHINA_STANDARD_TIME_MINUTES): string {
  if (iso === null || iso === '') return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  return new Date(t + utcOffsetMinutes * 60_000).toISOString().slice(0, 19).replace('T', ' ');
}

export function withinHours(clock: string, ranges: Array<{ from: string; to: string }>): boolean {
  return ranges.some((r) => clock >= r.from && clock < r.to);
}
