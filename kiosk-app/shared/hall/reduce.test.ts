// The page keeps its snapshot current from events exactly as the server would have built it.
import { describe, expect, it } from 'vitest';
import type { HallEventMessage, QueueSnapshot, Snapshot, TicketView, WindowView } from '../../../protocol/hall/index.ts';
import { applyEvent } from './reduce.ts';

const ticket = (id: string, status: TicketView['status'] = 'waiting'): TicketView => ({
  id, number: `A${id}`, serviceCode: 'S1', serviceName: '参保登记', status, priority: 'normal', senior: false, maskedName: null,
  issuedAt: '2026-11-23T01:00:00.000Z', calledAt: null, startedAt: null, finishedAt: null, window: null, targetWindow: null,
  callCount: 0, print: 'printed', staffId: null, caseNumber: null,
});
const window1: WindowView = {
  number: 1, name: '1号窗口', services: ['S1'], group: '1号窗口', tidal: false, paused: false, staffId: null, staffName: null,
  current: null, held: [], recallCooldownUntil: null, undoable: null,
};

function snapshot(role: 'admin' | 'board'): Snapshot {
  const queue: QueueSnapshot = { businessDay: '2026-11-23', services: [], windows: [window1], waiting: [], recentCalls: [], tidalAlerts: [] };
  return { seq: 10, serverTime: '', principal: { id: 'x', role, window: null, name: '' }, hallName: '厅', utcOffsetMinutes: 480, pack: { id: 'p', version: 1 }, modules: { queue } };
}
let seq = 10;
const ev = (type: string, data: unknown): HallEventMessage => ({ seq: ++seq, type, at: '', data });
const queueOf = (s: Snapshot) => s.modules['queue'] as QueueSnapshot;

describe('applyEvent', () => {
  it('tracks waiting tickets for admins, calls, windows, tidal alerts, resets and pack changes', () => {
    let s = snapshot('admin');
    s = applyEvent(s, ev('ticket.issued', { ticket: ticket('1') }));
    s = applyEvent(s, ev('ticket.issued', { ticket: ticket('2') }));
    expect(queueOf(s).waiting.map((t) => t.id)).toEqual(['1', '2']);
    const call = { ticketId: '1', number: 'A1', window: 1, windowName: '1号窗口', serviceCode: 'S1', serviceName: '参保登记', callCount: 1, at: '', recall: false };
    s = applyEvent(s, ev('ticket.called', call));
    expect(queueOf(s).waiting.map((t) => t.id)).toEqual(['2']);
    expect(queueOf(s).recentCalls.map((c) => c.number)).toEqual(['A1']);
    s = applyEvent(s, ev('window.changed', { window: { ...window1, paused: true } }));
    expect(queueOf(s).windows[0]!.paused).toBe(true);
    s = applyEvent(s, ev('tidal.alert', { group: '1号窗口', waiting: 6, threshold: 5, since: '' }));
    expect(queueOf(s).tidalAlerts.map((a) => a.group)).toEqual(['1号窗口']);
    s = applyEvent(s, ev('tidal.cleared', { group: '1号窗口', reason: 'drained' }));
    expect(queueOf(s).tidalAlerts).toEqual([]);
    s = applyEvent(s, ev('pack.activated', { id: 'p', version: 2 }));
    expect(s.pack).toEqual({ id: 'p', version: 2 });
    s = applyEvent(s, ev('queue.reset', { businessDay: '2026-11-24' }));
    expect([queueOf(s).businessDay, queueOf(s).waiting, queueOf(s).recentCalls]).toEqual(['2026-11-24', [], []]);
    expect(s.seq).toBe(seq);
  });

  it('keeps no waiting list on a board (it never receives one) and ignores malformed data', () => {
    let s = snapshot('board');
    s = applyEvent(s, ev('ticket.issued', { ticket: ticket('1') }));
    expect(queueOf(s).waiting).toEqual([]);
    const before = queueOf(s);
    s = applyEvent(s, ev('ticket.called', { number: 42 }));
    expect(queueOf(s)).toEqual(before);
  });
});

describe('applyEvent: the kiosk home\'s neighbours', () => {
  it('neighbours.changed replaces the neighbours part and keeps the queue', () => {
    const part = { sites: [{ siteId: 'dongcheng', name: '东城镇医保服务站', state: 'waiting', waiting: 4 }] };
    const s = applyEvent(snapshot('board'), ev('neighbours.changed', part));
    expect(s.modules['neighbours']).toEqual(part);
    expect(queueOf(s).windows).toEqual([window1]);
  });
});
