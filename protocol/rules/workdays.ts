// Working-day arithmetic for 限时办结 deadlines (DB21/T 4402 §9.6.3): weekends and statutory holidays are not working
// days, the 调休 weekend days are, and the start day itself is never counted. Pure and browser-safe.

/** A calendar as the pack gives it: ISO dates (YYYY-MM-DD) of rest days and of adjusted working days. */
export interface WorkCalendar {
  /** Statutory holidays and the rest days of their 放假调休 ranges. */
  holidays: readonly string[];
  /** Weekend days that are working days (调休上班). */
  workdays: readonly string[];
}

export interface CompiledCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function compileCalendar(calendar: WorkCalendar): CompiledCalendar {
  for (const d of [...calendar.holidays, ...calendar.workdays]) parseIsoDate(d);
  return { holidays: new Set(calendar.holidays), workdays: new Set(calendar.workdays) };
}

/** Days since 1970-01-01 for an ISO date; throws on a malformed or impossible date. */
export function parseIsoDate(date: string): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not an ISO date: ${date}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (formatDay(ms / DAY_MS) !== date) throw new RangeError(`no such date: ${date}`);
  return ms / DAY_MS;
}

export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return formatDay(parseIsoDate(date) + days);
}

export function isWorkingDay(date: string, cal: CompiledCalendar): boolean {
  if (cal.workdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const weekday = new Date(parseIsoDate(date) * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The date on which a limit of `n` working days ends, counting from the day after `start`. n = 0 gives `start`. */
export function addWorkingDays(start: string, n: number, cal: CompiledCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  let day = parseIsoDate(start);
  let left = n;
  // A year has at most ~40 rest days beyond weekends; this bound only guards against a corrupt calendar.
  for (let guard = 0; left > 0; guard++) {
    if (guard > n * 7 + 400) throw new RangeError('calendar has no working days');
    day += 1;
    if (isWorkingDay(formatDay(day), cal)) left -= 1;
  }
  return formatDay(day);
}

/** Monday of the ISO week of a date. */
export function weekOf(day: string): string {
  const weekday = (new Date(parseIsoDate(day) * DAY_MS).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** Working days in (from, to]: how many working days pass after `from` up to and including `to`. Negative if to < from. */
export function workingDaysBetween(from: string, to: string, cal: CompiledCalendar): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (b < a) return -workingDaysBetween(to, from, cal);
  let count = 0;
  for (let day = a + 1; day <= b; day++) if (isWorkingDay(formatDay(day), cal)) count++;
  return count;
}

/** The calendar section of a content pack (content/schema/calendar.ts), as far as working days need it. */
export interface PackCalendar {
  years: ReadonlyArray<{ holidays: ReadonlyArray<{ dates: readonly string[] }>; workdays: readonly string[] }>;
}

/** The working-day calculator's view of the pack calendar (all years: rest days and 调休 working days). */
export function calendarOf(calendar: PackCalendar): CompiledCalendar {
  return compileCalendar({
    holidays: calendar.years.flatMap((y) => y.holidays.flatMap((h) => h.dates)),
    workdays: calendar.years.flatMap((y) => y.workdays),
  });
}
