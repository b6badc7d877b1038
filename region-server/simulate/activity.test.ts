import { describe, expect, it } from 'vitest';
import { EventSchemas } from '../../protocol/hall/events.ts';
import { REGION_RECORD_TYPES } from '../../protocol/region/records.ts';
import { hallDay, newActivity, seededRandom, step, type NewEvent, type SimulatedHall } from './activity.ts';

const hall: SimulatedHall = {
  siteId: 'taiping',
  windows: 3,
  items: [{ code: '212036001003', name: '城乡居民参保登记' }, { code: '212036008001', name: '长期异地就医备案' }],
  staff: [{ id: '30101', name: '张伟' }, { id: '30102', name: '刘芳' }],
  busy: 0.6,
};

function run(steps: number, seed = 7): NewEvent[] {
  const state = newActivity();
  const random = seededRandom(seed);
  const start = Date.parse('2026-12-03T01:00:00Z');
  return Array.from({ length: steps }, (_, i) => step(hall, state, new Date(start + i * 2_000), random)).flat();
}

function schemaOf(type: string) {
  return (EventSchemas as Record<string, { safeParse(v: unknown): { success: boolean } }>)[type]
    ?? (REGION_RECORD_TYPES as Record<string, { safeParse(v: unknown): { success: boolean } }>)[type];
}

describe('a simulated site\'s activity', () => {
  const events = run(600);

  it('writes only events a real hall writes, each matching its schema', () => {
    const invalid = events.filter((e) => !schemaOf(e.type)?.safeParse(e.data).success);
    expect(invalid).toEqual([]);
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(['ticket.issued', 'ticket.called', 'ticket.finished', 'rating.recorded', 'terminal.seen']));
  });

  it('calls a ticket only after it was issued, finishes it only after it was called, and rates it only once finished', () => {
    const seen = new Map<string, string[]>();
    for (const e of events) {
      const data = e.data as { ticket?: { id: string }; ticketId?: string };
      const id = data.ticket?.id ?? data.ticketId;
      if (id) seen.set(id, [...(seen.get(id) ?? []), e.type]);
    }
    for (const life of seen.values()) {
      expect(['ticket.issued', 'ticket.called', 'ticket.finished', 'rating.recorded'].slice(0, life.length)).toEqual(life);
    }
  });

  it('records ratings without personal fields (sealed: null) on the hall\'s business day', () => {
    const ratings = events.filter((e) => e.type === 'rating.recorded').map((e) => e.data as { sealed: unknown; day: string; score: number });
    expect(ratings.length).toBeGreaterThan(50);
    expect(ratings.every((r) => r.sealed === null && r.day === '2026-12-03')).toBe(true);
    expect(ratings.some((r) => r.score <= 2)).toBe(true);
  });

  it('reports a printer out of paper now and then in its heartbeats, and the fault clears', () => {
    const printer = events
      .filter((e) => e.type === 'terminal.seen' && (e.data as { terminal: { role: string } }).terminal.role === 'kiosk')
      .map((e) => (e.data as { terminal: { devices: Array<{ state: string }> } }).terminal.devices[0]!.state);
    expect(printer).toContain('degraded');
    expect(printer.at(-1) === 'ok' || printer.lastIndexOf('ok') > printer.indexOf('degraded')).toBe(true);
  });

  it('is the same run for the same seed', () => {
    expect(run(50, 3)).toEqual(run(50, 3));
  });

  it('counts the business day in China time from 03:00, as a real hall does', () => {
    expect(hallDay(new Date('2026-12-03T16:30:00Z'))).toBe('2026-12-03');
    expect(hallDay(new Date('2026-12-03T19:00:00Z'))).toBe('2026-12-04');
  });
});
