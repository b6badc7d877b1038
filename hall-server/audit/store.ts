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

/** Index entries one step of a query reads at most (plus any sharing the step's oldest timestamp): a year of a busy
 * hall is a million entries, and counting them in one go held the hall up for a fifth of a second. */
export const AUDIT_STEP_ROWS = 10_000;

export interface AuditPage {
  total: number;
  entries: AuditEntry[];
  last: { at: string; id: number } | null;
  more: boolean;
}

export interface AuditStepOptions {
  /** Waits for the next event-loop turn between two steps. */
  nextTurn?: () => Promise<void>;
  /** Told the index entries each step spans (tests). */
  onStep?: (rows: number) => void;
}

const setImmediateTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class AuditReader {
  private readonly statements = new Map<string, Statement>();
  private readonly boundary: Statement;
  private readonly span: Statement;
  private readonly terminalName: Statement;
  private readonly ticketNumber: Statement | null;

  constructor(private readonly db: Database) {
    // The oldest `at` of the next step down: AUDIT_STEP_ROWS entries below `hi` (and not above `top`), by the index alone.
    this.boundary = db
      .prepare(`SELECT at FROM audit WHERE at >= @start AND at < @hi AND at <= @top ORDER BY at DESC LIMIT 1 OFFSET ${AUDIT_STEP_ROWS}`)
      .pluck();
    this.span = db.prepare('SELECT COUNT(*) FROM audit WHERE at >= @lo AND at < @hi').pluck();
    this.terminalName = db.prepare('SELECT name FROM terminals WHERE id = ?').pluck();
    const hasTickets = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'queue_tickets'").get() !== undefined;
    this.ticketNumber = hasTickets ? db.prepare('SELECT number FROM queue_tickets WHERE id = ?').pluck() : null;
  }

  /** One page and the total of the range, read newest first in steps of at most AUDIT_STEP_ROWS index entries, one
   * step per event-loop turn. */
  async page(q: AuditQuery, options: AuditStepOptions = {}): Promise<AuditPage> {
    const nextTurn = options.nextTurn ?? setImmediateTurn;
    const base = { start: q.start, action: q.action, cursorAt: q.cursor?.at ?? null, cursorId: q.cursor?.id ?? null };
    const count = this.statement('count', q).pluck();
    const rowsOf = this.statement('rows', q);

    let total = 0;
    for await (const { lo, hi } of this.steps(q.start, q.end, null, nextTurn, options.onStep)) {
      total += count.get({ ...base, lo, hi }) as number;
    }
    const rows: AuditRow[] = [];
    for await (const { lo, hi } of this.steps(q.start, q.end, q.cursor?.at ?? null, nextTurn, options.onStep)) {
      rows.push(...(rowsOf.all({ ...base, lo, hi, limit: q.limit + 1 - rows.length }) as AuditRow[]));
      if (rows.length > q.limit) break;
    }
    const more = rows.length > q.limit;
    const shown = more ? rows.slice(0, q.limit) : rows;
    const lastRow = shown[shown.length - 1];
    return { total, entries: shown.map((r) => this.entry(r)), last: lastRow ? { at: lastRow.at, id: lastRow.id } : null, more };
  }

  /** [lo, hi) ranges of `at` from `end` down to `start` (from `top` down, when given), each spanning at most
   * AUDIT_STEP_ROWS entries plus those sharing its `lo`; waits a turn between two. */
  private async *steps(
    start: string,
    end: string,
    top: string | null,
    nextTurn: () => Promise<void>,
    onStep: ((rows: number) => void) | undefined,
  ): AsyncGenerator<{ lo: string; hi: string }> {
    let hi = end;
    const topBound = top ?? end;
    for (let first = true; ; first = false) {
      if (!first) await nextTurn();
      const lo = (this.boundary.get({ start, hi, top: topBound }) as string | undefined) ?? start;
      if (onStep) onStep(this.span.get({ lo, hi }) as number);
      yield { lo, hi };
      if (lo === start) return;
      hi = lo;
    }
  }

  private statement(kind: 'count' | 'rows', q: AuditQuery): Statement {
    const key = `${kind}:${q.action !== null}:${kind === 'rows' && q.cursor !== null}`;
    let s = this.statements.get(key);
    if (!s) {
      const where = ['a.at >= @lo', 'a.at < @hi'];
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
      this.statements.set(key, s);
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
