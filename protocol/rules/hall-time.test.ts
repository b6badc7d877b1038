import { describe, expect, it } from 'vitest';
import { hallDate, hallDateTime } from './hall-time.ts';

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

  it('gives nothing for an unreadable instant', () => {
    expect(hallDateTime('yesterday', 480)).toBe('');
  });
});
