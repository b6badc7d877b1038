// What the hall settled of the phone ratings it pulled from the region (one row per phone rating id, kept until the
// end of the link's day plus a margin), and the 差评 reasons it last told the region. A pull that repeats a settled
// rating changes nothing: that is what keeps a region retry or a late push from counting a rating twice.
import type { Database } from 'better-sqlite3';
import type { Migration } from '../core/module.ts';
import type { PhoneRatingOutcome } from '../../protocol/citizen/phone-rating-link.ts';

export const settledMigrations: Migration[] = [
  {
    id: '002_phone_ratings_settled',
    sql: `CREATE TABLE citizen_phone_settled (
      id TEXT PRIMARY KEY,
      ticket_id TEXT NOT NULL,
      outcome TEXT NOT NULL CHECK (outcome IN ('accepted', 'rated', 'refused')),
      settled_at INTEGER NOT NULL
    );
    CREATE INDEX citizen_phone_settled_at ON citizen_phone_settled (settled_at);
    CREATE TABLE citizen_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  },
];

export class SettledStore {
  constructor(private readonly db: Database) {}

  outcome(id: string): PhoneRatingOutcome | null {
    const row = this.db.prepare('SELECT outcome FROM citizen_phone_settled WHERE id = ?').get(id) as { outcome: PhoneRatingOutcome } | undefined;
    return row?.outcome ?? null;
  }

  settle(id: string, ticketId: string, outcome: PhoneRatingOutcome, atMs: number): void {
    this.db.prepare('INSERT INTO citizen_phone_settled (id, ticket_id, outcome, settled_at) VALUES (?, ?, ?, ?)').run(id, ticketId, outcome, atMs);
  }

  state(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM citizen_state WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  setState(key: string, value: string): void {
    this.db.prepare('INSERT INTO citizen_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }
}
