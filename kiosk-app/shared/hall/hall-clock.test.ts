import { afterEach, describe, expect, it } from 'vitest';
import { hallClockOf, hallDateOf, hallDateTimeOf, hallUtcOffset, learnHallClock } from './hall-clock.ts';

describe('the hall clock on a page', () => {
  afterEach(() => learnHallClock({ utcOffsetMinutes: 480 }));

  it('shows times with the offset of the hall snapshot, not the browser time zone', () => {
    const at = new Date('2026-11-22T16:30:00.000Z');
    learnHallClock({ utcOffsetMinutes: 480 });
    expect(hallDateOf(at)).toBe('2026-11-23');
    expect(hallClockOf(at)).toBe('00:30');
    learnHallClock({ utcOffsetMinutes: 420 });
    expect(hallUtcOffset.value).toBe(420);
    expect(hallDateOf(at)).toBe('2026-11-22');
    expect(hallClockOf(at)).toBe('23:30');
    expect(hallDateTimeOf(at.toISOString())).toBe('2026-11-22 23:30:00');
    expect(hallDateTimeOf(null)).toBe('');
  });
});
