// Reads the core's audit table for the console: one page in (at, id) order, newest first, with the actor's name and
// the names of the terminal and ticket the details refer to. Read-only; the core writes the table.
import type { Database, Statement } from 'better-sqlite3';
import type { Migration, Role } from '../core/module.ts';
import type { AuditEntry } from '../../protocol/hall/audit.ts';
import { maskPersonalJson, maskPersonalText } from './mask.ts';
import type { AuditQuery } from './query.ts';

export const auditMigrations: Migration[] = [
  // The page query walks `at` backwards within the range; without an index it would scan the whole table. With the
  // action in the index, counting a filtered range reads the index alone.
  { id: '001-audit-at-action-index', sql: 'CREATE INDEX IF NOT EXISTS audit_at_action ON audit (at, action)' },
];

interface AuditRow {
  id: number;
  at: string;
  actor_id: string | null;
  actor_role: Role | null;
  actor_name: string | null;
  action: string;
  details: string;
}

/** Whole dot-separated segments: the action itself, or anything below it. */
const ACTION_MATCH = "(a.action = @action OR substr(a.action, 1, length(@action) + 1) = @action || '.')";

export class AuditReader {
  private readonly pages = new Map<string, Statement>();
  private readonly terminalName: Statement;
  private readonly ticketNumber: Statement | null;

  constructor(private readonly db: Database) {
    this.terminalName = db.prepare('SELECT name FROM terminals WHERE id = ?').pluck();
    const hasTickets = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'queue_tickets'").get() !== undefined;
    this.ticketNumber = hasTickets ? db.prepare('SELECT number FROM queue_tickets WHERE id = ?').pluck() : null;
  }

  page(q: AuditQuery): { total: number; entries: AuditEntry[]; last: { at: string; id: number } | null; more: boolean } {
    const params = {
      start: q.start,
      end: q.end,
      action: q.action,
      cursorAt: q.cursor?.at ?? null,
      cursorId: q.cursor?.id ?? null,
      limit: q.limit + 1,
    };
    const total = this.statement('count', q).pluck().get(params) as number;
    const rows = this.statement('rows', q).all(params) as AuditRow[];
    const more = rows.length > q.limit;
    const shown = more ? rows.slice(0, q.limit) : rows;
    const lastRow = shown[shown.length - 1];
    return { total, entries: shown.map((r) => this.entry(r)), last: lastRow ? { at: lastRow.at, id: lastRow.id } : null, more };
  }

  private statement(kind: 'count' | 'rows', q: AuditQuery): Statement {
    const key = `${kind}:${q.action !== null}:${kind === 'rows' && q.cursor !== null}`;
    let s = this.pages.get(key);
    if (!s) {
      const where = ['a.at >= @start', 'a.at < @end'];
      if (q.action !== null) where.push(ACTION_MATCH);
      if (kind === 'count') {
        s = this.db.prepare(`SELECT COUNT(*) FROM audit a WHERE ${where.join(' AND ')}`);
      } else {
        if (q.cursor !== null) where.push('a.at <= @cursorAt', '(a.at < @cursorAt OR a.id < @cursorId)');
        s = this.db.prepare(
          `SELECT a.id, a.at, a.actor_id, a.actor_role, t.name AS actor_name, a.action, a.details
             FROM audit a LEFT JOIN terminals t ON t.id = a.actor_id
            WHERE ${where.join(' AND ')}
            ORDER BY a.at DESC, a.id DESC LIMIT @limit`,
        );
      }
      this.pages.set(key, s);
    }
    return s;
  }

  private entry(r: AuditRow): AuditEntry {
    const details = maskPersonalJson(parseDetails(r.details)) as Record<string, AuditEntry['details'][string]>;
    const terminalId = typeof details['terminal'] === 'string' ? details['terminal'] : null;
    const ticketId = typeof details['ticket'] === 'string' ? details['ticket'] : null;
    const terminal = terminalId === null ? null : ((this.terminalName.get(terminalId) as string | undefined) ?? null);
    const ticket = ticketId === null || !this.ticketNumber ? null : ((this.ticketNumber.get(ticketId) as string | undefined) ?? null);
    return {
      id: r.id,
      at: r.at,
      actor: r.actor_id === null ? null : { id: r.actor_id, role: r.actor_role, name: r.actor_name === null ? null : maskPersonalText(r.actor_name) },
      action: r.action,
      details,
      refs: { terminal: terminal === null ? null : maskPersonalText(terminal), ticket },
    };
  }
}

function parseDetails(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
  } catch {
    return { text };
  }
}
