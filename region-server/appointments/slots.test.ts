// Bookable half-hour slots from a site's rule and the region's calendar (pure).
import { describe, expect, it } from 'vitest';
import { CALENDAR_2025_2026 } from '../../protocol/rules/calendar-2026.fixture.ts';
import { compileCalendar } from '../../protocol/rules/workdays.ts';
import { checkInOpensAt } from '../../protocol/citizen/appointments.ts';
import { bookableSlots } from './slots.ts';

const local = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const calendar = compileCalendar(CALENDAR_2025_2026);
const days = (slots: string[]) => [...new Set(slots.map((s) => s.slice(0, 10)))];
/** An item issuing tickets 08:30–12:00 and 13:00–17:00: slots 09:00–12:00 and 13:30–17:00. */
const HOURS = [{ from: '08:30', to: '12:00' }, { from: '13:00', to: '17:00' }];

describe('bookableSlots', () => {
  it('gives the working half hours of the coming days, none within the cut-off, none at the weekend', () => {
    const fridayTen = Date.parse('2026-12-04T02:00:00Z');
    const slots = bookableSlots({ daysAhead: 3, cutoffMinutes: 60 }, HOURS, fridayTen, calendar).map(local);
    expect(slots.slice(0, 3)).toEqual(['2026-12-04 11:30', '2026-12-04 13:30', '2026-12-04 14:00']);
    expect(slots.filter((s) => s.startsWith('2026-12-05') || s.startsWith('2026-12-06'))).toEqual([]);
    expect(slots.filter((s) => s.startsWith('2026-12-07'))).toHaveLength(13);
    expect(slots.at(-1)).toBe('2026-12-07 16:30');
  });

  it('with no days ahead, only what is left of today', () => {
    const mondayFour = Date.parse('2026-12-07T08:00:00Z');
    expect(bookableSlots({ daysAhead: 0, cutoffMinutes: 0 }, HOURS, mondayFour, calendar).map(local)).toEqual(['2026-12-07 16:30']);
  });

  it('DB21/T 4402 §10.1.2: no slot on a public holiday, and the 调休 Saturday is bookable like any working day', () => {
    const lastDayBeforeNationalDay = Date.parse('2026-09-30T02:00:00Z');
    const slots = bookableSlots({ daysAhead: 11, cutoffMinutes: 0 }, HOURS, lastDayBeforeNationalDay, calendar).map(local);
    expect(days(slots)).toEqual(['2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10']);
    expect(slots.filter((s) => s.startsWith('2026-10-10'))).toHaveLength(13);
  });

  it('the 调休 Sunday before the Mid-Autumn holiday is bookable, the holiday is not', () => {
    const saturday = Date.parse('2026-09-19T02:00:00Z');
    expect(days(bookableSlots({ daysAhead: 8, cutoffMinutes: 0 }, HOURS, saturday, calendar).map(local)))
      .toEqual(['2026-09-20', '2026-09-21', '2026-09-22', '2026-09-23', '2026-09-24']);
  });

  it('a slot starts once its check-in can be served and ends by the last ticket: none over the lunch break', () => {
    const mondayMidnight = Date.parse('2026-12-06T16:00:00Z');
    // The sample pack's 居民参保登记: tickets 08:30–11:20 and 13:00–16:40. Check-in opens 30 min before a slot, and the
    // citizen then takes a ticket: the first slot of each stretch is 30 min after tickets start.
    const sample = [{ from: '13:00', to: '16:40' }, { from: '08:30', to: '11:20' }];
    expect(bookableSlots({ daysAhead: 0, cutoffMinutes: 0 }, sample, mondayMidnight, calendar).map(local)).toEqual([
      '2026-12-07 09:00', '2026-12-07 09:30', '2026-12-07 10:00', '2026-12-07 10:30',
      '2026-12-07 13:30', '2026-12-07 14:00', '2026-12-07 14:30', '2026-12-07 15:00', '2026-12-07 15:30', '2026-12-07 16:00',
    ]);
    for (const slot of bookableSlots({ daysAhead: 0, cutoffMinutes: 0 }, sample, mondayMidnight, calendar)) {
      const opens = local(checkInOpensAt(slot)).slice(11);
      expect(sample.some((r) => r.from <= opens && opens < r.to), `check-in for ${local(slot)} opens at ${opens}, outside the issuing hours`).toBe(true);
    }
  });

  it('joins overlapping issuing hours into one stretch of slots', () => {
    const mondayMidnight = Date.parse('2026-12-06T16:00:00Z');
    const overlapping = [{ from: '09:00', to: '10:00' }, { from: '09:30', to: '11:00' }];
    expect(bookableSlots({ daysAhead: 0, cutoffMinutes: 0 }, overlapping, mondayMidnight, calendar).map(local))
      .toEqual(['2026-12-07 09:30', '2026-12-07 10:00', '2026-12-07 10:30']);
  });
});
