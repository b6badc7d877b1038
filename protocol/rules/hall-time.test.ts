import { describe, expect, it } from 'vitest';
import { hallDate, hallDateTime, hallDayStartMs, localDate } from './hall-time.ts';

describe('hall time', () => {
  it('formats instants in China Standard Time', () => {
    expect(hallDateTime('2026-11-23T01:30:00.000Z')).toBe('2026-11-23 09:30:00');
    expect(hallDateTime(null)).toBe('');
  });

  it('follows the offset the hall config gives', () => {
    expect(hallDateTime('2026-11-23T15:59:59.999Z', 480)).toBe('2026-11-23 23:59:59');
    expect(hallDateTime('2026-11-23T01:30:00.000Z', 0)).toBe('2026-11-23 01:30:00');
    expect(hallDate(new Date('2026-11-23T20:00:00Z'), 480)).toBe('2026-11-24');
    expect(hallDate(new Date('2026-11-23T20:00:00Z'), 0)).toBe('2026-11-23');
  });

  it('a hall-local day begins at its midnight in hall time, and that instant is on that day', () => {
    expect(new Date(hallDayStartMs('2026-11-24', 480)).toISOString()).toBe('2026-11-23T16:00:00.000Z');
    expect(new Date(hallDayStartMs('2026-11-24', 0)).toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(localDate(hallDayStartMs('2026-11-24', 480), 480)).toBe('2026-11-24');
    expect(localDate(hallDayStartMs('2026-11-24', 480) - 1, 480)).toBe('2026-11-23');
  });

  it('gives nothing for an unreadable instant', () => {
    expect(hallDateTime('yesterday', 480)).toBe('');
  });
});
