// The queue state's indexes, so a command costs O(items and windows), not O(tickets of the day).
import { isMeasurable } from '../../protocol/rules/wait-estimate.ts';
import type { QueueState, Ticket } from './types.ts';

export function emptyQueueState(day: string): QueueState {
  return {
    day, tickets: new Map(), waitingByService: new Map(), waitingTargeted: new Map(), active: new Map(), servedMs: new Map(),
    windows: new Map(), counters: new Map(),
  };
}

/** A finished ticket's milliseconds from first call to finish; null when it does not count for the estimate. */
function servedMsOf(t: Ticket): number | null {
  if (t.status !== 'finished' || t.calledAt === null || t.finishedAt === null) return null;
  const ms = t.finishedAt - t.calledAt;
  return isMeasurable(ms) ? ms : null;
}

function countServed(state: QueueState, t: Ticket, sign: 1 | -1): void {
  const ms = servedMsOf(t);
  if (ms === null) return;
  const served = state.servedMs.get(t.serviceCode) ?? { count: 0, totalMs: 0 };
  state.servedMs.set(t.serviceCode, { count: served.count + sign, totalMs: served.totalMs + sign * ms });
}

function unindex(state: QueueState, t: Ticket): void {
  state.waitingByService.get(t.serviceCode)?.delete(t.id);
  state.waitingTargeted.delete(t.id);
  state.active.delete(t.id);
  countServed(state, t, -1);
}

export function putTicket(state: QueueState, t: Ticket): void {
  const previous = state.tickets.get(t.id);
  if (previous) unindex(state, previous);
  state.tickets.set(t.id, t);
  if (t.status === 'waiting') {
    if (t.targetWindow !== null) state.waitingTargeted.set(t.id, t);
    else {
      let bucket = state.waitingByService.get(t.serviceCode);
      if (!bucket) state.waitingByService.set(t.serviceCode, (bucket = new Map()));
      bucket.set(t.id, t);
    }
  } else if (t.status === 'called' || t.status === 'serving' || t.status === 'held') state.active.set(t.id, t);
  countServed(state, t, 1);
}

/** Every waiting ticket (any order). */
export function* waitingTickets(state: QueueState): Generator<Ticket> {
  for (const bucket of state.waitingByService.values()) yield* bucket.values();
  yield* state.waitingTargeted.values();
}
