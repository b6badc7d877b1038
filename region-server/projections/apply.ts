// Writes a batch's projection delta in the ingest's transaction: one set-based statement per table that changed (rows
// travel as one JSON parameter), so a batch of 500 events costs a handful of round trips, not one per event.
import type { PoolClient } from 'pg';
import { projectBatch, type ProjectionDelta } from './project.ts';
import type { SyncEvent } from '../../protocol/region/sync.ts';

async function rows(client: PoolClient, sql: string, siteId: string, items: readonly unknown[]): Promise<void> {
  if (items.length > 0) await client.query(sql, [siteId, JSON.stringify(items)]);
}

async function applyStatus(client: PoolClient, siteId: string, delta: ProjectionDelta): Promise<void> {
  await client.query(
    `INSERT INTO site_status (site_id, waiting_now, newest_event_at) VALUES ($1, COALESCE($2, 0), $3)
     ON CONFLICT (site_id) DO UPDATE SET
       waiting_now = COALESCE($2, site_status.waiting_now),
       newest_event_at = GREATEST(site_status.newest_event_at, EXCLUDED.newest_event_at)`,
    [siteId, delta.waitingNow, delta.newestEventAt],
  );
  await rows(client,
    `INSERT INTO site_windows (site_id, window_no, name, is_open, staff_name)
     SELECT $1, x.window_no, x.name, x.is_open, x.staff_name FROM json_to_recordset($2::json) AS x(window_no integer, name text, is_open boolean, staff_name text)
     ON CONFLICT (site_id, window_no) DO UPDATE SET name = EXCLUDED.name, is_open = EXCLUDED.is_open, staff_name = EXCLUDED.staff_name`,
    siteId, [...delta.windows].map(([windowNo, w]) => ({ window_no: windowNo, name: w.name, is_open: w.open, staff_name: w.staffName })));
  await rows(client,
    `INSERT INTO site_terminals (site_id, terminal_id, name, faults, seen_at)
     SELECT $1, x.terminal_id, x.name, x.faults, x.seen_at FROM json_to_recordset($2::json) AS x(terminal_id text, name text, faults jsonb, seen_at timestamptz)
     ON CONFLICT (site_id, terminal_id) DO UPDATE SET name = EXCLUDED.name, faults = EXCLUDED.faults, seen_at = EXCLUDED.seen_at`,
    siteId, [...delta.terminals].map(([id, t]) => ({ terminal_id: id, name: t.name, faults: t.faults, seen_at: t.seenAt })));
}

async function applyTickets(client: PoolClient, siteId: string, delta: ProjectionDelta): Promise<void> {
  await rows(client,
    `INSERT INTO site_tickets (site_id, ticket_id, day, number, service_code, service_name, status, issued_at, called_at, finished_at, window_no)
     SELECT $1, x.ticket_id, x.day, x.number, x.service_code, x.service_name, x.status, x.issued_at, x.called_at, x.finished_at, x.window_no
     FROM json_to_recordset($2::json) AS x(ticket_id text, day date, number text, service_code text, service_name text, status text,
       issued_at timestamptz, called_at timestamptz, finished_at timestamptz, window_no integer)
     ON CONFLICT (site_id, ticket_id) DO UPDATE SET status = EXCLUDED.status,
       called_at = COALESCE(EXCLUDED.called_at, site_tickets.called_at),
       finished_at = COALESCE(EXCLUDED.finished_at, site_tickets.finished_at),
       window_no = COALESCE(EXCLUDED.window_no, site_tickets.window_no)`,
    siteId, [...delta.tickets.values()].map((t) => ({
      ticket_id: t.ticketId, day: t.day, number: t.number, service_code: t.serviceCode, service_name: t.serviceName, status: t.status,
      issued_at: t.issuedAt, called_at: t.calledAt, finished_at: t.finishedAt, window_no: t.window,
    })));
  await rows(client,
    `UPDATE site_tickets t SET status = 'finished', finished_at = x.finished_at, window_no = x.window_no
     FROM json_to_recordset($2::json) AS x(ticket_id text, finished_at timestamptz, window_no integer)
     WHERE t.site_id = $1 AND t.ticket_id = x.ticket_id`,
    siteId, [...delta.finishes].map(([id, f]) => ({ ticket_id: id, finished_at: f.finishedAt, window_no: f.window })));
  await rows(client,
    `INSERT INTO ticket_daily (site_id, day, service_code, issued, finished)
     SELECT $1, x.day, x.service_code, x.issued, x.finished FROM json_to_recordset($2::json) AS x(day date, service_code text, issued integer, finished integer)
     ON CONFLICT (day, site_id, service_code) DO UPDATE SET issued = ticket_daily.issued + EXCLUDED.issued, finished = ticket_daily.finished + EXCLUDED.finished`,
    siteId, [...delta.ticketDaily.values()].map((d) => ({ day: d.day, service_code: d.serviceCode, issued: d.issued, finished: d.finished })));
}

async function applyRatings(client: PoolClient, siteId: string, delta: ProjectionDelta): Promise<void> {
  await rows(client,
    `INSERT INTO site_ratings (site_id, rating_id, day, case_number, ticket_number, service_code, service_name, window_no, staff_id,
       staff_name, score, bad, reasons, masked_comment, channel, issued_at, finished_at, rated_at, sealed)
     SELECT $1, x.rating_id, x.day, x.case_number, x.ticket_number, x.service_code, x.service_name, x.window_no, x.staff_id,
       x.staff_name, x.score, x.bad, x.reasons, x.masked_comment, x.channel, x.issued_at, x.finished_at, x.rated_at, x.sealed
     FROM json_to_recordset($2::json) AS x(rating_id text, day date, case_number text, ticket_number text, service_code text,
       service_name text, window_no integer, staff_id text, staff_name text, score smallint, bad boolean, reasons jsonb,
       masked_comment text, channel text, issued_at timestamptz, finished_at timestamptz, rated_at timestamptz, sealed jsonb)`,
    siteId, delta.ratings.map((r) => ({
      rating_id: r.ratingId, day: r.day, case_number: r.caseNumber, ticket_number: r.ticketNumber, service_code: r.serviceCode,
      service_name: r.serviceName, window_no: r.window, staff_id: r.staffId, staff_name: r.staffName, score: r.score, bad: r.bad,
      reasons: r.reasons, masked_comment: r.maskedComment, channel: r.channel, issued_at: r.issuedAt, finished_at: r.finishedAt,
      rated_at: r.ratedAt, sealed: r.sealed,
    })));
  await rows(client,
    `INSERT INTO rating_monthly (site_id, month, service_code, staff_id, rated, bad, score_sum)
     SELECT $1, x.month, x.service_code, x.staff_id, x.rated, x.bad, x.score_sum
     FROM json_to_recordset($2::json) AS x(month date, service_code text, staff_id text, rated integer, bad integer, score_sum integer)
     ON CONFLICT (month, site_id, service_code, staff_id) DO UPDATE SET rated = rating_monthly.rated + EXCLUDED.rated,
       bad = rating_monthly.bad + EXCLUDED.bad, score_sum = rating_monthly.score_sum + EXCLUDED.score_sum`,
    siteId, [...delta.ratingMonthly.values()].map((d) => ({ month: d.month, service_code: d.serviceCode, staff_id: d.staffId, rated: d.rated, bad: d.bad, score_sum: d.scoreSum })));
}

async function applyCases(client: PoolClient, siteId: string, delta: ProjectionDelta): Promise<void> {
  await rows(client,
    `INSERT INTO site_cases (site_id, case_id, rating_id, state, opened_on, due_on, closed_on, changed_by, changed_at)
     SELECT $1, x.case_id, x.rating_id, x.state, x.opened_on, x.due_on, x.closed_on, x.changed_by, x.changed_at
     FROM json_to_recordset($2::json) AS x(case_id text, rating_id text, state text, opened_on date, due_on date, closed_on date, changed_by text, changed_at timestamptz)
     ON CONFLICT (site_id, case_id) DO UPDATE SET state = EXCLUDED.state, due_on = EXCLUDED.due_on, closed_on = EXCLUDED.closed_on,
       changed_by = EXCLUDED.changed_by, changed_at = EXCLUDED.changed_at`,
    siteId, [...delta.cases.values()].map((c) => ({
      case_id: c.caseId, rating_id: c.ratingId, state: c.state, opened_on: c.openedOn, due_on: c.dueOn, closed_on: c.closedOn, changed_by: c.by, changed_at: c.at,
    })));
  // A rating withdrawn on appeal leaves the statistics once: only a rating still counted is taken out of its month.
  await rows(client,
    `WITH gone AS (
       UPDATE site_ratings r SET counted = false FROM json_to_recordset($2::json) AS x(rating_id text)
       WHERE r.site_id = $1 AND r.rating_id = x.rating_id AND r.counted
       RETURNING r.day, r.service_code, r.staff_id, r.score, r.bad)
     UPDATE rating_monthly m SET rated = m.rated - g.n, bad = m.bad - g.nbad, score_sum = m.score_sum - g.total
     FROM (SELECT CAST(date_trunc('month', day) AS date) AS month, service_code, staff_id, count(*) AS n,
             sum(CASE WHEN bad THEN 1 ELSE 0 END) AS nbad, sum(score) AS total
           FROM gone GROUP BY 1, service_code, staff_id) g
     WHERE m.site_id = $1 AND m.month = g.month AND m.service_code = g.service_code AND m.staff_id = g.staff_id`,
    siteId, [...delta.withdrawn].map((id) => ({ rating_id: id })));
}

/** 示范点自查: a month's report replaces the stored one only when generated no earlier, so the row is the newest report
 * the hall generated whatever order the reports arrive in. */
async function applyInspections(client: PoolClient, siteId: string, delta: ProjectionDelta): Promise<void> {
  await rows(client,
    `INSERT INTO site_inspections (site_id, month, report, generated_at, received_at)
     SELECT $1, x.month, x.report, x.generated_at, now() FROM json_to_recordset($2::json) AS x(month text, report jsonb, generated_at timestamptz)
     ON CONFLICT (site_id, month) DO UPDATE SET report = EXCLUDED.report, generated_at = EXCLUDED.generated_at, received_at = EXCLUDED.received_at
     WHERE EXCLUDED.generated_at >= site_inspections.generated_at`,
    siteId, [...delta.inspections.values()].map((i) => ({ month: i.month, report: i.report, generated_at: i.generatedAt })));
}

/** Item names already stored in service_names, as this process knows them (per database; filled after a commit). */
export type KnownServiceNames = ReadonlyMap<string, string>;

/** Returns the item names it wrote, for the caller to remember once the transaction commits. */
async function applyNames(client: PoolClient, siteId: string, delta: ProjectionDelta, known: KnownServiceNames): Promise<Map<string, string>> {
  await rows(client,
    `INSERT INTO site_staff (site_id, staff_id, name) SELECT $1, x.staff_id, x.name FROM json_to_recordset($2::json) AS x(staff_id text, name text)
     ON CONFLICT (site_id, staff_id) DO UPDATE SET name = EXCLUDED.name`,
    siteId, [...delta.staff].map(([id, name]) => ({ staff_id: id, name })));
  // service_names is shared by every site: upserting it from each batch would make every ingest transaction wait on
  // the same rows (and deadlock when two batches name items in another order). Only names this process has not seen
  // stored yet are written, in code order.
  const changed = [...delta.services].filter(([code, name]) => known.get(code) !== name).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (changed.length > 0) {
    await client.query(
      `INSERT INTO service_names (service_code, name) SELECT x.code, x.name FROM json_to_recordset($1::json) AS x(code text, name text)
       ORDER BY x.code
       ON CONFLICT (service_code) DO UPDATE SET name = EXCLUDED.name`,
      [JSON.stringify(changed.map(([code, name]) => ({ code, name })))],
    );
  }
  return new Map(changed);
}

/** Projects the events just stored for a site; runs inside the ingest's transaction. Answers the item names written
 * to service_names, which the caller adds to `known` after the commit. */
export async function projectEvents(client: PoolClient, siteId: string, events: readonly SyncEvent[], known: KnownServiceNames = new Map()): Promise<Map<string, string>> {
  if (events.length === 0) return new Map();
  const delta = projectBatch(events);
  await applyStatus(client, siteId, delta);
  await applyTickets(client, siteId, delta);
  await applyRatings(client, siteId, delta);
  await applyCases(client, siteId, delta);
  await applyInspections(client, siteId, delta);
  return applyNames(client, siteId, delta, known);
}
