// Reads the queue's `ticket.finished` events, and the `ticket.updated` events of a finish undone by staff
// (action `undo:finish`), from the hall's event log (read-only), in publication order, after a cursor kept in the
// module's own table, so no finished or undone ticket is missed across restarts.
import type { Database, Statement } from 'better-sqlite3';
import type { HallEvent } from '../core/module.ts';
import { TicketFinishedEvent, TicketUpdatedEvent } from '../../protocol/hall/events.ts';
import { UNDO_FINISH } from '../../protocol/hall/ratings.ts';

export type FeedItem =
  | { kind: 'finished'; ticket: TicketFinishedEvent }
  /** Staff undid the finish within the queue's undo time: the service is not over. `at` is when it was undone. */
  | { kind: 'undone'; ticketId: string; at: string };

// `+type` keeps SQLite off the events (type, at) index: with it, the planner answers the OR by walking every finished
// and updated ticket the log holds and filtering on seq afterwards (1.8 ms a call at 50,000 events, on every rating
// submit), where a walk of the rowid range after the cursor reads only the few new events.
const MATCH = `(+type = 'ticket.finished' OR (+type = 'ticket.updated' AND json_extract(data, '$.action') = '${UNDO_FINISH}'))`;

/** The feed's reads of the event log (exported for the test of their query plans). */
export const FEED_SQL = {
  next: `SELECT seq, type, at, data FROM events WHERE seq > ? AND ${MATCH} ORDER BY seq LIMIT 1000`,
  any: `SELECT 1 FROM events WHERE seq > ? AND ${MATCH} LIMIT 1`,
} as const;

/** The same test as MATCH, on an event in memory. */
export function isFeedEvent(event: HallEvent): boolean {
  if (event.type === 'ticket.finished') return true;
  return event.type === 'ticket.updated' && (event.data as { action?: unknown } | null)?.action === UNDO_FINISH;
}

export class FinishedFeed {
  private readonly next: Statement;
  private readonly any: Statement;
  private readonly last: Statement;
  /** Events up to here are known to hold nothing beyond the cursor (so each check reads only new events). */
  private checkedUpTo = 0;

  constructor(db: Database) {
    this.next = db.prepare(FEED_SQL.next);
    this.any = db.prepare(FEED_SQL.any);
    this.last = db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM events');
  }

  /** Whether a finished or undone ticket was published after `cursor` (a cheap check before opening a transaction). */
  hasAfter(cursor: number): boolean {
    if (this.any.get(Math.max(cursor, this.checkedUpTo)) !== undefined) return true;
    this.checkedUpTo = (this.last.get() as { seq: number }).seq;
    return false;
  }

  /** Items after `cursor`, with the new cursor. Malformed events are skipped (and reported by the caller). */
  read(cursor: number): { items: FeedItem[]; cursor: number; malformed: number } {
    const rows = this.next.all(cursor) as { seq: number; type: string; at: string; data: string }[];
    const items: FeedItem[] = [];
    let malformed = 0;
    for (const row of rows) {
      cursor = row.seq;
      const data: unknown = JSON.parse(row.data);
      if (row.type === 'ticket.finished') {
        const parsed = TicketFinishedEvent.safeParse(data);
        if (parsed.success) items.push({ kind: 'finished', ticket: parsed.data });
        else malformed++;
      } else {
        const parsed = TicketUpdatedEvent.safeParse(data);
        if (parsed.success) items.push({ kind: 'undone', ticketId: parsed.data.ticket.id, at: row.at });
        else malformed++;
      }
    }
    return { items, cursor, malformed };
  }
}
