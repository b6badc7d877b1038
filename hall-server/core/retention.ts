// Retention of the event log (per event type) and of the audit trail, purged in small batches: each batch deletes at
// most PURGE_BATCH_ROWS rows found through an index, and the next batch waits for the next event-loop turn, so a purge
// of a month's backlog never holds the hall up.
import type Database from 'better-sqlite3';
import type { Migration, RowRetention } from './module.ts';

export const PURGE_BATCH_ROWS = 500;
const DAY_MS = 86_400_000;

export const retentionMigrations: Migration[] = [
  // Finds the expired events of one type without reading the others.
  { id: '002-events-type-at-index', sql: 'CREATE INDEX IF NOT EXISTS events_type_at ON events (type, at)' },
];

export interface RetentionPolicy {
  /** Days an event is kept unless its type is listed in `eventDaysByType`. */
  eventDays: number;
  eventDaysByType: Record<string, number>;
  /** Years an audit entry is kept. */
  auditYears: number;
}

/** What modules add to the policy after the purger exists (they register while the hall starts). */
export interface ModuleRetention {
  rows: RowRetention[];
  /** Each answers the lowest seq that must stay; events from the lowest of them on are never purged. */
  eventFloors: Array<() => number>;
}

const SQL_NAME = /^[a-z_][a-z0-9_]*$/;

/** Checks a module's rule once, when it registers: table and column names go into SQL text. */
export function checkedRowRetention(rule: RowRetention): RowRetention {
  if (!SQL_NAME.test(rule.table) || !SQL_NAME.test(rule.column)) throw new Error(`retention rule names an invalid table or column: ${rule.table}.${rule.column}`);
  return rule;
}

export interface PurgeResult {
  events: number;
  audit: number;
  /** Rows of the modules' own tables, by table. */
  rows: Record<string, number>;
  batches: number;
  /** The most rows one batch deleted. */
  largestBatch: number;
}

/** When audit entries of `auditYears` expire: the same calendar day that many years back. */
export function auditCutoff(now: Date, auditYears: number): Date {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - auditYears);
  return cutoff;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class RetentionPurger {
  private readonly nextType;
  private readonly deleteEvents;
  private readonly deleteAudit;
  private running: Promise<PurgeResult> | null = null;
  private stopped = false;

  constructor(
    private readonly db: Database.Database,
    private readonly policy: RetentionPolicy,
    private readonly now: () => Date,
    private readonly modules: ModuleRetention = { rows: [], eventFloors: [] },
  ) {
    // One index seek per type: the types present, without reading every row.
    this.nextType = db.prepare('SELECT MIN(type) FROM events WHERE type > ?').pluck();
    // The newest event always stays, so seq numbers never start again.
    this.deleteEvents = db.prepare(
      `DELETE FROM events WHERE seq IN (SELECT seq FROM events WHERE type = ? AND at < ? AND seq < ? LIMIT ${PURGE_BATCH_ROWS})
         AND seq < (SELECT MAX(seq) FROM events)`,
    );
    this.deleteAudit = db.prepare(`DELETE FROM audit WHERE id IN (SELECT id FROM audit WHERE at < ? LIMIT ${PURGE_BATCH_ROWS})`);
  }

  /** Purges everything expired now; a call while a purge runs joins it. */
  run(): Promise<PurgeResult> {
    this.running ??= this.purge().finally(() => (this.running = null));
    return this.running;
  }

  /** Ends a running purge after its current batch (before the database closes). */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running?.catch(() => undefined);
  }

  private async purge(): Promise<PurgeResult> {
    const result: PurgeResult = { events: 0, audit: 0, rows: {}, batches: 0, largestBatch: 0 };
    const nowMs = this.now().getTime();
    const batch = async (statement: Database.Statement, ...params: unknown[]): Promise<number> => {
      let total = 0;
      for (;;) {
        if (this.stopped) return total;
        const deleted = statement.run(...params).changes;
        result.batches++;
        result.largestBatch = Math.max(result.largestBatch, deleted);
        total += deleted;
        if (deleted < PURGE_BATCH_ROWS) return total;
        await nextTurn();
      }
    };
    const floor = Math.min(Number.MAX_SAFE_INTEGER, ...this.modules.eventFloors.map((f) => f()));
    for (const type of this.types()) {
      const days = this.policy.eventDaysByType[type] ?? this.policy.eventDays;
      result.events += await batch(this.deleteEvents, type, new Date(nowMs - days * DAY_MS).toISOString(), floor);
    }
    result.audit = await batch(this.deleteAudit, auditCutoff(new Date(nowMs), this.policy.auditYears).toISOString());
    for (const rule of this.modules.rows) {
      const statement = this.db.prepare(
        `DELETE FROM ${rule.table} WHERE rowid IN (SELECT rowid FROM ${rule.table} WHERE ${rule.column} < ? LIMIT ${PURGE_BATCH_ROWS})`,
      );
      result.rows[rule.table] = (result.rows[rule.table] ?? 0) + (await batch(statement, rule.cutoff(new Date(nowMs))));
    }
    return result;
  }

  private types(): string[] {
    const types: string[] = [];
    let type = this.nextType.get('') as string | null;
    while (type !== null) {
      types.push(type);
      type = this.nextType.get(type) as string | null;
    }
    return types;
  }
}
