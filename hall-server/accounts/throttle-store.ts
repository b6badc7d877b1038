// Failure counters of the throttle in SQLite, so a restart does not hand a guesser a fresh start.
import type Database from 'better-sqlite3';
import type { Migration } from '../core/module.ts';
import { afterFailure, liveFailures, waitFor, type FailureCount, type ThrottleRule } from './throttle.ts';

export const throttleMigration: Migration = {
  id: '002-throttle',
  sql: `CREATE TABLE auth_throttle (key TEXT PRIMARY KEY, failures INTEGER NOT NULL, last_failure_ms INTEGER NOT NULL)`,
};

export class ThrottleStore {
  private readonly read: Database.Statement;
  private readonly write: Database.Statement;
  private readonly remove: Database.Statement;

  constructor(db: Database.Database) {
    this.read = db.prepare('SELECT failures, last_failure_ms AS lastFailureMs FROM auth_throttle WHERE key = ?');
    this.write = db.prepare(
      'INSERT INTO auth_throttle (key, failures, last_failure_ms) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, last_failure_ms = excluded.last_failure_ms',
    );
    this.remove = db.prepare('DELETE FROM auth_throttle WHERE key = ?');
  }

  private count(key: string): FailureCount | null {
    return (this.read.get(key) as FailureCount | undefined) ?? null;
  }

  /** The longest wait any of the keys owes. */
  waitFor(rule: ThrottleRule, keys: string[], nowMs: number): number {
    return Math.max(0, ...keys.map((k) => waitFor(rule, this.count(k), nowMs)));
  }

  hasFailed(rule: ThrottleRule, key: string, nowMs: number): boolean {
    return liveFailures(rule, this.count(key), nowMs) > 0;
  }

  fail(rule: ThrottleRule, keys: string[], nowMs: number): void {
    for (const key of keys) {
      const next = afterFailure(rule, this.count(key), nowMs);
      this.write.run(key, next.failures, next.lastFailureMs);
    }
  }

  clear(keys: string[]): void {
    for (const key of keys) this.remove.run(key);
  }
}
