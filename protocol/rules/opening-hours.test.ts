import { describe, expect, it } from 'vitest';
import { mergeRanges, openingState } from './opening-hours.ts';
import { compileCalendar } from './workdays.ts';

const CST = 480;
const at = (local: string) => Date.parse(`${local}:00+08:00`);
const sessions = [{ from: '08:30', to: '11:30' }, { from: '13:00', to: '17:00' }, { from: '13:00', to: '16:30' }];
// 2026-10-01..07 国庆节; 2026-10-10 (Saturday) is a 调休 working day.
const calendar = compileCalendar({ holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'], workdays: ['2026-10-10'] });

describe('mergeRanges', () => {
  it('sorts and joins overlapping and touching ranges, drops empty ones', () => {
    expect(mergeRanges([{ from: '13:00', to: '16:30' }, { from: '08:30', to: '11:30' }, { from: '11:30', to: '12:00' }, { from: '14:00', to: '17:00' }, { from: '09:00', to: '09:00' }]))
      .toEqual([{ from: '08:30', to: '12:00' }, { from: '13:00', to: '17:00' }]);
  });
});

describe('openingState', () => {
  it('open in a session: closes at its end (the longest item’s hours)', () => {
    expect(openingState(sessions, calendar, at('2026-11-02T14:00'), CST)).toEqual({ open: true, closesAtMs: at('2026-11-02T17:00') });
  });
  it('at the lunch break: opens again at 13:00 the same day', () => {
    expect(openingState(sessions, calendar, at('2026-11-02T11:30'), CST)).toEqual({ open: false, opensAtMs: at('2026-11-02T13:00') });
  });
  it('before the first session: opens at 08:30 today', () => {
    expect(openingState(sessions, calendar, at('2026-11-02T07:00'), CST)).toEqual({ open: false, opensAtMs: at('2026-11-02T08:30') });
  });
  it('Friday evening: opens Monday 08:30', () => {
    expect(openingState(sessions, calendar, at('2026-11-06T17:00'), CST)).toEqual({ open: false, opensAtMs: at('2026-11-09T08:30') });
  });
  it('a statutory holiday: the first working day after it, a 调休 Saturday included', () => {
    expect(openingState(sessions, calendar, at('2026-10-01T10:00'), CST)).toEqual({ open: false, opensAtMs: at('2026-10-08T08:30') });
    expect(openingState(sessions, calendar, at('2026-10-09T18:00'), CST)).toEqual({ open: false, opensAtMs: at('2026-10-10T08:30') });
  });
  it('no hours at all: closed with no next opening', () => {
    expect(openingState([], calendar, at('2026-11-02T10:00'), CST)).toEqual({ open: false, opensAtMs: null });
  });
});
