import { describe, expect, it } from 'vitest';
import { calendarStatus } from './calendar-status.ts';

const calendar = (...years: number[]) => ({ years: years.map((year) => ({ year, provisional: false, holidays: [], workdays: [] })) });

describe('the New-Year time bomb: calendar status of the active pack', () => {
  it('is ok in the year it covers, until 60 days before its end', () => {
    expect(calendarStatus(calendar(2026), '2026-11-01')).toMatchObject({ state: 'ok', message: null });
  });
  it('announces the missing next year from 60 days before the year ends', () => {
    expect(calendarStatus(calendar(2026), '2026-11-02')).toEqual({
      state: 'next-year-missing',
      years: [2026],
      message: '内容包还没有2027年的节假日安排（离年底还有 59 天）：请在新年前上传含2027年安排的内容包，否则新年起只按周六、周日休息计算工作日',
    });
    expect(calendarStatus(calendar(2026, 2027), '2026-12-30').state).toBe('ok');
  });
  it('says the pack serves with weekends as rest days once the year has turned', () => {
    expect(calendarStatus(calendar(2026, 2027), '2028-01-03')).toEqual({
      state: 'this-year-missing',
      years: [2026, 2027],
      message: '内容包没有2028年的节假日安排：现在按周六、周日休息计算工作日，法定节假日和调休不会生效。请尽快上传含2028年安排的内容包',
    });
  });
});
