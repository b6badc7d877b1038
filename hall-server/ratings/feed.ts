// Reads the queue's `ticket.finished` events from the hall's event log (read-only), after a cursor kept in the
// module's own table, so no finished ticket is missed across restarts.
import type { Database, Statement } from 'better-sqlite3';
import { TicketFinishedEvent } from '../api/events.ts';
import type { FinishedTicket } from './service.ts';

export class FinishedFeed {
  private readonly next: Statement;
  private readonly any: Statement;

  constructor(db: Database) {
    this.next = db.prepare(`SELECT seq, data FROM events WHERE type = 'ticket.finished' AND seq > ? ORDER BY seq LIMIT 1000`);
    this.any = db.prepare(`SELECT 1 FROM events WHERE type = 'ticket.finished' AND seq > ? LIMIT 1`);
  }

  /** Whether a finished ticket was published after `cursor` (a cheap check before opening a transaction). */
  hasAfter(cursor: number): boolean {
    return this.any.get(cursor) !== undefined;
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
