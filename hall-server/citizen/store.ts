// The hall's ticket links: the token's hash, the ticket and when the link stops working.
import type { Database } from 'better-sqlite3';
import type { Migration } from '../core/module.ts';

export const citizenMigrations: Migration[] = [
  {
    id: '001_links',
    sql: `CREATE TABLE citizen_links (
      token_hash TEXT PRIMARY KEY,
      ticket_id TEXT NOT NULL UNIQUE,
      service_code TEXT NOT NULL,
      expires_at INTEGER NOT NULL
    );
    CREATE INDEX citizen_links_expires ON citizen_links (expires_at);`,
  },
];

export interface LinkRow {
  ticketId: string;
  serviceCode: string;
  expiresAt: number;
}

export class CitizenStore {
  constructor(private readonly db: Database) {}

  /** True when the link is new. */
  add(tokenHash: string, row: LinkRow): boolean {
    const r = this.db
      .prepare('INSERT OR IGNORE INTO citizen_links (token_hash, ticket_id, service_code, expires_at) VALUES (?, ?, ?, ?)')
      .run(tokenHash, row.ticketId, row.serviceCode, row.expiresAt);
    return r.changes > 0;
  }

  byHash(tokenHash: string): LinkRow | null {
    const r = this.db
      .prepare('SELECT ticket_id AS ticketId, service_code AS serviceCode, expires_at AS expiresAt FROM citizen_links WHERE token_hash = ?')
      .get(tokenHash) as LinkRow | undefined;
    return r ?? null;
  }
}
