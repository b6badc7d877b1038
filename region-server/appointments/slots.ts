// Which half-hour slots a rule lets a citizen book (pure): working hours 09:00–12:00 and 13:30–17:00 hall time,
// Monday to Friday, from today to `daysAhead` days on, closing `cutoffMinutes` before each slot.
import { SLOT_MINUTES, type SlotRule } from '../../protocol/citizen/appointments.ts';

export const SLOT_PERIODS: ReadonlyArray<readonly [number, number]> = [[9 * 60, 12 * 60], [13 * 60 + 30, 17 * 60]];
const DAY_MS = 86_400_000;

export function bookableSlots(rule: Pick<SlotRule, 'daysAhead' | 'cutoffMinutes'>, nowMs: number, utcOffsetMinutes = 480): number[] {
  const offsetMs = utcOffsetMinutes * 60_000;
  const localMidnight = Math.floor((nowMs + offsetMs) / DAY_MS) * DAY_MS - offsetMs;
  const out: number[] = [];
  for (let d = 0; d <= rule.daysAhead; d++) {
    const midnight = localMidnight + d * DAY_MS;
    const weekday = new Date(midnight + offsetMs).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (const [from, to] of SLOT_PERIODS) {
      for (let m = from; m + SLOT_MINUTES <= to; m += SLOT_MINUTES) {
        const start = midnight + m * 60_000;
        if (start - rule.cutoffMinutes * 60_000 > nowMs) out.push(start);
      }
    }
  }
  return out;
}
