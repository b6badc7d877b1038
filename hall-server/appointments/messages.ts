// What the kiosk says after a check-in, in the polite forms of DB21/T 4402 §7.4.2 (pure).
import { checkInOpensAt, type CheckInTiming } from '../../protocol/citizen/appointments.ts';
import { localClock, localDate } from '../../protocol/rules/hall-time.ts';

export interface CheckInWords {
  serviceName: string;
  slotAtMs: number;
  nowMs: number;
  utcOffsetMinutes: number;
}

/** "14:30", or "12月5日 14:30" when the slot is not today. */
function when(ms: number, nowMs: number, offset: number): string {
  const clock = localClock(ms, offset);
  const day = localDate(ms, offset);
  if (day === localDate(nowMs, offset)) return clock;
  const [, month, date] = day.split('-');
  return `${Number(month)}月${Number(date)}日 ${clock}`;
}

export function checkInMessage(timing: CheckInTiming, w: CheckInWords): string {
  const slot = when(w.slotAtMs, w.nowMs, w.utcOffsetMinutes);
  switch (timing) {
    case 'on_time':
      return `您好，预约签到成功。您预约的“${w.serviceName}”（${slot}）已为您取号，请留意叫号。`;
    case 'early':
      return `您好，您预约的“${w.serviceName}”时间是 ${slot}，请您于 ${when(checkInOpensAt(w.slotAtMs), w.nowMs, w.utcOffsetMinutes)} 以后再来签到，谢谢您的配合。`;
    case 'late':
      return `您好，您预约的 ${slot} 时段已超过签到时间（预约时段开始后 15 分钟内签到有效），已为您取普通号，请按顺序等候，谢谢您的理解。`;
  }
}
