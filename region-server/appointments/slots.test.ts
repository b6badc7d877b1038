// Bookable half-hour slots from a site's rule (pure).
import { describe, expect, it } from 'vitest';
import { bookableSlots } from './slots.ts';

const local = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('bookableSlots', () => {
  it('gives the working half hours of the coming days, none within the cut-off, none at the weekend', () => {
    const fridayTen = Date.parse('2026-12-04T02:00:00Z');
    const slots = bookableSlots({ daysAhead: 3, cutoffMinutes: 60 }, fridayTen).map(local);
    expect(slots.slice(0, 3)).toEqual(['2026-12-04 11:30', '2026-12-04 13:30', '2026-12-04 14:00']);
    expect(slots.filter((s) => s.startsWith('2026-12-05') || s.startsWith('2026-12-06'))).toEqual([]);
    expect(slots.filter((s) => s.startsWith('2026-12-07'))).toHaveLength(13);
    expect(slots.at(-1)).toBe('2026-12-07 16:30');
  });

  it('with no days ahead, only what is left of today', () => {
    const mondayFour = Date.parse('2026-12-07T08:00:00Z');
    expect(bookableSlots({ daysAhead: 0, cutoffMinutes: 0 }, mondayFour).map(local)).toEqual(['2026-12-07 16:30']);
  });
});
