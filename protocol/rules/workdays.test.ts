import { describe, expect, it } from 'vitest';
import { CALENDAR_2025_2026 } from './calendar-2026.fixture.ts';
import { addWorkingDays, compileCalendar, isWorkingDay, parseIsoDate, workingDaysBetween } from './workdays.ts';
import { hallDate } from './hall-time.ts';

const cal = compileCalendar(CALENDAR_2025_2026);

describe('isWorkingDay', () => {
  it('DB21/T 4402 §9.6: treats weekends as rest, 调休 weekends as work, holidays on weekdays as rest', () => {
    expect(isWorkingDay('2026-11-21', cal)).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-23', cal)).toBe(true); // Monday
    expect(isWorkingDay('2026-02-14', cal)).toBe(true); // Saturday, 调休上班
    expect(isWorkingDay('2026-02-16', cal)).toBe(false); // Monday in 春节
    expect(isWorkingDay('2026-10-10', cal)).toBe(true); // Saturday, 调休上班
    expect(isWorkingDay('2026-01-04', cal)).toBe(true); // Sunday, 调休上班
  });
});

describe('DB21/T 4402 §9.6.3: addWorkingDays (start day not counted)', () => {
  it('counts from the next day in an ordinary week', () => {
    expect(addWorkingDays('2026-11-23', 1, cal)).toBe('2026-11-24');
    expect(addWorkingDays('2026-11-20', 1, cal)).toBe('2026-11-23'); // Friday → Monday
    expect(addWorkingDays('2026-11-23', 15, cal)).toBe('2026-12-14');
    expect(addWorkingDays('2026-11-23', 0, cal)).toBe('2026-11-23');
  });

  it('crosses the year boundary over 元旦 2026 with the Sunday 调休 on Jan 4', () => {
    // 2025-12-31 (Wed) → Jan 1–3 off, Jan 4 (Sun) works, Jan 5 (Mon)
    expect(addWorkingDays('2025-12-31', 1, cal)).toBe('2026-01-04');
    expect(addWorkingDays('2025-12-31', 2, cal)).toBe('2026-01-05');
    expect(addWorkingDays('2025-12-29', 5, cal)).toBe('2026-01-06');
  });

  it('crosses Spring Festival 2026 (Feb 15–23 off, Feb 14 and 28 work)', () => {
    expect(addWorkingDays('2026-02-12', 1, cal)).toBe('2026-02-13');
    expect(addWorkingDays('2026-02-13', 1, cal)).toBe('2026-02-14'); // Saturday 调休
    expect(addWorkingDays('2026-02-13', 2, cal)).toBe('2026-02-24'); // after the 9-day break
    // 15 working days from Feb 10: 11,12,13,14(Sat),24,25,26,27,28(Sat),Mar 2,3,4,5,6,9
    expect(addWorkingDays('2026-02-10', 15, cal)).toBe('2026-03-09');
  });

  it('crosses National Day 2026 (Oct 1–7 off, Sep 20 and Oct 10 work) and 中秋 Sep 25–27', () => {
    // From Sep 18 (Fri): 20(Sun 调休),21,22,23,24, [25–27 中秋], 28,29,30, [Oct 1–7], 8,9,10(Sat),12
    expect(addWorkingDays('2026-09-18', 1, cal)).toBe('2026-09-20');
    expect(addWorkingDays('2026-09-18', 8, cal)).toBe('2026-09-30');
    expect(addWorkingDays('2026-09-18', 9, cal)).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-18', 11, cal)).toBe('2026-10-10');
    expect(addWorkingDays('2026-09-18', 12, cal)).toBe('2026-10-12');
    expect(addWorkingDays('2026-09-30', 15, cal)).toBe('2026-10-27');
  });

  it('crosses the 2025 National Day with its Saturday 调休 and into 2026 from a December start', () => {
    expect(addWorkingDays('2025-09-30', 1, cal)).toBe('2025-10-09');
    expect(addWorkingDays('2025-09-30', 3, cal)).toBe('2025-10-11'); // Saturday 调休
    expect(addWorkingDays('2025-12-15', 15, cal)).toBe('2026-01-06');
  });

  it('rejects bad input clearly', () => {
    expect(() => addWorkingDays('2026-02-30', 1, cal)).toThrow(/no such date/);
    expect(() => addWorkingDays('2026-2-3', 1, cal)).toThrow(/not an ISO date/);
    expect(() => addWorkingDays('2026-02-03', -1, cal)).toThrow(/whole number/);
    expect(() => compileCalendar({ holidays: ['2026-13-01'], workdays: [] })).toThrow();
  });
});

describe('workingDaysBetween', () => {
  it('is the inverse of addWorkingDays', () => {
    for (const start of ['2025-12-20', '2026-02-10', '2026-09-18', '2026-04-30']) {
      for (const n of [1, 2, 5, 15, 30]) {
        expect(workingDaysBetween(start, addWorkingDays(start, n, cal), cal)).toBe(n);
      }
    }
  });
  it('is negative when the date lies before', () => {
    expect(workingDaysBetween('2026-02-24', '2026-02-13', cal)).toBe(-2);
    expect(workingDaysBetween('2026-02-15', '2026-02-23', cal)).toBe(0);
  });
});

describe('hallDate', () => {
  it('uses China Standard Time', () => {
    expect(hallDate(new Date('2026-02-13T15:59:59Z'))).toBe('2026-02-13');
    expect(hallDate(new Date('2026-02-13T16:00:00Z'))).toBe('2026-02-14');
    expect(parseIsoDate('1970-01-02')).toBe(1);
  });
});
