import { describe, expect, it } from 'vitest';
import { codeProblem, idLast4Problem, idNumberProblem, phoneProblem, readBooking, readSlots } from '../../../protocol/citizen/booking-checks.ts';
import { daysOf, refusal, slotsOn, slotText } from './model.ts';

/** Monday 2026-12-07 and Tuesday 2026-12-08, hall time UTC+8. */
const slots = [
  { start: '2026-12-07T01:00:00.000Z', free: 2 }, // 09:00
  { start: '2026-12-07T05:30:00.000Z', free: 0 }, // 13:30
  { start: '2026-12-08T01:30:00.000Z', free: 1 }, // 09:30
];

describe('DB21/T 4402 §10.1.2: the booking page', () => {
  it('groups the free slots by hall day with the places left', () => {
    expect(daysOf(slots)).toEqual([
      { day: '2026-12-07', label: '12月7日 周一', free: 2 },
      { day: '2026-12-08', label: '12月8日 周二', free: 1 },
    ]);
  });

  it('splits a day into morning and afternoon, in hall time', () => {
    expect(slotsOn(slots, '2026-12-07', 'am')).toEqual([{ start: slots[0]!.start, clock: '09:00', free: 2 }]);
    expect(slotsOn(slots, '2026-12-07', 'pm')).toEqual([{ start: slots[1]!.start, clock: '13:30', free: 0 }]);
    expect(slotText(slots[2]!.start)).toBe('12月8日 周二 09:30—10:00');
  });

  it('checks the ID number with its check character, the phone, the 预约码 and the last 4 digits', () => {
    expect(idNumberProblem('')).toBe('请填写身份证号码');
    expect(idNumberProblem('21010219850612003')).toBe('身份证号码应为 18 位（最后一位可能是 X）');
    expect(idNumberProblem('210102198506120030')).toBe('身份证号码有误，请核对后重新填写');
    expect(idNumberProblem(' 21010219850612003x ')).toBe(idNumberProblem('21010219850612003X'));
    expect(phoneProblem('1390000111')).toBe('请填写 11 位手机号码');
    expect(phoneProblem('13900001111')).toBeNull();
    expect(codeProblem('1234567')).toBe('预约码为 8 位数字');
    expect(idLast4Problem('123x')).toBeNull();
    expect(idLast4Problem('12')).toBe('请填写身份证号码后 4 位');
  });

  it('reads only well-formed answers', () => {
    expect(readSlots({ slots: [{ start: 'x', free: '1' }] })).toBeNull();
    expect(readSlots({ slots })).toEqual({ slots });
    expect(readBooking({ code: '1234', siteId: 'a', siteName: 'b', serviceCode: 'c', serviceName: 'd', slotStart: 'e' })).toBeNull();
  });

  it('says the region’s refusals in words a citizen understands', () => {
    expect(refusal(0, null, null)).toBe('网络不通，请检查网络后重试');
    expect(refusal(409, 'slot_unavailable', '该时段不可预约，请另选时段')).toBe('该时段已过预约截止时间，请另选时段');
    expect(refusal(409, 'slot_full', '该时段已约满，请另选时段')).toBe('该时段已约满，请另选时段');
    expect(refusal(409, 'already_booked', '您已预约该时段，无需重复预约')).toBe('您已预约该时段，无需重复预约');
  });
});
