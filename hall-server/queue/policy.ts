// Which waiting ticket a window calls next (pure). Candidates are ordered by their place in line: the issue time (a
// transferred ticket keeps it), or for a rejoined 过号 ticket the place rejoinPlace gave it. Ageing: a ticket that has
// stood in line at least the bound goes first, longest first, whatever its class. 预约 (DB21/T 4402 §10.1.2): a checked-in
// appointment whose slot has begun goes before walk-ins, earliest slot first, but at most `appointmentsInRow` of them in a
// row while a walk-in waits, so walk-ins never starve. A paused window calls nobody.
import type { QueuePolicyConfig } from '../config/schema.ts';
import type { Ticket } from './types.ts';

export interface Selection {
  ticket: Ticket;
  normalsSincePriority: number;
  /** Due 预约 tickets called in a row since the last other call. */
  appointmentsInRow: number;
}

export const DEFAULT_APPOINTMENTS_IN_ROW = 2;

/** A 预约 ticket whose slot has begun. */
export function isDueAppointment(ticket: Ticket, nowMs: number): boolean {
  return ticket.appointmentAt !== null && ticket.appointmentAt <= nowMs;
}

function bySlot(a: Ticket, b: Ticket): number {
  return (a.appointmentAt ?? 0) - (b.appointmentAt ?? 0) || byIssueOrder(a, b);
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
  appointmentsInRow = 0,
): Selection | null {
  const ordered = [...candidates].sort(byIssueOrder);
  const counted = (ticket: Ticket): Selection => ({
    ticket,
    normalsSincePriority: ticket.priority === 'normal' ? normalsSincePriority + 1 : 0,
    appointmentsInRow: isDueAppointment(ticket, nowMs) ? appointmentsInRow + 1 : 0,
  });
  if (policy.maxWaitMinutes !== undefined) {
    const bound = policy.maxWaitMinutes * 60_000;
    const overdue = ordered.find((t) => nowMs - t.queuedAt >= bound);
    if (overdue) return counted(overdue);
  }
  const due = ordered.filter((t) => isDueAppointment(t, nowMs)).sort(bySlot)[0];
  const walkIns = ordered.filter((t) => !isDueAppointment(t, nowMs));
  if (due && (walkIns.length === 0 || appointmentsInRow < (policy.appointmentsInRow ?? DEFAULT_APPOINTMENTS_IN_ROW))) return counted(due);
  const priority = walkIns.find((t) => t.priority !== 'normal');
  const normal = walkIns.find((t) => t.priority === 'normal');
  if (!priority && !normal && due) return counted(due);
  if (!priority && !normal) return null;
  if (policy.kind === 'strict') return counted((priority ?? normal)!);
  if (priority && (!normal || normalsSincePriority >= policy.normalPerPriority)) return counted(priority);
  return counted((normal ?? priority)!);
}
