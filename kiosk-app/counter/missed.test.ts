import { describe, expect, it } from 'vitest';
import { MISSED_SHOWN, type HallEventMessage, type QueueSnapshot, type Snapshot, type TicketView } from '../../protocol/hall/index.ts';
import { applyEvent } from '../shared/hall/reduce.ts';
import { missedFromSnapshot } from './missed.ts';

let seq = 0;
const ticket = (id: string, status: TicketView['status'], window: number | null): TicketView => ({
  id, number: `A${id.padStart(3, '0')}`, serviceCode: 's', serviceName: '城乡居民参保登记', status, priority: 'normal', senior: false,
  maskedName: null, issuedAt: '2026-11-23T01:00:00.000Z', calledAt: null, startedAt: null, finishedAt: null, window, targetWindow: null,
  callCount: 2, print: 'printed', staffId: null, caseNumber: null,
});
const updated = (t: TicketView, action: string): HallEventMessage => ({ seq: ++seq, type: 'ticket.updated', at: '2026-11-23T01:00:00.000Z', data: { ticket: t, action } });

function counterSnapshot(missed: TicketView[]): Snapshot {
  const queue: QueueSnapshot = { businessDay: '2026-11-23', services: [], windows: [], waiting: [], recentCalls: [], tidalAlerts: [], missed };
  return {
    seq: 0, serverTime: '2026-11-23T01:00:00.000Z', principal: { id: 'c1', role: 'counter', window: 1, name: '1号窗口' },
    hallName: '大厅', utcOffsetMinutes: 480, pack: null, modules: { queue },
  };
}
const missedOf = (s: Snapshot, window: number) => missedFromSnapshot(s.modules['queue'] as QueueSnapshot, window).map((t) => t.number);

describe('missed tickets of a window (过号重排)', () => {
  it('starts from the list the hall sends (a reload keeps it), keeps this window’s 过号 tickets newest first, drops one once it rejoined', () => {
    let s = counterSnapshot([ticket('1', 'no_show', 1)]);
    expect(missedOf(s, 1)).toEqual(['A001']);
    s = applyEvent(s, updated(ticket('2', 'no_show', 2), 'no-show'));
    s = applyEvent(s, updated(ticket('3', 'no_show', 1), 'no-show'));
    expect(missedOf(s, 1)).toEqual(['A003', 'A001']);
    expect(missedOf(s, 2)).toEqual(['A002']);
    s = applyEvent(s, updated(ticket('1', 'waiting', null), 'rejoin'));
    expect(missedOf(s, 1)).toEqual(['A003']);
  });

  it('keeps at most a few per window, and ignores other events and other tickets', () => {
    let s = counterSnapshot([]);
    for (let i = 1; i <= MISSED_SHOWN + 2; i++) s = applyEvent(s, updated(ticket(String(i), 'no_show', 1), 'no-show'));
    expect(missedOf(s, 1)).toHaveLength(MISSED_SHOWN);
    const before = missedOf(s, 1);
    s = applyEvent(s, { seq: ++seq, type: 'queue.changed', at: '', data: { services: [] } });
    s = applyEvent(s, updated(ticket('99', 'serving', 1), 'start'));
    expect(missedOf(s, 1)).toEqual(before);
  });
});
