// The hall day (pure): the one day every statistic counts on. It starts at the hall's reset time (queue.dailyResetAt,
// 03:00 by default), not at midnight, so a ticket taken at 23:50 and finished at 00:01 is waited for and finished on
// the same day, in the queue and in the ratings alike.
import { CHINA_STANDARD_TIME_MINUTES } from './hall-time.ts';

export interface HallDayRule {
  /** "HH:MM" local time at which a new hall day begins. */
  startsAt: string;
  /** Minutes east of UTC of the hall's local time. */
  utcOffsetMinutes: number;
}

export const DEFAULT_HALL_DAY: HallDayRule = { startsAt: '03:00', utcOffsetMinutes: CHINA_STANDARD_TIME_MINUTES };

/** The hall day (YYYY-MM-DD) of an instant: before the start time it is still yesterday. */
export function hallDayOf(instantMs: number, rule: HallDayRule): string {
  const [h, m] = rule.startsAt.split(':').map(Number) as [number, number];
  return new Date(instantMs + (rule.utcOffsetMinutes - h * 60 - m) * 60_000).toISOString().slice(0, 10);
}
