// Whether a site is open now and, when not, when it opens next (pure, browser-safe): from the hours its items issue
// tickets (services' issuingHours, merged) and the holiday calendar of its pack (statutory holidays, 调休 working days).
import { addDays, isWorkingDay, type CompiledCalendar } from './workdays.ts';
import { localClock, localDate } from './hall-time.ts';

export interface TimeRange {
  /** "HH:MM" local time, inclusive. */
  from: string;
  /** "HH:MM" local time, exclusive. */
  to: string;
}

export type OpeningState =
  | { open: true; closesAtMs: number }
  | { open: false; /** null: no working day with hours in the next LOOKAHEAD_DAYS days. */ opensAtMs: number | null };

/** Far enough to jump the longest holiday (春节 with its weekends). */
const LOOKAHEAD_DAYS = 31;

/** The ranges sorted, overlapping or touching ones joined: "08:30–11:30" and "11:00–12:00" → "08:30–12:00". */
export function mergeRanges(ranges: readonly TimeRange[]): TimeRange[] {
  const sorted = ranges.filter((r) => r.from < r.to).map((r) => ({ ...r })).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const merged: TimeRange[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.from <= last.to) {
      if (r.to > last.to) last.to = r.to;
    } else merged.push(r);
  }
  return merged;
}

/** The instant of "HH:MM" on a local date. */
function instantOf(date: string, clock: string, utcOffsetMinutes: number): number {
  return Date.parse(`${date}T${clock}:00.000Z`) - utcOffsetMinutes * 60_000;
}

export function openingState(sessions: readonly TimeRange[], calendar: CompiledCalendar, nowMs: number, utcOffsetMinutes: number): OpeningState {
  const merged = mergeRanges(sessions);
  const today = localDate(nowMs, utcOffsetMinutes);
  const clock = localClock(nowMs, utcOffsetMinutes);
  if (isWorkingDay(today, calendar)) {
    const current = merged.find((r) => clock >= r.from && clock < r.to);
    if (current) return { open: true, closesAtMs: instantOf(today, current.to, utcOffsetMinutes) };
    const later = merged.find((r) => r.from > clock);
    if (later) return { open: false, opensAtMs: instantOf(today, later.from, utcOffsetMinutes) };
  }
  const first = merged[0];
  if (!first) return { open: false, opensAtMs: null };
  for (let d = 1; d <= LOOKAHEAD_DAYS; d++) {
    const day = addDays(today, d);
    if (isWorkingDay(day, calendar)) return { open: false, opensAtMs: instantOf(day, first.from, utcOffsetMinutes) };
  }
  return { open: false, opensAtMs: null };
}
