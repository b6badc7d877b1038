// Failure counters of the throttle in SQLite, so a restart does not hand a guesser a fresh start.
import type Database from 'better-sqlite3';
import type { Migration, RowRetention } from '../core/module.ts';
import { ACCOUNT_RULE, KNOWN_ADDRESS_MS, LOGIN_RULE, PAIRING_RULE, afterFailure, waitFor, type FailureCount, type ThrottleRule } from '../../server-shared/accounts/throttle.ts';

export const throttleMigration: Migration = {
  id: '002-throttle',
  sql: `CREATE TABLE auth_throttle (key TEXT PRIMARY KEY, failures INTEGER NOT NULL, last_failure_ms INTEGER NOT NULL);
        CREATE TABLE auth_known_address (key TEXT PRIMARY KEY, at_ms INTEGER NOT NULL);`,
};

export const throttleExpiryMigration: Migration = {
  // The hourly retention purge finds forgotten counters and addresses through these indexes.
  id: '003-throttle-expiry',
  sql: `CREATE INDEX auth_throttle_last ON auth_throttle (last_failure_ms);
        CREATE INDEX auth_known_address_at ON auth_known_address (at_ms);`,
};

/** A counter no rule still counts, and an address no longer "known", can go: a flood from many addresses must not
 * grow the database for ever. */
export const THROTTLE_RETENTION: RowRetention[] = [
  {
    table: 'auth_throttle',
    column: 'last_failure_ms',
    cutoff: (now) => now.getTime() - Math.max(LOGIN_RULE.forgetAfterMs, ACCOUNT_RULE.forgetAfterMs, PAIRING_RULE.forgetAfterMs),
  },
  { table: 'auth_known_address', column: 'at_ms', cutoff: (now) => now.getTime() - KNOWN_ADDRESS_MS },
];

export class ThrottleStore {
  private readonly read: Database.Statement;
  private readonly write: Database.Statement;
  private readonly remove: Database.Statement;

  private readonly known: Database.Statement;
  private readonly remember: Database.Statement;

  constructor(db: Database.Database) {
    this.known = db.prepare('SELECT at_ms FROM auth_known_address WHERE key = ?').pluck();
    this.remember = db.prepare('INSERT INTO auth_known_address (key, at_ms) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET at_ms = excluded.at_ms');
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

  fail(rule: ThrottleRule, keys: string[], nowMs: number): void {
    for (const key of keys) {
      const next = afterFailure(rule, this.count(key), nowMs);
      this.write.run(key, next.failures, next.lastFailureMs);
    }
  }

  clear(keys: string[]): void {
    for (const key of keys) this.remove.run(key);
  }

  /** Records a success from `key` (an account at an address): that place is known to be its owner's. */
  succeeded(key: string, nowMs: number): void {
    this.remember.run(key, nowMs);
  }

  knownWithin(key: string, withinMs: number, nowMs: number): boolean {
    const at = this.known.get(key) as number | undefined;
    return at !== undefined && nowMs - at < withinMs;
  }
}
