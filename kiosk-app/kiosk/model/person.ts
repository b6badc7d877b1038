// Pure personal-data helpers for the kiosk: the 绿色通道 offer, hall-local dates. Age, masking and the hall clock are
// the ones of protocol/ (person/age.ts, person/mask.ts, rules/hall-time.ts), shared with the server.
import { ageOn } from '../../../protocol/person/age.ts';
import { CHINA_STANDARD_TIME_MINUTES, hallDate, hallDateTime } from '../../../protocol/rules/hall-time.ts';

export { ageOn };

/** Whether the flow offers the 绿色通道: the item has one (pack flag and an age) and the citizen reaches that age. */
export function offersGreenChannel(
  birthDate: string,
  today: string,
  rule: { elderlyPriorityAge: number | null; greenChannel: boolean },
): boolean {
  if (!rule.greenChannel || rule.elderlyPriorityAge === null) return false;
  return ageOn(birthDate, today) >= rule.elderlyPriorityAge;
}

/** Local calendar date (YYYY-MM-DD) of a Date in hall time. */
export function localDate(now: Date, utcOffsetMinutes = CHINA_STANDARD_TIME_MINUTES): string {
  return hallDate(now, utcOffsetMinutes);
}

/** "YYYY-MM-DD HH:mm" in hall time, as printed on the ticket. */
export function localDateTime(now: Date, utcOffsetMinutes = CHINA_STANDARD_TIME_MINUTES): string {
  return hallDateTime(now.toISOString(), utcOffsetMinutes).slice(0, 16);
}
