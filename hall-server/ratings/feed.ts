// Reads the queue's `ticket.finished` events from the hall's event log (read-only), after a cursor kept in the
// module's own table, so no finished ticket is missed across restarts.
import type { Database, Statement } from 'better-sqlite3';
import { TicketFinishedEvent } from '../api/events.ts';
import type { FinishedTicket } from './service.ts';

export class FinishedFeed {
  private readonly next: Statement;
  private readonly any: Statement;
  private readonly last: Statement;
  /** Events up to here are known to hold no finished ticket beyond the cursor (so each check reads only new events). */
  private checkedUpTo = 0;

  constructor(db: Database) {
    this.next = db.prepare(`SELECT seq, data FROM events WHERE type = 'ticket.finished' AND seq > ? ORDER BY seq LIMIT 1000`);
    this.any = db.prepare(`SELECT 1 FROM events WHERE type = 'ticket.finished' AND seq > ? LIMIT 1`);
    this.last = db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM events');
  }

  /** Whether a finished ticket was published after `cursor` (a cheap check before opening a transaction). */
  hasAfter(cursor: number): boolean {
    if (this.any.get(Math.max(cursor, this.checkedUpTo)) !== undefined) return true;
    this.checkedUpTo = (this.last.get() as { seq: number }).seq;
    return false;
  }

  /** Finished tickets after `cursor`, with the new cursor. Malformed events are skipped (and reported by the caller). */
  read(cursor: number): { tickets: FinishedTicket[]; cursor: number; malformed: number } {
    const rows = this.next.all(cursor) as { seq: number; data: string }[];
    const tickets: FinishedTicket[] = [];
    let malformed = 0;
    for (const row of rows) {
      const parsed = TicketFinishedEvent.safeParse(JSON.parse(row.data));
      if (parsed.success) tickets.push(parsed.data);
      else malformed++;
      cursor = row.seq;
    }
    return { tickets, cursor, malformed };
  }
}
