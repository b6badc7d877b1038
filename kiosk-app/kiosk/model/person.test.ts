import { describe, expect, it } from 'vitest';
import { ageOn, localDate, localDateTime, offersGreenChannel } from './person.ts';

describe('age and 绿色通道', () => {
  it('counts full years', () => {
    expect(ageOn('1950-06-15', '2026-06-14')).toBe(75);
    expect(ageOn('1950-06-15', '2026-06-15')).toBe(76);
    expect(ageOn('1966-12-31', '2026-11-22')).toBe(59);
  });

  it('offers the green channel from the item age on', () => {
    const rule = { elderlyPriorityAge: 60, greenChannel: true };
    expect(offersGreenChannel('1966-11-22', '2026-11-22', rule)).toBe(true);
    expect(offersGreenChannel('1966-11-23', '2026-11-22', rule)).toBe(false);
    expect(offersGreenChannel('1930-01-01', '2026-11-22', { elderlyPriorityAge: null, greenChannel: true })).toBe(false);
    expect(offersGreenChannel('1930-01-01', '2026-11-22', { elderlyPriorityAge: 60, greenChannel: false })).toBe(false);
  });
});

describe('hall-local time', () => {
  it('formats in Asia/Shanghai', () => {
    const utc = new Date('2026-11-22T17:05:00Z');
    expect(localDate(utc)).toBe('2026-11-23');
    expect(localDateTime(utc)).toBe('2026-11-23 01:05');
  });
});
