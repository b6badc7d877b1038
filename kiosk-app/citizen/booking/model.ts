// What the booking page shows (pure): the days and half-hour slots from the region's free slots, in hall time, and the
// words for the region's refusals. Simplified Chinese, short lines for large text on a phone.
import { CHINA_STANDARD_TIME_MINUTES, localClock, localDate } from '../../../protocol/rules/hall-time.ts';

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

export interface Slot {
  start: string;
  free: number;
}

export interface DayChoice {
  /** YYYY-MM-DD, hall time. */
  day: string;
  /** "12月8日 周二". */
  label: string;
  /** Free places over the day's slots. */
  free: number;
}

export function dayLabel(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日 ${WEEKDAYS[weekday]}`;
}

/** The days that have slots, in order. */
export function daysOf(slots: readonly Slot[], offset = CHINA_STANDARD_TIME_MINUTES): DayChoice[] {
  const days: DayChoice[] = [];
  for (const s of slots) {
    const day = localDate(Date.parse(s.start), offset);
    const last = days[days.length - 1];
    if (last && last.day === day) last.free += s.free;
    else days.push({ day, label: dayLabel(day), free: s.free });
  }
  return days;
}

export interface SlotChoice {
  start: string;
  /** "09:00". */
  clock: string;
  free: number;
}

/** The day's slots in the morning or the afternoon (from 12:00 on). */
export function slotsOn(slots: readonly Slot[], day: string, half: 'am' | 'pm', offset = CHINA_STANDARD_TIME_MINUTES): SlotChoice[] {
  return slots
    .filter((s) => localDate(Date.parse(s.start), offset) === day)
    .map((s) => ({ start: s.start, clock: localClock(Date.parse(s.start), offset), free: s.free }))
    .filter((s) => (half === 'am') === s.clock < '12:00');
}

/** "12月8日 周二 09:00—09:30". */
export function slotText(start: string, offset = CHINA_STANDARD_TIME_MINUTES): string {
  const ms = Date.parse(start);
  return `${dayLabel(localDate(ms, offset))} ${localClock(ms, offset)}—${localClock(ms + 30 * 60_000, offset)}`;
}

/** The region's refusal in words a citizen understands; the region's own message when it has one. A slot the region
 * no longer offers was one the page listed: its cut-off has passed since. */
export function refusal(status: number, code: string | null, message: string | null): string {
  if (status === 0) return '网络不通，请检查网络后重试';
  if (code === 'slot_unavailable') return '该时段已过预约截止时间，请另选时段';
  if (message) return message;
  if (status === 429) return '操作过于频繁，请稍后再试';
  return '暂时无法办理，请稍后再试';
}
