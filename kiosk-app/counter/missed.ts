// The tickets this window marked 过号 today, most recent first, so the panel can offer 过号重排 when the citizen comes
// back (the hall puts the ticket back in line behind a few of those waiting for its item). Read from the snapshot,
// which the hall fills and the queue's events keep current (shared/hall/missed.ts), so a reload keeps the list.
import { MISSED_SHOWN, type QueueSnapshot, type TicketView } from '../../protocol/hall/index.ts';

export function missedFromSnapshot(queue: QueueSnapshot | null, window: number): TicketView[] {
  return (queue?.missed ?? []).filter((t) => t.window === window).slice(0, MISSED_SHOWN);
}
