// The event log: every event is a row written in the caller's transaction (gap-free seq, survives restarts) and is
// delivered to sockets only after that transaction has committed.
import type Database from 'better-sqlite3';
import { staffReceives } from '../../protocol/hall/events.ts';
import type { EventHub, HallEvent, Migration, Principal, Role } from './module.ts';

export const eventMigrations: Migration[] = [
  {
    id: '001-events',
    sql: `CREATE TABLE events (seq INTEGER PRIMARY KEY, type TEXT NOT NULL, at TEXT NOT NULL, data TEXT NOT NULL,
            window INTEGER, roles TEXT);
          CREATE TABLE audit (id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor_id TEXT, actor_role TEXT, action TEXT NOT NULL,
            details TEXT NOT NULL);`,
  },
];

interface EventRow {
  seq: number;
  type: string;
  at: string;
  data: string;
  window: number | null;
  roles: string | null;
}

function fromRow(row: EventRow): HallEvent {
  const event: HallEvent = { seq: row.seq, type: row.type, at: row.at, data: JSON.parse(row.data) };
  if (row.window !== null) event.window = row.window;
  if (row.roles !== null) event.roles = JSON.parse(row.roles) as Role[];
  return event;
}

/** Whether a principal may receive an event. Console sessions receive what their account role's pages read
 * (`EVENT_STAFF`; the 大厅负责人 everything) but log-only records (`roles: []`). `roles` limits the roles; `window` limits
 * window-bound terminals (pad, counter) to their own window, and reaches terminals without a window (kiosk, board) only
 * when `roles` names them explicitly. */
export function visibleTo(event: HallEvent, principal: Principal): boolean {
  if (event.roles?.length === 0) return false;
  if (principal.role === 'admin') return principal.staffRole !== undefined && staffReceives(event.type, principal.staffRole);
  if (event.roles && !event.roles.includes(principal.role)) return false;
  if (event.window !== undefined) {
    if (principal.window === null) return event.roles !== undefined;
    return principal.window === event.window;
  }
  return true;
}

export class EventLog implements EventHub {
  private pending: HallEvent[] = [];
  private depth = 0;
  private readonly insert;
  private readonly range;
  private readonly maxSeq;
  /** One better-sqlite3 transaction wrapper for every call: called at depth 0 it runs BEGIN IMMEDIATE … COMMIT, nested
   * it runs a savepoint. (Building a wrapper per call costs more than the savepoint itself.) */
  private readonly run: Database.Transaction<(fn: () => unknown) => unknown>;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
    private readonly deliver: (events: HallEvent[]) => void,
    /** Told of each event as it is published, inside its transaction (which may still roll back). */
    private readonly published: (event: HallEvent) => void = () => {},
  ) {
    this.insert = db.prepare('INSERT INTO events (type, at, data, window, roles) VALUES (?, ?, ?, ?, ?)');
    this.range = db.prepare('SELECT * FROM events WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?');
    this.maxSeq = db.prepare('SELECT COALESCE(MAX(seq), 0) FROM events').pluck();
    this.run = db.transaction((fn: () => unknown) => fn());
  }

  /** Runs `fn` in one IMMEDIATE transaction and delivers its events after commit. A nested call runs in a savepoint:
   * if it throws, its writes and its events are rolled back and the outer transaction goes on. */
  tx<T>(fn: () => T): T {
    if (this.depth > 0) {
      const mark = this.pending.length;
      this.depth++;
      try {
        return this.run(fn) as T;
      } catch (err) {
        this.pending.length = mark;
        throw err;
      } finally {
        this.depth--;
      }
    }
    this.depth++;
    let result: T;
    try {
      result = this.run.immediate(fn) as T;
    } catch (err) {
      this.pending = [];
      throw err;
    } finally {
      this.depth--;
    }
    const committed = this.pending;
    this.pending = [];
    if (committed.length) this.deliver(committed);
    return result;
  }

  /** Group commit: runs every command in one transaction (one fsync), each in its own savepoint. Returns each outcome;
   * throws only if the commit itself fails (then nothing of the batch is durable). */
  batch(commands: Array<() => unknown>): Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> {
    const results: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    this.tx(() => {
      for (const command of commands) {
        try {
          results.push({ ok: true, value: this.tx(command) });
        } catch (error) {
          results.push({ ok: false, error });
        }
      }
    });
    return results;
  }

  publish(type: string, data: unknown, opts: { window?: number; roles?: Role[] } = {}): HallEvent {
    if (this.depth === 0) return this.tx(() => this.publish(type, data, opts));
    const at = this.now().toISOString();
    const info = this.insert.run(type, at, JSON.stringify(data), opts.window ?? null, opts.roles ? JSON.stringify(opts.roles) : null);
    const event: HallEvent = { seq: Number(info.lastInsertRowid), type, at, data };
    if (opts.window !== undefined) event.window = opts.window;
    if (opts.roles) event.roles = opts.roles;
    this.pending.push(event);
    this.published(event);
    return event;
  }

  lastSeq(): number {
    return this.maxSeq.get() as number;
  }

  /** At most `limit` events after `afterSeq` up to `upToSeq`, in order (a resume reads the log in such pages). */
  page(afterSeq: number, upToSeq: number, limit: number): HallEvent[] {
    return (this.range.all(afterSeq, upToSeq, limit) as EventRow[]).map(fromRow);
  }
}
