// The queue's reader for other modules (the ratings module): when a ticket was taken, who took it (for the upstream
// export, while the queue keeps it sealed), and the wait, service and idle times for the statistics. Read-only: it
// is the one place outside the queue's store that reads queue_tickets, so no other module queries the table by SQL.
import type { Database, Statement } from 'better-sqlite3';
import type { StatsGroup } from '../../protocol/hall/ratings.ts';
import { weekOf } from '../../protocol/rules/workdays.ts';

/** What the queue knows about a ticket beyond the finished event: when it was taken and, for the upstream export
 * only, who took it, as the queue sealed it (the reader never opens a sealed field; the caller copies or opens it). */
export interface TicketFacts {
  issuedAt: string | null;
  applicant: SealedApplicant | null;
}

export interface SealedApplicant {
  idType: '111' | '001';
  idNumberSealed: string;
  /** Null when the card gave no name. */
  nameSealed: string | null;
}

/** Mean seconds; null where the queue cannot say. */
export interface Timings {
  wait: number | null;
  walk: number | null;
  service: number | null;
}

/** The groups the queue can time ('channel' is the ratings' own: the queue has no rating channel). */
export type QueueGroup = Exclude<StatsGroup, 'channel'> | 'all';

/** Wait, walk, service and idle seconds from the queue (read-only); null where the queue cannot say. */
export interface QueueTimes {
  /** Mean wait and service seconds per group key for finished tickets of [from, to]; key 'all' for the whole range. */
  timings(from: string, to: string, group: QueueGroup): Map<string, Timings>;
  /** Idle seconds per window number for [from, to]. */
  idle(from: string, to: string): Map<number, number>;
}

const GROUP_SQL: Record<Exclude<StatsGroup, 'channel'>, string> = {
  day: 'day',
  week: 'day',
  month: 'substr(day, 1, 7)',
  window: 'CAST(window AS TEXT)',
  staff: "coalesce(staff_id, '')",
  service: 'service',
};

/** Service runs from 开始办理, or from the call when staff finished without pressing start (the queue then stamps
 * the start at the finish). */
const SERVICE_START = 'CASE WHEN started_at IS NOT NULL AND started_at < finished_at THEN started_at ELSE called_at END';

interface TimingRow {
  key: string;
  wait_sum: number | null;
  wait_n: number;
  service_sum: number | null;
  service_n: number;
  walk_sum: number | null;
  walk_n: number;
}

/** Walk runs from the first call to 开始办理, counted only where start was pressed before the finish. */
const WALK = 'CASE WHEN started_at IS NOT NULL AND called_at IS NOT NULL AND started_at < finished_at THEN started_at - called_at END';

export class QueueReader implements QueueTimes {
  private readonly facts: Statement;

  constructor(private readonly db: Database) {
    this.facts = db.prepare('SELECT issued_at, person_sealed, name_sealed FROM queue_tickets WHERE id = ?');
  }

  /** Read when the rating is stored: the ratings module keeps its own sealed copy from then on (re-encrypted, under its
   * own retention), because the queue erases its copy after the queue's shorter retention period. */
  ticketFacts(ticketId: string): TicketFacts {
    const row = this.facts.get(ticketId) as
      | { issued_at: number; person_sealed: string | null; name_sealed: string | null }
      | undefined;
    if (!row) return { issuedAt: null, applicant: null };
    const issuedAt = new Date(row.issued_at).toISOString();
    if (!row.person_sealed) return { issuedAt, applicant: null };
    return { issuedAt, applicant: { idType: '111', idNumberSealed: row.person_sealed, nameSealed: row.name_sealed } };
  }

  timings(from: string, to: string, group: QueueGroup): Map<string, Timings> {
    const out = new Map<string, Timings>();
    const rows = this.db
      .prepare(
        `SELECT ${group === 'all' ? "'all'" : GROUP_SQL[group]} AS key,
           sum(CASE WHEN called_at IS NOT NULL THEN called_at - issued_at END) AS wait_sum,
           count(called_at) AS wait_n,
           sum(finished_at - ${SERVICE_START}) AS service_sum,
           count(${SERVICE_START}) AS service_n,
           sum(${WALK}) AS walk_sum,
           count(${WALK}) AS walk_n
         FROM queue_tickets WHERE day BETWEEN ? AND ? AND status = 'finished' GROUP BY 1`,
      )
      .all(from, to) as TimingRow[];
    const acc = new Map<string, TimingRow>();
    for (const r of rows) {
      const key = group === 'week' ? weekOf(r.key) : r.key;
      const a = acc.get(key) ?? { key, wait_sum: 0, wait_n: 0, service_sum: 0, service_n: 0, walk_sum: 0, walk_n: 0 };
      a.walk_sum = (a.walk_sum ?? 0) + (r.walk_sum ?? 0);
      a.walk_n += r.walk_n;
      a.wait_sum = (a.wait_sum ?? 0) + (r.wait_sum ?? 0);
      a.wait_n += r.wait_n;
      a.service_sum = (a.service_sum ?? 0) + (r.service_sum ?? 0);
      a.service_n += r.service_n;
      acc.set(key, a);
    }
    for (const [key, a] of acc) {
      out.set(key, {
        wait: a.wait_n ? Math.round((a.wait_sum ?? 0) / a.wait_n / 1000) : null,
        service: a.service_n ? Math.round((a.service_sum ?? 0) / a.service_n / 1000) : null,
        walk: a.walk_n ? Math.round((a.walk_sum ?? 0) / a.walk_n / 1000) : null,
      });
    }
    return out;
  }

  /** Per window and day: the gaps between finishing one ticket and calling the next, summed. */
  idle(from: string, to: string): Map<number, number> {
    const out = new Map<number, number>();
    const rows = this.db
      .prepare(
        `SELECT window, sum(gap) AS idle FROM (
           SELECT window, called_at - lag(finished_at) OVER (PARTITION BY window, day ORDER BY called_at) AS gap
           FROM queue_tickets WHERE day BETWEEN ? AND ? AND window IS NOT NULL AND called_at IS NOT NULL
             AND status IN ('finished', 'no_show'))
         WHERE gap > 0 GROUP BY window`,
      )
      .all(from, to) as { window: number; idle: number }[];
    for (const r of rows) out.set(r.window, Math.round(r.idle / 1000));
    return out;
  }
}
