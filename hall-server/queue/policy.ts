// Which waiting ticket a window calls next (pure). Candidates are ordered by issue time (a transferred ticket keeps
// its original issue time). Ageing: a ticket waiting at least the bound goes first, oldest first, whatever its class.
import type { QueuePolicyConfig } from '../config/schema.ts';
import type { Ticket } from './types.ts';

export interface Selection {
  ticket: Ticket;
  normalsSincePriority: number;
}

export function byIssueOrder(a: Ticket, b: Ticket): number {
  return a.issuedAt - b.issuedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
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
    const overdue = ordered.find((t) => nowMs - t.issuedAt >= bound);
    if (overdue) return counted(overdue);
  }
  const priority = ordered.find((t) => t.priority !== 'normal');
  const normal = ordered.find((t) => t.priority === 'normal');
  if (!priority && !normal) return null;
  if (policy.kind === 'strict') return counted((priority ?? normal)!);
  if (priority && (!normal || normalsSincePriority >= policy.normalPerPriority)) return counted(priority);
  return counted((normal ?? priority)!);
}
