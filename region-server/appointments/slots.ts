// Which half-hour slots a rule lets a citizen book (pure): working hours 09:00–12:00 and 13:30–17:00 hall time on the
// region calendar's working days (weekends and public holidays closed, 调休 Saturdays and Sundays open), from today to
// `daysAhead` days on, closing `cutoffMinutes` before each slot.
import { SLOT_MINUTES, type SlotRule } from '../../protocol/citizen/appointments.ts';
import { CHINA_STANDARD_TIME_MINUTES, localDate } from '../../protocol/rules/hall-time.ts';
import { isWorkingDay, type CompiledCalendar } from '../../protocol/rules/workdays.ts';

export const SLOT_PERIODS: ReadonlyArray<readonly [number, number]> = [[9 * 60, 12 * 60], [13 * 60 + 30, 17 * 60]];
const DAY_MS = 86_400_000;

export function bookableSlots(
  rule: Pick<SlotRule, 'daysAhead' | 'cutoffMinutes'>, nowMs: number, calendar: CompiledCalendar, utcOffsetMinutes = CHINA_STANDARD_TIME_MINUTES,
): number[] {
  const offsetMs = utcOffsetMinutes * 60_000;
  const localMidnight = Math.floor((nowMs + offsetMs) / DAY_MS) * DAY_MS - offsetMs;
  const out: number[] = [];
  for (let d = 0; d <= rule.daysAhead; d++) {
    const midnight = localMidnight + d * DAY_MS;
    if (!isWorkingDay(localDate(midnight, utcOffsetMinutes), calendar)) continue;
    for (const [from, to] of SLOT_PERIODS) {
      for (let m = from; m + SLOT_MINUTES <= to; m += SLOT_MINUTES) {
        const start = midnight + m * 60_000;
        if (start - rule.cutoffMinutes * 60_000 > nowMs) out.push(start);
      }
    }
  }
  return out;
}
