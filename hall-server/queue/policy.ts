// Which waiting ticket a window calls next (pure). Candidates are ordered by their place in line: the issue time (a
// transferred ticket keeps it), or for a rejoined 过号 ticket the place rejoinPlace gave it. Ageing: a ticket that has
// stood in line at least the bound goes first, longest first, whatever its class. A paused window calls nobody.
import type { QueuePolicyConfig } from '../config/schema.ts';
import type { Ticket } from './types.ts';

export interface Selection {
  ticket: Ticket;
  normalsSincePriority: number;
}

export function byIssueOrder(a: Ticket, b: Ticket): number {
  return a.queuedAt - b.queuedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Whether a window may call a ticket at all: signed in and not paused. */
export function mayCall(window: { paused: boolean; staffId: string | null }): boolean {
  return !window.paused && window.staffId !== null;
}

/**
 * 过号重排: the place in line of a 过号 ticket whose citizen came back, so that exactly `after` of the tickets now
 * waiting in its line (`line`: the waiting tickets of its item) go before it; at the end when fewer wait. The place
 * lies halfway between the after-th and the next ticket's places (two tickets issued in the same millisecond have
 * one place, and byIssueOrder tells them apart by id).
 */
export function rejoinPlace(line: Ticket[], after: number, nowMs: number): number {
  const ordered = [...line].sort(byIssueOrder);
  const next = ordered[after];
  if (!next) return Math.max(nowMs, ...ordered.map((t) => t.queuedAt));
  const before = ordered[after - 1];
  return before ? (before.queuedAt + next.queuedAt) / 2 : next.queuedAt - 1;
}

export function selectNext(
  candidates: Ticket[],
  policy: QueuePolicyConfig,
  normalsSincePriority: number,
  nowMs: number,
): Selection | null {
  const ordered = [...candidates].sort(byIssueOrder);
  const counted = (ticket: Ticket): Selection => ({
    ticket,
    normalsSincePriority: ticket.priority === 'normal' ? normalsSincePriority + 1 : 0,
  });
  if (policy.maxWaitMinutes !== undefined) {
    const bound = policy.maxWaitMinutes * 60_000;
    const overdue = ordered.find((t) => nowMs - t.queuedAt >= bound);
    if (overdue) return counted(overdue);
  }
  const priority = ordered.find((t) => t.priority !== 'normal');
  const normal = ordered.find((t) => t.priority === 'normal');
  if (!priority && !normal) return null;
  if (policy.kind === 'strict') return counted((priority ?? normal)!);
  if (priority && (!normal || normalsSincePriority >= policy.normalPerPriority)) return counted(priority);
  return counted((normal ?? priority)!);
}
