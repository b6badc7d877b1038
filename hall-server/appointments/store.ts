// The hall's copy of its site's appointments (fed by the region link) and the site's appointment key, kept so check-in
// works while the link is down. The key is stored encrypted under the hall's own secrets, never in clear.
import type Database from 'better-sqlite3';
import type { AppointmentFeed, AppointmentStatus } from '../../protocol/citizen/appointments.ts';
import type { Migration } from '../core/module.ts';

export const appointmentMigrations: Migration[] = [
  {
    id: 'appointments-001',
    sql: `CREATE TABLE appointments (code TEXT PRIMARY KEY, service TEXT NOT NULL, slot_at INTEGER NOT NULL,
            person_hash TEXT NOT NULL, status TEXT NOT NULL, ticket_id TEXT, check_in_key TEXT, updated_at INTEGER NOT NULL);
          CREATE INDEX appointments_person ON appointments (person_hash, slot_at);
          CREATE INDEX appointments_slot ON appointments (status, slot_at);
          CREATE INDEX appointments_slot_at ON appointments (slot_at);
          CREATE TABLE appointment_key (one INTEGER PRIMARY KEY CHECK (one = 1), key_id TEXT NOT NULL, sealed TEXT NOT NULL);`,
  },
];

export interface AppointmentRow {
  code: string;
  service: string;
  slot_at: number;
  person_hash: string;
  status: AppointmentStatus;
  ticket_id: string | null;
  /** The idempotency key of the check-in that used it: the kiosk's retry gets the same answer. */
  check_in_key: string | null;
}

export class AppointmentStore {
  constructor(private readonly db: Database.Database) {}

  /** Takes the region's answer: new and changed bookings; a local check-in or 爽约 is never undone by the feed. */
  applyFeed(feed: AppointmentFeed, sealedKey: string, nowMs: number): number {
    this.db.prepare(`INSERT INTO appointment_key VALUES (1, ?, ?) ON CONFLICT (one) DO UPDATE SET key_id = excluded.key_id, sealed = excluded.sealed`)
      .run(feed.keyId, sealedKey);
    const upsert = this.db.prepare(`INSERT INTO appointments (code, service, slot_at, person_hash, status, ticket_id, check_in_key, updated_at)
        VALUES (?, ?, ?, ?, ?, NULL, NULL, ?)
      ON CONFLICT (code) DO UPDATE SET service = excluded.service, slot_at = excluded.slot_at, person_hash = excluded.person_hash,
        status = excluded.status, updated_at = excluded.updated_at
      WHERE appointments.status IN ('booked', 'cancelled')`);
    let changed = 0;
    for (const a of feed.appointments) {
      changed += upsert.run(a.code, a.serviceCode, Date.parse(a.slotStart), a.personHash, a.status, nowMs).changes;
    }
    return changed;
  }

  sealedKey(): string | null {
    const row = this.db.prepare('SELECT sealed FROM appointment_key WHERE one = 1').get() as { sealed: string } | undefined;
    return row?.sealed ?? null;
  }

  byCode(code: string): AppointmentRow | null {
    return (this.db.prepare('SELECT * FROM appointments WHERE code = ?').get(code) as AppointmentRow | undefined) ?? null;
  }

  /** The person's open booking nearest to now (a citizen may hold one for today and one for another day), or the one
   * a check-in with this idempotency key already used (the kiosk's retry). A booking the 爽约 sweep closed within the
   * last 12 hours without a ticket still counts: the late citizen then gets an ordinary ticket and the explanation. */
  nearestFor(personHash: string, nowMs: number, checkInKey: string): AppointmentRow | null {
    const row = this.db.prepare(`SELECT * FROM appointments WHERE person_hash = ? AND (status = 'booked' OR check_in_key = ?
          OR (status = 'no_show' AND ticket_id IS NULL AND slot_at > ?))
        ORDER BY ABS(slot_at - ?) LIMIT 1`).get(personHash, checkInKey, nowMs - 12 * 3_600_000, nowMs) as AppointmentRow | undefined;
    return row ?? null;
  }

  setStatus(code: string, status: AppointmentStatus, ticketId: string | null, nowMs: number, checkInKey: string | null = null): void {
    this.db.prepare('UPDATE appointments SET status = ?, ticket_id = ?, check_in_key = ?, updated_at = ? WHERE code = ?')
      .run(status, ticketId, checkInKey, nowMs, code);
  }

  /** Bookings whose check-in window closed before `beforeMs` without a check-in (a page of them). */
  missed(beforeMs: number, limit = 200): AppointmentRow[] {
    return this.db.prepare(`SELECT * FROM appointments WHERE status = 'booked' AND slot_at < ? ORDER BY slot_at LIMIT ?`)
      .all(beforeMs, limit) as AppointmentRow[];
  }

  countsBetween(fromMs: number, toMs: number): { booked: number; checkedIn: number; noShow: number } {
    const row = this.db.prepare(`SELECT COUNT(*) FILTER (WHERE status != 'cancelled') AS booked,
        COUNT(*) FILTER (WHERE status = 'checked_in') AS checkedIn, COUNT(*) FILTER (WHERE status = 'no_show') AS noShow
        FROM appointments WHERE slot_at >= ? AND slot_at < ?`).get(fromMs, toMs) as { booked: number; checkedIn: number; noShow: number };
    return row;
  }
}
