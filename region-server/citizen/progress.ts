// A ticket's progress at the region, from its projections of the site's events: the phone on 4G reaches the region,
// not the hall. The same answer as the hall's (protocol/citizen/progress.ts); nothing personal.
import type { Pool } from 'pg';
import type { ProgressState, RatedBy, TicketProgress } from '../../protocol/citizen/progress.ts';
import { estimateWaitMinutes } from '../../protocol/rules/wait-estimate.ts';

const STATE_OF: Record<string, ProgressState> = {
  waiting: 'waiting', called: 'called', serving: 'called', held: 'called', finished: 'finished', no_show: 'missed', cancelled: 'expired',
};
const STATUS_RANK = ['waiting', 'called', 'serving', 'held', 'finished', 'no_show', 'cancelled'];

interface TicketFacts {
  site_id: string;
  ticket_id: string;
  day: string;
  number: string;
  service_code: string;
  service_name: string;
  status: string;
  issued_at: Date;
  called_at: Date | null;
  finished_at: Date | null;
  window_no: number | null;
  expires_at: Date;
}

/** The progress of the ticket whose token hashes to `tokenHash`, or null when unknown or expired at `now`. */
export async function regionProgress(pool: Pool, tokenHash: string, now: Date): Promise<TicketProgress | null> {
  const found = await pool.query<TicketFacts>(
    `SELECT t.site_id, t.ticket_id, to_char(t.day, 'YYYY-MM-DD') AS day, t.number, t.service_code, t.service_name, t.status,
            t.issued_at, t.called_at, t.finished_at, t.window_no, l.expires_at
     FROM citizen_links l JOIN site_tickets t ON t.site_id = l.site_id AND t.ticket_id = l.ticket_id
     WHERE l.token_hash = $1 AND l.expires_at > $2`,
    [tokenHash, now],
  );
  const t = found.rows[0];
  if (!t) return null;
  const state = STATE_OF[t.status] ?? 'expired';
  const [ahead, open, measured, rated] = await Promise.all([
    state === 'waiting'
      ? pool.query<{ n: string }>(
        `SELECT count(*) AS n FROM site_tickets WHERE site_id = $1 AND day = $2 AND service_code = $3 AND status = 'waiting' AND issued_at < $4`,
        [t.site_id, t.day, t.service_code, t.issued_at])
      : null,
    pool.query<{ n: string }>('SELECT count(*) AS n FROM site_windows WHERE site_id = $1 AND is_open', [t.site_id]),
    state === 'waiting'
      ? pool.query<{ minutes: number }>(
        `SELECT extract(epoch FROM finished_at - called_at) / 60 AS minutes FROM site_tickets
         WHERE site_id = $1 AND day = $2 AND service_code = $3 AND status = 'finished' AND called_at IS NOT NULL
         ORDER BY finished_at DESC LIMIT 50`,
        [t.site_id, t.day, t.service_code])
      : null,
    state === 'finished'
      ? pool.query<{ rated_at: Date; channel: string }>(
        `SELECT rated_at, channel FROM site_ratings WHERE site_id = $1 AND day = $2 AND ticket_number = $3 AND counted
         ORDER BY rated_at LIMIT 1`,
        [t.site_id, t.day, t.number])
      : null,
  ]);
  const peopleAhead = ahead ? Number(ahead.rows[0]?.n ?? 0) : 0;
  const openWindows = Number(open.rows[0]?.n ?? 0);
  const latest = Math.max(t.issued_at.getTime(), t.called_at?.getTime() ?? 0, t.finished_at?.getTime() ?? 0);
  return {
    number: t.number,
    itemName: t.service_name,
    state,
    window: state === 'called' || state === 'finished' ? t.window_no : null,
    peopleAhead,
    estimateMinutes: measured
      ? estimateWaitMinutes({ peopleAhead, openWindows, measuredMinutes: measured.rows.map((r) => Number(r.minutes)) })
      : null,
    openWindows,
    expiresAt: t.expires_at.toISOString(),
    // Changes with every call, finish and status of the ticket.
    version: Math.floor(latest / 1000) * 8 + Math.max(0, STATUS_RANK.indexOf(t.status)),
    rating: rated ? ratedBy(rated.rows[0]) : null,
  };
}

function ratedBy(row: { rated_at: Date; channel: string } | undefined): RatedBy | null {
  if (!row) return null;
  return { at: row.rated_at.toISOString(), channel: row.channel === '二维码' ? '二维码' : '窗口评价器' };
}
