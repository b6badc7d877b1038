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

/** Events read per step at most: a hall whose log holds days of events after the cursor (a restart after a long
 * stop, an upgrade) reads them in such steps, each a few milliseconds, never in one long read. */
export const FEED_SCAN_EVENTS = 2_000;

/** The feed's reads of the event log (exported for the test of their query plans). */
export const FEED_SQL = {
  step: `SELECT seq, type, at, data FROM events WHERE seq > ? AND seq <= ? AND ${MATCH} ORDER BY seq`,
  firstAfter: 'SELECT min(seq) FROM events WHERE seq > ?',
  head: 'SELECT coalesce(max(seq), 0) FROM events',
} as const;

/** The same test as MATCH, on an event in memory. */
export function isFeedEvent(event: HallEvent): boolean {
  if (event.type === 'ticket.finished') return true;
  return event.type === 'ticket.updated' && (event.data as { action?: unknown } | null)?.action === UNDO_FINISH;
}

export class FinishedFeed {
  private readonly step: Statement;
  private readonly firstAfter: Statement;
  private readonly headSeq: Statement;

  constructor(db: Database) {
    this.step = db.prepare(FEED_SQL.step);
    this.firstAfter = db.prepare(FEED_SQL.firstAfter).pluck();
    this.headSeq = db.prepare(FEED_SQL.head).pluck();
  }

  /** The newest event's seq (0 for an empty log): the feed has read everything once its cursor is here. */
  head(): number {
    return this.headSeq.get() as number;
  }

  /** The items among at most FEED_SCAN_EVENTS events after `cursor` and up to `head`, and the new cursor: the last
   * event read, whether or not it was an item (so the next step starts after it). Malformed events are skipped (and
   * reported by the caller). */
  read(cursor: number, head: number): { items: FeedItem[]; cursor: number; malformed: number } {
    const first = this.firstAfter.get(cursor) as number | null;
    if (first === null || first > head) return { items: [], cursor: Math.max(cursor, head), malformed: 0 };
    const upTo = Math.min(first - 1 + FEED_SCAN_EVENTS, head);
    const rows = this.step.all(cursor, upTo) as { seq: number; type: string; at: string; data: string }[];
    const items: FeedItem[] = [];
    let malformed = 0;
    for (const row of rows) {
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
    return { items, cursor: upTo, malformed };
  }
}
