// Fairness of the call policies, as properties over random arrival patterns (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QueuePolicyConfig } from '../config/schema.ts';
import { selectNext } from './policy.ts';
import type { Ticket } from './types.ts';

function ticket(id: number, issuedAt: number, priority: Ticket['priority']): Ticket {
  return {
    id: `t${String(id).padStart(5, '0')}`, day: '2026-11-23', number: `A${id}`, serviceCode: 'S', status: 'waiting', priority, senior: false,
    personHash: null, maskedName: null, issuedAt, calledAt: null, lastCalledAt: null, startedAt: null, finishedAt: null,
    window: null, targetWindow: null, callCount: 0, print: 'printed', staffId: null, caseNumber: null, idempotencyKey: null, version: 1,
  };
}

interface Served {
  ticket: Ticket;
  at: number;
}

/** One window calling every `callEvery` ms; `arrivals[i]` tickets arrive before call i (true = priority). */
function simulate(policy: QueuePolicyConfig, arrivals: boolean[][], callEvery: number): { served: Served[]; left: Ticket[] } {
  const waiting: Ticket[] = [];
  const served: Served[] = [];
  let counter = 0;
  let id = 0;
  let now = 0;
  const step = (batch: boolean[]) => {
    for (const p of batch) waiting.push(ticket(id++, now, p ? 'elderly' : 'normal'));
    now += callEvery;
    const pick = selectNext(waiting, policy, counter, now);
    if (!pick) return;
    counter = pick.normalsSincePriority;
    waiting.splice(waiting.indexOf(pick.ticket), 1);
    served.push({ ticket: pick.ticket, at: now });
  };
  arrivals.forEach(step);
  for (let i = 0; waiting.length && i < 10_000; i++) step([]);
  return { served, left: waiting };
}

const arrivalPattern = fc.array(fc.array(fc.boolean(), { maxLength: 2 }), { minLength: 1, maxLength: 120 });

describe('selectNext', () => {
  it('returns null when nothing waits', () => {
    expect(selectNext([], { kind: 'strict' }, 0, 0)).toBeNull();
  });

  it('strict: priority first, then normal, each in issue order', () => {
    const waiting = [ticket(1, 0, 'normal'), ticket(2, 10, 'elderly'), ticket(3, 20, 'veteran')];
    expect(selectNext(waiting, { kind: 'strict' }, 0, 100)!.ticket.id).toBe('t00002');
    expect(selectNext([waiting[0]!], { kind: 'strict' }, 0, 100)!.ticket.id).toBe('t00001');
  });

  it('interleave 2:1 gives the sequence N N P N N P while both wait', () => {
    const normals = [0, 1, 2, 3].map((i) => ticket(i, i, 'normal'));
    const prios = [10, 11].map((i) => ticket(i, i, 'elderly'));
    const waiting = [...normals, ...prios];
    const order: string[] = [];
    let counter = 0;
    while (waiting.length) {
      const pick = selectNext(waiting, { kind: 'interleave', normalPerPriority: 2 }, counter, 100)!;
      counter = pick.normalsSincePriority;
      waiting.splice(waiting.indexOf(pick.ticket), 1);
      order.push(pick.ticket.priority === 'normal' ? 'N' : 'P');
    }
    expect(order.join('')).toBe('NNPNNP');
  });

  it('interleave: with only priority tickets waiting, the normal quota never stalls the window', () => {
    const { served, left } = simulate({ kind: 'interleave', normalPerPriority: 2 }, [[true, true], [true]], 1);
    expect(served.map((s) => [s.ticket.id, s.at])).toEqual([['t00000', 1], ['t00001', 2], ['t00002', 3]]);
    expect(left).toEqual([]);
  });

  it('ageing: a ticket waiting beyond the bound goes first, whatever its class', () => {
    const old = ticket(1, 0, 'normal');
    const fresh = ticket(2, 59 * 60_000, 'elderly');
    expect(selectNext([old, fresh], { kind: 'strict', maxWaitMinutes: 60 }, 0, 60 * 60_000)!.ticket.id).toBe('t00001');
    expect(selectNext([old, fresh], { kind: 'strict', maxWaitMinutes: 60 }, 0, 59 * 60_000)!.ticket.id).toBe('t00002');
  });

  it('strict without ageing starves normal tickets under a steady priority flow (why ageing exists)', () => {
    const flood = Array.from({ length: 100 }, () => [true]);
    const { served } = simulate({ kind: 'strict' }, [[false, true], ...flood], 1000);
    const normalAt = served.findIndex((s) => s.ticket.priority === 'normal');
    expect(normalAt).toBe(101);
    const aged = simulate({ kind: 'strict', maxWaitMinutes: 1 }, [[false, true], ...flood], 1000).served;
    expect(aged.findIndex((s) => s.ticket.priority === 'normal')).toBe(59);
  });

  it('property: every policy serves every ticket, and each class in issue order', () => {
    const policies: QueuePolicyConfig[] = [
      { kind: 'strict' },
      { kind: 'strict', maxWaitMinutes: 1 },
      { kind: 'interleave', normalPerPriority: 3 },
      { kind: 'interleave', normalPerPriority: 1, maxWaitMinutes: 1 },
    ];
    fc.assert(
      fc.property(arrivalPattern, fc.constantFrom(...policies), (arrivals, policy) => {
        const total = arrivals.flat().length;
        const { served, left } = simulate(policy, arrivals, 1000);
        expect(left).toEqual([]);
        expect(served.length).toBe(total);
        if (policy.maxWaitMinutes === undefined) {
          for (const cls of ['normal', 'elderly'] as const) {
            const ids = served.filter((s) => s.ticket.priority === cls).map((s) => s.ticket.id);
            expect(ids).toEqual([...ids].sort());
          }
        }
      }),
    );
  });

  it('property: interleave N:1 never calls more than N normal tickets in a row while a priority ticket waits', () => {
    fc.assert(
      fc.property(arrivalPattern, fc.integer({ min: 1, max: 5 }), (arrivals, n) => {
        const waiting: Ticket[] = [];
        let counter = 0;
        let run = 0;
        let id = 0;
        for (const batch of [...arrivals, ...Array.from({ length: 300 }, () => [])]) {
          for (const p of batch) waiting.push(ticket(id++, id, p ? 'elderly' : 'normal'));
          const priorityWaiting = waiting.some((t) => t.priority !== 'normal');
          const pick = selectNext(waiting, { kind: 'interleave', normalPerPriority: n }, counter, id);
          if (!pick) continue;
          counter = pick.normalsSincePriority;
          waiting.splice(waiting.indexOf(pick.ticket), 1);
          run = pick.ticket.priority === 'normal' && priorityWaiting ? run + 1 : 0;
          expect(run).toBeLessThanOrEqual(n);
        }
      }),
    );
  });

  it('property: with ageing and calls at least as fast as arrivals, no ticket waits beyond the bound plus the backlog ahead of it', () => {
    const callEvery = 10_000;
    const boundMin = 2;
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.boolean(), { maxLength: 1 }), { minLength: 1, maxLength: 200 }),
        fc.constantFrom<QueuePolicyConfig>(
          { kind: 'strict', maxWaitMinutes: boundMin },
          { kind: 'interleave', normalPerPriority: 4, maxWaitMinutes: boundMin },
        ),
        (arrivals, policy) => {
          const { served } = simulate(policy, arrivals, callEvery);
          for (const s of served) {
            const olderStillWaiting = served.filter((o) => o.ticket.issuedAt < s.ticket.issuedAt && o.at > s.ticket.issuedAt + boundMin * 60_000).length;
            expect(s.at - s.ticket.issuedAt).toBeLessThanOrEqual(boundMin * 60_000 + (olderStillWaiting + 1) * callEvery);
          }
        },
      ),
    );
  });

  it('property: under a permanent priority flood, interleave and strict+ageing still serve every normal ticket', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.constantFrom<QueuePolicyConfig>(
        { kind: 'interleave', normalPerPriority: 2 },
        { kind: 'strict', maxWaitMinutes: 1 },
      ), (normals, policy) => {
        const arrivals = [Array.from({ length: normals }, () => false), ...Array.from({ length: 400 }, () => [true])];
        const { served } = simulate(policy, arrivals, 10_000);
        const lastNormal = Math.max(...served.map((s, i) => (s.ticket.priority === 'normal' ? i : -1)));
        expect(lastNormal).toBeLessThan(400);
      }),
    );
  });
});
