// The tickets this window marked 过号 today, most recent first, so the panel can offer 过号重排 when the citizen comes
// back (the hall puts the ticket back in line behind a few of those waiting for its item). Pure: fed the queue's
// ticket.updated events; a ticket leaves the list as soon as it is anything but 过号 again.
import { eventData, type HallEventMessage, type TicketView } from '../../protocol/hall/index.ts';

/** How many missed tickets the panel keeps offering. */
export const MISSED_SHOWN = 5;

export function applyMissedEvent(missed: TicketView[], event: HallEventMessage, window: number): TicketView[] {
  const updated = eventData(event, 'ticket.updated');
  if (!updated) return missed;
  const t = updated.ticket;
  const others = missed.filter((m) => m.id !== t.id);
  if (t.status === 'no_show' && t.window === window) return [t, ...others].slice(0, MISSED_SHOWN);
  return others.length === missed.length ? missed : others;
}
