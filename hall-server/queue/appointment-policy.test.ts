// 预约 in the call policy (DB21/T 4402 §10.1.2): due appointments go ahead of walk-ins, bounded so walk-ins never starve.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QueuePolicyConfig } from '../config/schema.ts';
import { DEFAULT_APPOINTMENTS_IN_ROW, isDueAppointment, selectNext } from './policy.ts';
import type { Ticket } from './types.ts';

function ticket(id: number, issuedAt: number, appointmentAt: number | null, priority: Ticket['priority'] = 'normal'): Ticket {
  return {
    id: `t${String(id).padStart(5, '0')}`, day: '2026-12-04', number: `A${id}`, serviceCode: 'S', status: 'waiting', priority, senior: false,
    appointmentAt, personHash: null, maskedName: null, issuedAt, queuedAt: issuedAt, calledAt: null, lastCalledAt: null, startedAt: null,
    finishedAt: null, window: null, targetWindow: null, callCount: 0, print: 'printed', staffId: null, caseNumber: null, idempotencyKey: null,
    version: 1,
  };
}

const MIN = 60_000;
const policies: QueuePolicyConfig[] = [
  { kind: 'strict' },
  { kind: 'interleave', normalPerPriority: 3 },
  { kind: 'interleave', normalPerPriority: 2, appointmentsInRow: 1 },
  { kind: 'strict', appointmentsInRow: 3 },
];

/** An arrival: a walk-in, or a 预约 check-in whose slot begins `slotIn` minutes after it arrives (negative: already begun). */
const arrival = fc.oneof(
  fc.record({ kind: fc.constant('walk-in' as const), elderly: fc.boolean() }),
  fc.record({ kind: fc.constant('appointment' as const), slotIn: fc.integer({ min: -15, max: 30 }) }),
);
const pattern = fc.array(fc.array(arrival, { maxLength: 3 }), { minLength: 1, maxLength: 80 });

interface Call {
  ticket: Ticket;
  at: number;
  dueWaiting: boolean;
  walkInWaiting: boolean;
}

/** One window calling once a minute. */
function run(policy: QueuePolicyConfig, arrivals: Array<Array<{ kind: 'walk-in'; elderly: boolean } | { kind: 'appointment'; slotIn: number }>>) {
  const waiting: Ticket[] = [];
  const calls: Call[] = [];
  let normals = 0;
  let inRow = 0;
  let id = 0;
  let now = 0;
  const step = (batch: typeof arrivals[number]) => {
    for (const a of batch) {
      waiting.push(a.kind === 'walk-in' ? ticket(id++, now, null, a.elderly ? 'elderly' : 'normal') : ticket(id++, now, now + a.slotIn * MIN));
    }
    now += MIN;
    const dueWaiting = waiting.some((t) => isDueAppointment(t, now));
    const walkInWaiting = waiting.some((t) => !isDueAppointment(t, now));
    const pick = selectNext(waiting, policy, normals, now, inRow);
    if (!pick) return;
    normals = pick.normalsSincePriority;
    inRow = pick.appointmentsInRow;
    waiting.splice(waiting.indexOf(pick.ticket), 1);
    calls.push({ ticket: pick.ticket, at: now, dueWaiting, walkInWaiting });
  };
  arrivals.forEach(step);
  for (let i = 0; waiting.length && i < 10_000; i++) step([]);
  return { calls, left: waiting };
}

describe('DB21/T 4402 §10.1.2: 预约 tickets in the call policy', () => {
  it('a 预约 ticket whose slot has begun is called before walk-ins issued earlier', () => {
    const walkIn = ticket(1, 0, null);
    const booked = ticket(2, 5 * MIN, 10 * MIN);
    expect(selectNext([walkIn, booked], { kind: 'strict' }, 0, 10 * MIN)!.ticket.id).toBe('t00002');
  });

  it('before its slot a checked-in 预约 ticket waits in line like anyone else', () => {
    const walkIn = ticket(1, 0, null);
    const early = ticket(2, 5 * MIN, 30 * MIN);
    expect(selectNext([walkIn, early], { kind: 'strict' }, 0, 10 * MIN)!.ticket.id).toBe('t00001');
  });

  it('due 预约 tickets go by slot, the earliest first', () => {
    const later = ticket(1, 0, 20 * MIN);
    const earlier = ticket(2, 1 * MIN, 10 * MIN);
    expect(selectNext([later, earlier], { kind: 'strict' }, 0, 30 * MIN)!.ticket.id).toBe('t00002');
  });

  it(`after ${DEFAULT_APPOINTMENTS_IN_ROW} 预约 calls in a row a waiting walk-in is called, and the count starts again`, () => {
    const walkIn = ticket(1, 0, null);
    const booked = [2, 3, 4].map((i) => ticket(i, MIN, 2 * MIN));
    const policy: QueuePolicyConfig = { kind: 'interleave', normalPerPriority: 3 };
    const first = selectNext([walkIn, ...booked], policy, 0, 5 * MIN, 0)!;
    expect([first.ticket.id, first.appointmentsInRow]).toEqual(['t00002', 1]);
    const second = selectNext([walkIn, ...booked.slice(1)], policy, 0, 5 * MIN, 1)!;
    expect([second.ticket.id, second.appointmentsInRow]).toEqual(['t00003', 2]);
    const third = selectNext([walkIn, booked[2]!], policy, 0, 5 * MIN, 2)!;
    expect([third.ticket.id, third.appointmentsInRow]).toEqual(['t00001', 0]);
    expect(selectNext([booked[2]!], policy, 0, 5 * MIN, 2)!.ticket.id).toBe('t00004');
  });

  it('ageing still wins: a walk-in beyond the wait bound goes before a due 预约 ticket', () => {
    const old = ticket(1, 0, null);
    const booked = ticket(2, 50 * MIN, 55 * MIN);
    expect(selectNext([old, booked], { kind: 'strict', maxWaitMinutes: 60 }, 0, 60 * MIN)!.ticket.id).toBe('t00001');
  });

  it('property: never more than k 预约 calls in a row while a walk-in waits', () => {
    fc.assert(
      fc.property(pattern, fc.constantFrom(...policies), (arrivals, policy) => {
        const k = policy.appointmentsInRow ?? DEFAULT_APPOINTMENTS_IN_ROW;
        let inRow = 0;
        for (const call of run(policy, arrivals).calls) {
          inRow = isDueAppointment(call.ticket, call.at) && call.walkInWaiting ? inRow + 1 : 0;
          expect(inRow).toBeLessThanOrEqual(k);
        }
      }),
    );
  });

  it('property: everyone is served, walk-ins and 预约 alike (no starvation)', () => {
    fc.assert(
      fc.property(pattern, fc.constantFrom(...policies), (arrivals, policy) => {
        const { calls, left } = run(policy, arrivals);
        expect(left).toEqual([]);
        expect(calls.length).toBe(arrivals.flat().length);
      }),
    );
  });

  it('property: while the run is under k, a waiting due 预约 ticket is the one called', () => {
    fc.assert(
      fc.property(pattern, fc.constantFrom(...policies), (arrivals, policy) => {
        const k = policy.appointmentsInRow ?? DEFAULT_APPOINTMENTS_IN_ROW;
        let inRow = 0;
        for (const call of run(policy, arrivals).calls) {
          if (call.dueWaiting && inRow < k) expect(isDueAppointment(call.ticket, call.at)).toBe(true);
          inRow = isDueAppointment(call.ticket, call.at) ? inRow + 1 : 0;
        }
      }),
    );
  });
});
