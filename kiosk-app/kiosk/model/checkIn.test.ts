import { describe, expect, it } from 'vitest';
import { codeProblem, hallWhen, isNoBooking, printedServiceName, typeCodeKey } from './checkIn.ts';
import { CHECK_IN, HOME, holdsCitizen, next, type Action, type IssuedTicket, type Step } from './flow.ts';

const ticket: IssuedTicket = {
  id: 't9', number: 'A031', serviceName: '城乡居民参保登记', peopleAhead: 0, waitMinutes: 0, windows: ['1号窗口'],
  maskedName: '李*', issuedAt: '2026-12-07 09:40', duplicate: false,
  checkIn: { timing: 'on_time', slot: '10:00', message: '您好，预约签到成功。' },
};

const run = (start: Step, actions: Action[]): Step => actions.reduce(next, start);

describe('DB21/T 4402 §10.1.2: 预约签到 at the kiosk', () => {
  it('types the 8-digit 预约码 on the keypad: digits only, at most 8, 删除 and 清除', () => {
    let digits = '';
    for (const key of ['1', '2', 'x', '3', '4', '5', '6', '7', '8', '9']) digits = typeCodeKey(digits, key);
    expect(digits).toBe('12345678');
    expect(typeCodeKey(digits, '删除')).toBe('1234567');
    expect(typeCodeKey(digits, '清除')).toBe('');
    expect(codeProblem('')).toBe('请输入预约码，或刷卡、出示医保码');
    expect(codeProblem('1234')).toBe('预约码为 8 位数字，您输入了 4 位');
    expect(codeProblem('12345678')).toBeNull();
  });

  it('home → check-in → on time: the ticket step with the 预约 mark, printing', () => {
    const step = run(HOME, [{ type: 'openCheckIn' }, { type: 'codeKey', key: '1' }, { type: 'checkingIn' }, { type: 'checkedIn', code: '001', ticket }]);
    expect(step).toEqual({ name: 'ticket', code: '001', ticket, print: 'printing', printMessage: null });
  });

  it('keeps the keypad still while the hall answers, and shows its error after', () => {
    const busy = run(HOME, [{ type: 'openCheckIn' }, { type: 'codeKey', key: '7' }, { type: 'checkingIn' }]);
    expect(run(busy, [{ type: 'codeKey', key: '8' }, { type: 'back' }])).toEqual(busy);
    expect(next(busy, { type: 'checkInFailed', message: '网络不通' })).toEqual({ name: 'checkIn', digits: '7', busy: false, error: '网络不通' });
  });

  it('early: when to come back, and 现在取普通号 opens the booked item’s guide', () => {
    const early = run(CHECK_IN, [{ type: 'checkingIn' }, { type: 'checkInEarly', code: '001', serviceName: '参保登记', message: '请您于 9:30 以后再来签到', comeBackAt: '9:30' }]);
    expect(early).toEqual({ name: 'checkInEarly', code: '001', serviceName: '参保登记', message: '请您于 9:30 以后再来签到', comeBackAt: '9:30' });
    expect(next(early, { type: 'ordinaryTicket' })).toEqual({ name: 'guide', code: '001' });
    expect(next(early, { type: 'back' })).toEqual(CHECK_IN);
  });

  it('no booking found: the message, then home to take an ordinary ticket', () => {
    const missing = run(CHECK_IN, [{ type: 'checkingIn' }, { type: 'checkInMissing', message: '没有找到您的预约' }]);
    expect(missing).toEqual({ name: 'checkInMissing', message: '没有找到您的预约' });
    expect(holdsCitizen(missing)).toBe(true);
    expect(next(missing, { type: 'ordinaryTicket' })).toEqual(HOME);
    expect(['appointment_not_found', 'appointment_cancelled', 'appointment_used'].every(isNoBooking)).toBe(true);
    expect(isNoBooking('identity_required')).toBe(false);
  });

  it('check-in actions do nothing outside check-in (a late answer after an idle reset is dropped)', () => {
    expect(next(HOME, { type: 'checkedIn', code: '001', ticket })).toEqual(HOME);
    expect(next(HOME, { type: 'checkInMissing', message: 'x' })).toEqual(HOME);
    expect(next({ name: 'thanks' }, { type: 'openCheckIn' })).toEqual({ name: 'thanks' });
    expect(next(CHECK_IN, { type: 'back' })).toEqual(HOME);
  });

  it('prints 预约 and the slot next to the item on an on-time ticket only, within 40 characters', () => {
    expect(printedServiceName('城乡居民参保登记', ticket.checkIn)).toBe('城乡居民参保登记（预约 10:00）');
    expect(printedServiceName('城乡居民参保登记', { timing: 'late', slot: '10:00', message: '' })).toBe('城乡居民参保登记');
    expect(printedServiceName('长'.repeat(50), ticket.checkIn)).toHaveLength(40);
  });

  it('says the hall clock, with the date when it is another day', () => {
    const now = Date.parse('2026-12-07T01:00:00Z');
    expect(hallWhen(Date.parse('2026-12-07T01:30:00Z'), now, 480)).toBe('09:30');
    expect(hallWhen(Date.parse('2026-12-08T05:30:00Z'), now, 480)).toBe('12月8日 13:30');
  });
});
