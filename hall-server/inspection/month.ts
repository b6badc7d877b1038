// A hall month as the inspection reads it: its first and last hall days and the instants that bound it. Pure.
import { localDate } from '../../protocol/rules/hall-time.ts';

export interface MonthRange {
  firstDay: string;
  lastDay: string;
  /** ISO instants: from (inclusive) and until (exclusive), in UTC as the event log stores them. */
  fromIso: string;
  untilIso: string;
}

export function monthRange(month: string, utcOffsetMinutes: number): MonthRange {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const startMs = Date.UTC(y, m - 1, 1) - utcOffsetMinutes * 60_000;
  const endMs = Date.UTC(y, m, 1) - utcOffsetMinutes * 60_000;
  const lastDay = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { firstDay: `${month}-01`, lastDay, fromIso: new Date(startMs).toISOString(), untilIso: new Date(endMs).toISOString() };
}

/** The hall month of an instant. */
export function hallMonth(nowMs: number, utcOffsetMinutes: number): string {
  return localDate(nowMs, utcOffsetMinutes).slice(0, 7);
}

/** The hall day of an ISO instant (with any offset). */
export function hallDayOf(iso: string, utcOffsetMinutes: number): string {
  return localDate(Date.parse(iso), utcOffsetMinutes);
}
