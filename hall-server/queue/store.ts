// SQLite persistence of the queue state. Writes happen inside the caller's transaction.
import type Database from 'better-sqlite3';
import type { TidalAlertView } from '../../protocol/hall/index.ts';
import type { Migration } from '../core/module.ts';
import { emptyQueueState, putTicket } from './state.ts';
import type { Counter, QueueState, Ticket, WindowState } from './types.ts';

export const queueMigrations: Migration[] = [
  {
    id: '001-queue',
    sql: `CREATE TABLE queue_tickets (id TEXT PRIMARY KEY, day TEXT NOT NULL, number TEXT NOT NULL, service TEXT NOT NULL,
            status TEXT NOT NULL, priority TEXT NOT NULL, person_hash TEXT, masked_name TEXT, issued_at INTEGER NOT NULL,
            called_at INTEGER, last_called_at INTEGER, started_at INTEGER, finished_at INTEGER, window INTEGER, target_window INTEGER,
            call_count INTEGER NOT NULL, print TEXT NOT NULL, print_reason TEXT, staff_id TEXT, case_number TEXT,
            idem_key TEXT UNIQUE, version INTEGER NOT NULL);
          CREATE INDEX queue_tickets_day ON queue_tickets (day, status);
          CREATE TABLE queue_windows (number INTEGER PRIMARY KEY, paused INTEGER NOT NULL, staff_id TEXT, current_id TEXT,
            normals_since_priority INTEGER NOT NULL, undo TEXT);
          CREATE TABLE queue_counters (day TEXT NOT NULL, service TEXT NOT NULL, last INTEGER, issued INTEGER NOT NULL,
            PRIMARY KEY (day, service));
          CREATE TABLE queue_tidal (grp TEXT PRIMARY KEY, alert TEXT NOT NULL);
          CREATE TABLE queue_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
          CREATE TABLE queue_commands (key TEXT PRIMARY KEY, response TEXT NOT NULL, at TEXT NOT NULL);`,
  },
  {
    // Encrypted ID number and name (AES-GCM via Secrets) for the upstream 好差评 export; purged after the retention period.
    id: '002-sealed-person',
    sql: `ALTER TABLE queue_tickets ADD COLUMN person_sealed TEXT;
          ALTER TABLE queue_tickets ADD COLUMN name_sealed TEXT;`,
  },
  {
    // Keyed hash of the request an idempotency key was first used for: a retry with another body is refused.
    id: '003-request-fingerprints',
    sql: `ALTER TABLE queue_tickets ADD COLUMN idem_fingerprint TEXT;
          ALTER TABLE queue_commands ADD COLUMN fingerprint TEXT;`,
  },
  {
    // 过号重排: a rejoined ticket's place in line (REAL: it may fall between two tickets issued a millisecond apart).
    // NULL means the issue time.
    id: '004-rejoin-place',
    sql: `ALTER TABLE queue_tickets ADD COLUMN queued_at REAL;`,
  },
  {
    // The hourly retention purge finds expired idempotency keys through this index.
    id: '005-command-keys-expiry',
    sql: 'CREATE INDEX queue_commands_at ON queue_commands (at);',
  },
  {
    // Tickets issued in 长辈模式: the window's pad opens their rating in 长辈模式.
    id: 'senior-tickets',
    sql: `ALTER TABLE queue_tickets ADD COLUMN senior INTEGER NOT NULL DEFAULT 0;`,
  },
  {
    // 预约 tickets: the booked slot's start, and the bound on 预约 calls in a row while walk-ins wait.
    id: 'appointment-tickets',
    sql: `ALTER TABLE queue_tickets ADD COLUMN appointment_at INTEGER;
          ALTER TABLE queue_windows ADD COLUMN appointments_in_row INTEGER NOT NULL DEFAULT 0;`,
  },
];

/** A terminal retries a call-next or finish within minutes; a week covers any outage its outbox survives. */
export const COMMAND_KEYS_KEPT_DAYS = 7;

interface TicketRow {
  id: string; day: string; number: string; service: string; status: Ticket['status']; priority: Ticket['priority'];
  person_hash: string | null; masked_name: string | null; issued_at: number; queued_at: number | null; called_at: number | null;
  last_called_at: number | null; started_at: number | null; finished_at: number | null; window: number | null;
  target_window: number | null; call_count: number; print: Ticket['print']; staff_id: string | null;
  case_number: string | null; idem_key: string | null; version: number; senior: number; appointment_at: number | null;
}

function toTicket(r: TicketRow): Ticket {
  return {
    id: r.id, day: r.day, number: r.number, serviceCode: r.service, status: r.status, priority: r.priority, senior: r.senior === 1, appointmentAt: r.appointment_at,
    personHash: r.person_hash, maskedName: r.masked_name, issuedAt: r.issued_at, queuedAt: r.queued_at ?? r.issued_at, calledAt: r.called_at,
    lastCalledAt: r.last_called_at, startedAt: r.started_at, finishedAt: r.finished_at, window: r.window,
    targetWindow: r.target_window, callCount: r.call_count, print: r.print, staffId: r.staff_id,
    caseNumber: r.case_number, idempotencyKey: r.idem_key, version: r.version,
  };
}

export class QueueStore {
  private readonly upsertTicket;
  private readonly upsertWindow;
  private readonly upsertCounter;

  constructor(private readonly db: Database.Database) {
    this.upsertTicket = db.prepare(`INSERT INTO queue_tickets (id, day, number, service, status, priority, person_hash,
        masked_name, issued_at, queued_at, called_at, last_called_at, started_at, finished_at, window, target_window, call_count, print,
        print_reason, staff_id, case_number, idem_key, version, senior, appointment_at) VALUES (@id, @day, @number, @serviceCode, @status, @priority,
        @personHash, @maskedName, @issuedAt, @queuedAt, @calledAt, @lastCalledAt, @startedAt, @finishedAt, @window, @targetWindow,
        @callCount, @print, NULL, @staffId, @caseNumber, @idempotencyKey, @version, @seniorFlag, @appointmentAt)
      ON CONFLICT (id) DO UPDATE SET service = excluded.service, status = excluded.status, priority = excluded.priority,
        queued_at = excluded.queued_at,
        called_at = excluded.called_at, last_called_at = excluded.last_called_at, started_at = excluded.started_at,
        finished_at = excluded.finished_at, window = excluded.window, target_window = excluded.target_window,
        call_count = excluded.call_count, print = excluded.print, staff_id = excluded.staff_id,
        case_number = excluded.case_number, version = excluded.version`);
    this.upsertWindow = db.prepare(`INSERT INTO queue_windows (number, paused, staff_id, current_id, normals_since_priority, undo,
        appointments_in_row) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (number) DO UPDATE SET paused = excluded.paused, staff_id = excluded.staff_id, current_id = excluded.current_id,
        normals_since_priority = excluded.normals_since_priority, undo = excluded.undo, appointments_in_row = excluded.appointments_in_row`);
    this.upsertCounter = db.prepare(`INSERT INTO queue_counters VALUES (?, ?, ?, ?)
      ON CONFLICT (day, service) DO UPDATE SET last = excluded.last, issued = excluded.issued`);
  }

  /** Today's tickets and any still open from before (a reset closes those), windows and counters. */
  load(day: string): QueueState {
    const state = emptyQueueState(this.storedDay() ?? day);
    const rows = this.db
      .prepare(`SELECT * FROM queue_tickets WHERE day = ? OR status IN ('waiting', 'called', 'serving', 'held')`)
      .all(day) as TicketRow[];
    for (const r of rows.sort((a, b) => (a.queued_at ?? a.issued_at) - (b.queued_at ?? b.issued_at))) putTicket(state, toTicket(r));
    const windows = state.windows;
    for (const r of this.db.prepare('SELECT * FROM queue_windows').all() as Array<{
      number: number; paused: number; staff_id: string | null; current_id: string | null; normals_since_priority: number; undo: string | null;
      appointments_in_row: number;
    }>) {
      windows.set(r.number, {
        number: r.number, paused: r.paused === 1, staffId: r.staff_id, currentId: r.current_id,
        normalsSincePriority: r.normals_since_priority, appointmentsInRow: r.appointments_in_row, undo: r.undo ? JSON.parse(r.undo) : null,
      });
    }
    for (const r of this.db.prepare('SELECT * FROM queue_counters WHERE day = ?').all(state.day) as Array<{ service: string; last: number | null; issued: number }>) {
      state.counters.set(r.service, { last: r.last, issued: r.issued });
    }
    return state;
  }

  /** Tickets issued per item from business day `since` on, most first (one row per day and item: a small table). */
  issuedSince(since: string): Array<{ code: string; issued: number }> {
    return this.db
      .prepare('SELECT service AS code, SUM(issued) AS issued FROM queue_counters WHERE day >= ? GROUP BY service ORDER BY issued DESC, service')
      .all(since) as Array<{ code: string; issued: number }>;
  }

  storedDay(): string | null {
    return (this.db.prepare("SELECT value FROM queue_meta WHERE key = 'day'").pluck().get() as string | undefined) ?? null;
  }

  setDay(day: string): void {
    this.db.prepare("INSERT INTO queue_meta VALUES ('day', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(day);
  }

  writeTicket(t: Ticket): void {
    // SQLite binds no booleans.
    this.upsertTicket.run({ ...t, seniorFlag: t.senior ? 1 : 0 });
  }

  writeWindow(w: WindowState): void {
    this.upsertWindow.run(w.number, w.paused ? 1 : 0, w.staffId, w.currentId, w.normalsSincePriority, w.undo ? JSON.stringify(w.undo) : null, w.appointmentsInRow);
  }

  writeCounter(day: string, service: string, c: Counter): void {
    this.upsertCounter.run(day, service, c.last, c.issued);
  }

  sealPerson(id: string, personSealed: string, nameSealed: string): void {
    this.db.prepare('UPDATE queue_tickets SET person_sealed = ?, name_sealed = ? WHERE id = ?').run(personSealed, nameSealed, id);
  }

  /** Removes personal fields of tickets issued before `beforeMs`; returns how many tickets were cleaned. */
  purgePersonalData(beforeMs: number): number {
    return this.db
      .prepare(`UPDATE queue_tickets SET person_hash = NULL, masked_name = NULL, person_sealed = NULL, name_sealed = NULL
        WHERE issued_at < ? AND (person_hash IS NOT NULL OR masked_name IS NOT NULL OR person_sealed IS NOT NULL)`)
      .run(beforeMs).changes;
  }

  setPrintResult(id: string, print: Ticket['print'], reason: string | null): void {
    this.db.prepare('UPDATE queue_tickets SET print = ?, print_reason = ? WHERE id = ?').run(print, reason, id);
  }

  /** The ticket first issued under this (caller-scoped) key, and the fingerprint of that request. */
  ticketByIdempotencyKey(key: string): { ticket: Ticket; fingerprint: string | null } | null {
    const row = this.db.prepare('SELECT * FROM queue_tickets WHERE idem_key = ?').get(key) as (TicketRow & { idem_fingerprint: string | null }) | undefined;
    return row ? { ticket: toTicket(row), fingerprint: row.idem_fingerprint } : null;
  }

  setIdempotencyFingerprint(id: string, fingerprint: string): void {
    this.db.prepare('UPDATE queue_tickets SET idem_fingerprint = ? WHERE id = ?').run(fingerprint, id);
  }

  ticketById(id: string): Ticket | null {
    const row = this.db.prepare('SELECT * FROM queue_tickets WHERE id = ?').get(id) as TicketRow | undefined;
    return row ? toTicket(row) : null;
  }

  commandResult(key: string): { response: unknown; fingerprint: string | null } | undefined {
    const row = this.db.prepare('SELECT response, fingerprint FROM queue_commands WHERE key = ?').get(key) as
      | { response: string; fingerprint: string | null }
      | undefined;
    return row === undefined ? undefined : { response: JSON.parse(row.response), fingerprint: row.fingerprint };
  }

  saveCommandResult(key: string, response: unknown, at: string, fingerprint: string): void {
    this.db.prepare('INSERT INTO queue_commands (key, response, at, fingerprint) VALUES (?, ?, ?, ?)').run(key, JSON.stringify(response), at, fingerprint);
  }

  tidalAlerts(): Map<string, TidalAlertView> {
    const rows = this.db.prepare('SELECT grp, alert FROM queue_tidal').all() as Array<{ grp: string; alert: string }>;
    return new Map(rows.map((r) => [r.grp, JSON.parse(r.alert) as TidalAlertView]));
  }

  saveTidalAlerts(alerts: Map<string, TidalAlertView>): void {
    this.db.prepare('DELETE FROM queue_tidal').run();
    const ins = this.db.prepare('INSERT INTO queue_tidal VALUES (?, ?)');
    for (const [g, a] of alerts) ins.run(g, JSON.stringify(a));
  }
}
