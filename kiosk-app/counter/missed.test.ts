import { describe, expect, it } from 'vitest';
import type { HallEventMessage, TicketView } from '../../protocol/hall/index.ts';
import { applyMissedEvent, MISSED_SHOWN } from './missed.ts';

let seq = 0;
const ticket = (id: string, status: TicketView['status'], window: number | null): TicketView => ({
  id, number: `A${id.padStart(3, '0')}`, serviceCode: 's', serviceName: '城乡居民参保登记', status, priority: 'normal', senior: false,
  maskedName: null, issuedAt: '2026-11-23T01:00:00.000Z', calledAt: null, startedAt: null, finishedAt: null, window, targetWindow: null,
  callCount: 2, print: 'printed', staffId: null, caseNumber: null,
});
const updated = (t: TicketView, action: string): HallEventMessage => ({ seq: ++seq, type: 'ticket.updated', at: '2026-11-23T01:00:00.000Z', data: { ticket: t, action } });

describe('missed tickets of a window (过号重排)', () => {
  it('keeps this window’s 过号 tickets, newest first, and drops one once it rejoined', () => {
    let missed = applyMissedEvent([], updated(ticket('1', 'no_show', 1), 'no-show'), 1);
    missed = applyMissedEvent(missed, updated(ticket('2', 'no_show', 2), 'no-show'), 1);
    missed = applyMissedEvent(missed, updated(ticket('3', 'no_show', 1), 'no-show'), 1);
    expect(missed.map((t) => t.number)).toEqual(['A003', 'A001']);
    missed = applyMissedEvent(missed, updated(ticket('1', 'waiting', null), 'rejoin'), 1);
    expect(missed.map((t) => t.number)).toEqual(['A003']);
  });

  it('keeps at most a few, and ignores other events and other tickets', () => {
    let missed: TicketView[] = [];
    for (let i = 1; i <= MISSED_SHOWN + 2; i++) missed = applyMissedEvent(missed, updated(ticket(String(i), 'no_show', 1), 'no-show'), 1);
    expect(missed).toHaveLength(MISSED_SHOWN);
    expect(applyMissedEvent(missed, { seq: ++seq, type: 'queue.changed', at: '', data: { services: [] } }, 1)).toBe(missed);
    expect(applyMissedEvent(missed, updated(ticket('99', 'serving', 1), 'start'), 1)).toBe(missed);
  });
});
