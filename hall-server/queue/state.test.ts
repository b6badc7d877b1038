// The queue state's indexes always agree with a full scan of the tickets.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyQueueState, putTicket, waitingTickets } from './state.ts';
import type { Ticket } from './types.ts';

const statuses = ['waiting', 'called', 'serving', 'held', 'finished', 'no_show', 'cancelled'] as const;

describe('queue state indexes', () => {
  it('match a scan after any sequence of changes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.integer({ min: 0, max: 9 }), status: fc.constantFrom(...statuses), service: fc.constantFrom('S1', 'S2'), target: fc.option(fc.constantFrom(1, 2)),
          called: fc.option(fc.integer({ min: 0, max: 3_600_000 })), finished: fc.option(fc.integer({ min: 0, max: 3_600_000 })) }), { maxLength: 60 }),
        (changes) => {
          const state = emptyQueueState('2026-11-23');
          for (const c of changes) {
            putTicket(state, {
              id: `t${c.id}`, status: c.status, serviceCode: c.service, targetWindow: c.target, issuedAt: 0, calledAt: c.called,
              finishedAt: c.finished,
            } as Ticket);
          }
          const all = [...state.tickets.values()];
          const ids = (ts: Iterable<Ticket>) => [...ts].map((t) => t.id).sort();
          expect(ids(waitingTickets(state))).toEqual(ids(all.filter((t) => t.status === 'waiting')));
          expect(ids(state.waitingTargeted.values())).toEqual(ids(all.filter((t) => t.status === 'waiting' && t.targetWindow !== null)));
          expect(ids(state.active.values())).toEqual(ids(all.filter((t) => ['called', 'serving', 'held'].includes(t.status))));
          for (const code of ['S1', 'S2']) {
            const served = all.filter((t) => t.serviceCode === code && t.status === 'finished' && t.calledAt !== null && t.finishedAt !== null
              && t.finishedAt >= t.calledAt);
            const expected = { count: served.length, totalMs: served.reduce((sum, t) => sum + t.finishedAt! - t.calledAt!, 0) };
            expect(state.servedMs.get(code) ?? { count: 0, totalMs: 0 }).toEqual(expected);
          }
        },
      ),
    );
  });
});
