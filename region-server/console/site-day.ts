// One site's day for the drill-down: its tickets with their waits, its ratings and its 差评 cases.
import type { Pool } from 'pg';
import type { SiteDayResponse } from '../../protocol/region/console.ts';
import { RegionError } from '../http/errors.ts';
import { regionCases } from './cases.ts';
import { siteOverview } from './network.ts';

export async function siteDay(pool: Pool, siteId: string, date: string, now = new Date()): Promise<SiteDayResponse> {
  const site = await siteOverview(pool, siteId, now);
  if (!site) throw new RegionError(404, 'no_site', '没有这个站点');
  const tickets = await pool.query<{
    number: string; service_name: string; status: string; issued_at: Date; called_at: Date | null; finished_at: Date | null; window_no: number | null;
  }>(
    `SELECT number, service_name, status, issued_at, called_at, finished_at, window_no FROM site_tickets
     WHERE site_id = $1 AND day = $2 ORDER BY issued_at, ticket_id`,
    [siteId, date],
  );
  const ratings = await pool.query<{
    ticket_number: string; service_name: string; window_no: number; staff_name: string; score: number; bad: boolean; rated_at: Date; masked_comment: string;
  }>(
    `SELECT ticket_number, service_name, window_no, staff_name, score, bad, rated_at, masked_comment FROM site_ratings
     WHERE site_id = $1 AND day = $2 ORDER BY rated_at, rating_id`,
    [siteId, date],
  );
  const rows = tickets.rows.map((t) => ({
    number: t.number,
    serviceName: t.service_name,
    status: t.status,
    issuedAt: t.issued_at.toISOString(),
    calledAt: t.called_at?.toISOString() ?? null,
    finishedAt: t.finished_at?.toISOString() ?? null,
    window: t.window_no,
    waitSeconds: t.called_at ? Math.round((t.called_at.getTime() - t.issued_at.getTime()) / 1000) : null,
  }));
  const waits = rows.map((r) => r.waitSeconds).filter((w): w is number => w !== null);
  return {
    site,
    date,
    tickets: rows,
    averageWaitSeconds: waits.length ? waits.reduce((a, b) => a + b, 0) / waits.length : null,
    ratings: ratings.rows.map((r) => ({
      ticketNumber: r.ticket_number, serviceName: r.service_name, window: r.window_no, staffName: r.staff_name, score: r.score, bad: r.bad,
      ratedAt: r.rated_at.toISOString(), maskedComment: r.masked_comment,
    })),
    cases: (await regionCases(pool, now, siteId, date)).cases,
  };
}
