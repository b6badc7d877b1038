// Fairness of the call policies, as properties over random arrival patterns (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QueuePolicyConfig } from '../config/schema.ts';
import { ApiError } from '../core/module.ts';
import { calendarOf } from '../../protocol/rules/workdays.ts';
import { applyWindowAction, type WindowAction } from './actions.ts';
import { byIssueOrder, mayCall, rejoinPlace, selectNext } from './policy.ts';
import { emptyQueueState, putTicket } from './state.ts';
import type { QueueRules, Ticket } from './types.ts';

function ticket(id: number, issuedAt: number, priority: Ticket['priority']): Ticket {
  return {
    id: `t${String(id).padStart(5, '0')}`, day: '2026-11-23', number: `A${id}`, serviceCode: 'S', status: 'waiting', priority, senior: false, appointmentAt: null,
    personHash: null, maskedName: null, issuedAt, queuedAt: issuedAt, calledAt: null, lastCalledAt: null, startedAt: null, finishedAt: null,
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

describe('过号重排 (a late no-show rejoins after N)', () => {
  // Distinct issue times: two tickets of one item issued in the same millisecond are told apart only by id.
  const line = fc.uniqueArray(fc.integer({ min: 0, max: 50 }), { maxLength: 30 }).map((times) => times.map((at, i) => ticket(i, at, 'normal')));

  it('property: a rejoined ticket has exactly min(N, line length) tickets of its line before it', () => {
    fc.assert(
      fc.property(line, fc.integer({ min: 0, max: 40 }), (waiting, n) => {
        const late = { ...ticket(999, 0, 'normal'), queuedAt: rejoinPlace(waiting, n, 100) };
        const ahead = waiting.filter((t) => byIssueOrder(t, late) < 0).length;
        expect(ahead).toBe(Math.min(n, waiting.length));
      }),
    );
  });

  it('property: under the strict policy with normal tickets only, the rejoined ticket is called right after N others', () => {
    fc.assert(
      fc.property(line, fc.integer({ min: 0, max: 40 }), (waiting, n) => {
        const late = { ...ticket(999, 0, 'normal'), queuedAt: rejoinPlace(waiting, n, 100) };
        const queue = [...waiting, late];
        const order: string[] = [];
        while (queue.length) {
          const pick = selectNext(queue, { kind: 'strict' }, 0, 100)!;
          queue.splice(queue.indexOf(pick.ticket), 1);
          order.push(pick.ticket.id);
        }
        expect(order.indexOf(late.id)).toBe(Math.min(n, waiting.length));
      }),
    );
  });

  it('rejoins at the end of the line when fewer than N wait, and first when N is 0', () => {
    const waiting = [ticket(1, 10, 'normal'), ticket(2, 20, 'normal')];
    expect(rejoinPlace(waiting, 3, 500)).toBe(500);
    expect(rejoinPlace(waiting, 1, 500)).toBe(15);
    expect(rejoinPlace(waiting, 0, 500)).toBe(9);
    expect(rejoinPlace([], 3, 500)).toBe(500);
  });
});

describe('a paused window is never called', () => {
  const rules: QueueRules = {
    hallName: '测试大厅',
    services: new Map([['S', { code: 'S', name: '参保登记', prefix: 'A', from: 1, to: 999, dailyCap: 999, issuingHours: [], elderlyAge: null, greenChannel: true, identity: 'none' }]]),
    windows: new Map([[1, { number: 1, name: '1号窗口', services: ['S'], tidal: false, group: '1号窗口' }]]),
    staff: new Map([['20101', '张三']]),
    policy: { kind: 'interleave', normalPerPriority: 2 },
    recallCooldownMs: 0, noShowAfterCalls: 1, rejoinAfter: 2, undoMs: 30_000, tidalThreshold: 5, dailyResetAt: '03:00',
    utcOffsetMinutes: 480, enforceIssuingHours: false, calendar: calendarOf({ years: [] } as unknown as Parameters<typeof calendarOf>[0]), // no holidays: the schedule is off
  };
  const actions = fc.constantFrom<WindowAction['kind']>('call-next', 'call', 'recall', 'start', 'no-show', 'rejoin', 'finish', 'pause', 'resume', 'undo', 'hold');

  it('property: whatever the staff press in whatever order, no ticket is called while the window is paused', () => {
    fc.assert(
      fc.property(fc.array(actions, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 8 }), (kinds, waitingCount) => {
        const state = emptyQueueState('2026-11-23');
        for (let i = 0; i < waitingCount; i++) putTicket(state, ticket(i, i, i % 3 ? 'normal' : 'elderly'));
        const signIn = applyWindowAction(state, rules, 1, { kind: 'sign-in', staffId: '20101' }, 0);
        state.windows.set(1, signIn.windows[0]!);
        let now = 1000;
        for (const kind of kinds) {
          const pausedBefore = !mayCall(state.windows.get(1)!);
          const firstWaiting = [...state.waitingByService.get('S')?.values() ?? []][0];
          const firstNoShow = [...state.tickets.values()].find((t) => t.status === 'no_show');
          const action: WindowAction = kind === 'call' ? { kind, ticketId: firstWaiting?.id ?? 'none' }
            : kind === 'rejoin' ? { kind, ticketId: firstNoShow?.id ?? 'none' }
            : kind === 'finish' ? { kind, caseNumber: null }
            : { kind } as WindowAction;
          try {
            const out = applyWindowAction(state, rules, 1, action, (now += 1000));
            if (pausedBefore) expect(out.events.filter((e) => e.type === 'ticket.called')).toEqual([]);
            for (const t of out.tickets) putTicket(state, t);
            for (const w of out.windows) state.windows.set(w.number, w);
          } catch (err) {
            if (!(err instanceof ApiError)) throw err;
          }
        }
      }),
    );
  });

  it('refuses call-next and a call by number on a paused window with the same words', () => {
    const state = emptyQueueState('2026-11-23');
    putTicket(state, ticket(1, 0, 'normal'));
    for (const a of [{ kind: 'sign-in', staffId: '20101' }, { kind: 'pause' }] as WindowAction[]) {
      state.windows.set(1, applyWindowAction(state, rules, 1, a, 0).windows[0]!);
    }
    for (const a of [{ kind: 'call-next' }, { kind: 'call', ticketId: 't00001' }] as WindowAction[]) {
      try {
        applyWindowAction(state, rules, 1, a, 1);
        expect.unreachable();
      } catch (err) {
        expect([(err as ApiError).code, (err as ApiError).message]).toEqual(['window_paused', '本窗口已暂停服务，请先恢复服务']);
      }
    }
  });
});
