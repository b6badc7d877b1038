// 预约签到 at the kiosk (DB21/T 4402 §10.1.2), pure: the 预约码 keypad, and what the hall's answer leads to. On time and
// late lead to the ordinary ticket step (the ticket carries the 预约 mark or the late explanation); early and "no booking
// found" are screens of their own that offer an ordinary ticket instead.
import type { CheckInTiming } from '../../../protocol/citizen/appointments.ts';
import { localClock, localDate } from '../../../protocol/rules/hall-time.ts';

/** The 预约码 is 8 digits. */
export const CODE_DIGITS = 8;

export type CheckInStep =
  | {
      name: 'checkIn';
      /** Digits typed on the keypad so far. */
      digits: string;
      busy: boolean;
      error: string | null;
    }
  | {
      name: 'checkInEarly';
      /** The booked item: 现在取普通号 opens its guide. */
      code: string;
      serviceName: string;
      /** "请您于 9:30 以后再来签到" in the hall's words. */
      message: string;
      /** Hall clock of when check-in opens, e.g. "09:30" or "12月8日 09:30". */
      comeBackAt: string;
    }
  | { name: 'checkInMissing'; message: string };

/** One key of the keypad: a digit, 清除 or 删除. */
export function typeCodeKey(digits: string, key: string): string {
  if (key === '清除') return '';
  if (key === '删除') return digits.slice(0, -1);
  if (!/^\d$/.test(key) || digits.length >= CODE_DIGITS) return digits;
  return digits + key;
}

/** Why 签到 with the typed digits cannot be sent yet; null when it can. */
export function codeProblem(digits: string): string | null {
  if (digits.length === 0) return '请输入预约码，或刷卡、出示医保码';
  return digits.length === CODE_DIGITS ? null : `预约码为 ${CODE_DIGITS} 位数字，您输入了 ${digits.length} 位`;
}

/** The hall's error codes that mean "no usable booking": the screen then offers an ordinary ticket. */
const NO_BOOKING = new Set(['appointment_not_found', 'appointment_cancelled', 'appointment_used']);

export function isNoBooking(errorCode: string): boolean {
  return NO_BOOKING.has(errorCode);
}

/** Hall clock text of an instant as the hall's messages say it: "09:30" on the day of `dayOfMs`, "12月8日 13:30" on
 * another day. The kiosk passes the booked slot, not its own clock: the hall's answer is what counts. */
export function hallWhen(atMs: number, dayOfMs: number, utcOffsetMinutes: number): string {
  const clock = localClock(atMs, utcOffsetMinutes);
  const day = localDate(atMs, utcOffsetMinutes);
  if (day === localDate(dayOfMs, utcOffsetMinutes)) return clock;
  return `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日 ${clock}`;
}

/** The mark a check-in puts on its ticket (screen and paper). */
export interface CheckInMark {
  timing: Exclude<CheckInTiming, 'early'>;
  /** The booked slot, hall clock ("10:00"). */
  slot: string;
  /** The hall's words: 预约签到成功… or 已超过签到时间…，已为您取普通号. */
  message: string;
}

/** The item name as the paper ticket prints it: a 预约 ticket says so next to the item (at most 40 characters). */
export function printedServiceName(serviceName: string, mark: CheckInMark | null | undefined): string {
  if (!mark || mark.timing !== 'on_time') return serviceName.slice(0, 40);
  const suffix = `（预约 ${mark.slot}）`;
  return serviceName.slice(0, 40 - suffix.length) + suffix;
}
