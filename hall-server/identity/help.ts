// Help requests ("呼叫工作人员"): raised by a terminal, listed in the admin console with the terminal's name, resolved by staff.
import type { Database } from 'better-sqlite3';
import type { Migration } from '../core/module.ts';
import type { HelpRequestView } from '../../protocol/hall/identity.ts';

export const helpMigrations: Migration[] = [
  {
    id: '001-help-requests',
    sql: `CREATE TABLE identity_help_requests (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      terminal_id TEXT NOT NULL,
      terminal_name TEXT NOT NULL,
      screen TEXT NOT NULL,
      at TEXT NOT NULL,
      resolved_at TEXT,
      resolved_by TEXT
    );
    CREATE INDEX identity_help_open ON identity_help_requests (resolved_at);`,
  },
];

interface Row {
  id: number;
  terminal_id: string;
  terminal_name: string;
  screen: string;
  at: string;
  resolved_at: string | null;
  resolved_by: string | null;
}

function view(row: Row): HelpRequestView {
  return {
    id: row.id,
    terminalId: row.terminal_id,
    terminalName: row.terminal_name,
    screen: row.screen,
    at: row.at,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
  };
}

export class HelpStore {
  constructor(private readonly db: Database) {}

  /** A terminal that already has an open request gets that one back (pressing twice does not page staff twice). */
  raise(terminal: { id: string; name: string }, screen: string, at: string): { request: HelpRequestView; fresh: boolean } {
    const open = this.db
      .prepare('SELECT * FROM identity_help_requests WHERE terminal_id = ? AND resolved_at IS NULL ORDER BY id DESC LIMIT 1')
      .get(terminal.id) as Row | undefined;
    if (open) return { request: view(open), fresh: false };
    const info = this.db
      .prepare('INSERT INTO identity_help_requests (terminal_id, terminal_name, screen, at) VALUES (?, ?, ?, ?)')
      .run(terminal.id, terminal.name, screen, at);
    return { request: this.get(Number(info.lastInsertRowid))!, fresh: true };
  }

  get(id: number): HelpRequestView | null {
    const row = this.db.prepare('SELECT * FROM identity_help_requests WHERE id = ?').get(id) as Row | undefined;
    return row ? view(row) : null;
  }

  /** Open requests first (oldest first), then the last 50 resolved ones. */
  list(): HelpRequestView[] {
    const open = this.db.prepare('SELECT * FROM identity_help_requests WHERE resolved_at IS NULL ORDER BY id').all() as Row[];
    const done = this.db
      .prepare('SELECT * FROM identity_help_requests WHERE resolved_at IS NOT NULL ORDER BY id DESC LIMIT 50')
      .all() as Row[];
    return [...open, ...done].map(view);
  }

  open(): HelpRequestView[] {
    return (this.db.prepare('SELECT * FROM identity_help_requests WHERE resolved_at IS NULL ORDER BY id').all() as Row[]).map(view);
  }

  resolve(id: number, by: string, at: string): HelpRequestView | null {
    this.db.prepare('UPDATE identity_help_requests SET resolved_at = ?, resolved_by = ? WHERE id = ? AND resolved_at IS NULL').run(at, by, id);
    return this.get(id);
  }
}
