// The queue state's indexes, so a command costs O(items and windows), not O(tickets of the day).
import type { QueueState, Ticket } from './types.ts';

export function emptyQueueState(day: string): QueueState {
  return { day, tickets: new Map(), waitingByService: new Map(), waitingTargeted: new Map(), active: new Map(), windows: new Map(), counters: new Map() };
}

function unindex(state: QueueState, t: Ticket): void {
  state.waitingByService.get(t.serviceCode)?.delete(t.id);
  state.waitingTargeted.delete(t.id);
  state.active.delete(t.id);
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
}

/** Every waiting ticket (any order). */
export function* waitingTickets(state: QueueState): Generator<Ticket> {
  for (const bucket of state.waitingByService.values()) yield* bucket.values();
  yield* state.waitingTargeted.values();
}
