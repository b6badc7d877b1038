// Which half-hour slots a rule lets a citizen book (pure): half hours inside the item's issuing hours (the catalogue's,
// the hours the site itself takes tickets for it, lunch break excluded) whose whole check-in window can be served: a
// slot starts no sooner than the check-in lead (CHECK_IN_EARLY_MS) after tickets start, since a citizen on time for it
// must get a ticket, and ends by the last ticket. On the region calendar's working days (weekends and public holidays
// closed, 调休 Saturdays and Sundays open), from today to `daysAhead` days on, closing `cutoffMinutes` before each slot.
import { CHECK_IN_EARLY_MS, SLOT_MINUTES, type SlotRule } from '../../protocol/citizen/appointments.ts';
import { CHINA_STANDARD_TIME_MINUTES, localDate } from '../../protocol/rules/hall-time.ts';
import { mergeRanges, type TimeRange } from '../../protocol/rules/opening-hours.ts';
import { isWorkingDay, type CompiledCalendar } from '../../protocol/rules/workdays.ts';

const DAY_MS = 86_400_000;

/** An item the catalogue does not hold (yet): the usual office hours, whose slots are 09:00–12:00 and 13:30–17:00. */
export const STANDARD_HOURS: readonly TimeRange[] = [{ from: '08:30', to: '12:00' }, { from: '13:00', to: '17:00' }];

/** "HH:MM" → minutes after local midnight. */
const minutesOf = (clock: string): number => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

export function bookableSlots(
  rule: Pick<SlotRule, 'daysAhead' | 'cutoffMinutes'>,
  issuingHours: readonly TimeRange[],
  nowMs: number,
  calendar: CompiledCalendar,
  utcOffsetMinutes = CHINA_STANDARD_TIME_MINUTES,
): number[] {
  const periods = mergeRanges(issuingHours).map((r) => [minutesOf(r.from), minutesOf(r.to)] as const);
  const offsetMs = utcOffsetMinutes * 60_000;
  const localMidnight = Math.floor((nowMs + offsetMs) / DAY_MS) * DAY_MS - offsetMs;
  const out: number[] = [];
  for (let d = 0; d <= rule.daysAhead; d++) {
    const midnight = localMidnight + d * DAY_MS;
    if (!isWorkingDay(localDate(midnight, utcOffsetMinutes), calendar)) continue;
    for (const [from, to] of periods) {
      for (let m = from + CHECK_IN_EARLY_MS / 60_000; m + SLOT_MINUTES <= to; m += SLOT_MINUTES) {
        const start = midnight + m * 60_000;
        if (start - rule.cutoffMinutes * 60_000 > nowMs) out.push(start);
      }
    }
  }
  return out;
}
