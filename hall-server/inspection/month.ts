// A hall month as the inspection reads it: its first and last hall days and the instants that bound it. Pure.
import { hallDayStartMs, localDate } from '../../protocol/rules/hall-time.ts';

export interface MonthRange {
  firstDay: string;
  lastDay: string;
  /** ISO instants: from (inclusive) and until (exclusive), in UTC as the event log stores them. */
  fromIso: string;
  untilIso: string;
}

export function monthRange(month: string, utcOffsetMinutes: number): MonthRange {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const firstDay = `${month}-01`;
  const nextMonthFirstDay = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
  const lastDay = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return {
    firstDay,
    lastDay,
    fromIso: new Date(hallDayStartMs(firstDay, utcOffsetMinutes)).toISOString(),
    untilIso: new Date(hallDayStartMs(nextMonthFirstDay, utcOffsetMinutes)).toISOString(),
  };
}

/** The hall month of an instant. */
export function hallMonth(nowMs: number, utcOffsetMinutes: number): string {
  return localDate(nowMs, utcOffsetMinutes).slice(0, 7);
}

/** The hall day of an ISO instant (with any offset). */
export function hallDayOf(iso: string, utcOffsetMinutes: number): string {
  return localDate(Date.parse(iso), utcOffsetMinutes);
}
