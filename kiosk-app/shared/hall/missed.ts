// Today's 过号 tickets, kept current in the snapshot (the hall sends the list; ticket.updated events change it): a
// ticket joins at the front when marked 过号 at a window and leaves as soon as it is anything else again; each window
// keeps at most MISSED_SHOWN. Pure; the counter panel offers 过号重排 from it, also after a reload.
import { MISSED_SHOWN, type TicketView } from '../../../protocol/hall/index.ts';

export function applyMissedTicket(missed: readonly TicketView[], ticket: TicketView): TicketView[] {
  const others = missed.filter((m) => m.id !== ticket.id);
  if (ticket.status !== 'no_show' || ticket.window === null) return others.length === missed.length ? [...missed] : others;
  const perWindow = new Map<number, number>();
  return [ticket, ...others].filter((t) => {
    const n = perWindow.get(t.window!) ?? 0;
    perWindow.set(t.window!, n + 1);
    return n < MISSED_SHOWN;
  });
}
