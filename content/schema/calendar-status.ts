// Whether the active pack's holiday calendar still covers the hall's year, and what to tell the manager when it does
// not. A pack without this year's calendar keeps serving (weekends are rest days, no statutory holidays); the console
// shows a red banner from WARN_DAYS before the year ends. Pure, browser-safe.
import { z } from 'zod';
import type { Calendar } from './calendar.ts';

/** Days before 31 December from which a missing calendar for the next year is announced. */
export const CALENDAR_WARN_DAYS = 60;

export const CalendarStatus = z.strictObject({
  /** ok: this year is covered and, within WARN_DAYS of the year end, the next one too. */
  state: z.enum(['ok', 'next-year-missing', 'this-year-missing']),
  /** Years the calendar lists. */
  years: z.array(z.number().int()),
  /** For the console banner and the health answer; null when state is ok. */
  message: z.string().nullable(),
});
export type CalendarStatus = z.infer<typeof CalendarStatus>;

/** `today` is the hall's calendar day, "2026-11-02". */
export function calendarStatus(calendar: Calendar, today: string): CalendarStatus {
  const year = Number(today.slice(0, 4));
  const years = calendar.years.map((y) => y.year).sort((a, b) => a - b);
  if (!years.includes(year)) {
    return {
      state: 'this-year-missing',
      years,
      message: `内容包没有${year}年的节假日安排：现在按周六、周日休息计算工作日，法定节假日和调休不会生效。请尽快上传含${year}年安排的内容包`,
    };
  }
  const daysLeft = Math.round((Date.UTC(year, 11, 31) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  if (daysLeft < CALENDAR_WARN_DAYS && !years.includes(year + 1)) {
    return {
      state: 'next-year-missing',
      years,
      message: `内容包还没有${year + 1}年的节假日安排（离年底还有 ${daysLeft} 天）：请在新年前上传含${year + 1}年安排的内容包，否则新年起只按周六、周日休息计算工作日`,
    };
  }
  return { state: 'ok', years, message: null };
}
