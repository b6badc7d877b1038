// Tickets' progress at the region, from its projections of the sites' events: the phone on 4G reaches the region, not
// the hall. The same answer as the hall's (protocol/citizen/progress.ts); nothing personal. Batched: the answers for
// every page watching one site cost a fixed handful of queries, not a few per page.
import type { Pool } from 'pg';
import type { ProgressState, RatedBy, TicketProgress } from '../../protocol/citizen/progress.ts';
import { estimateWaitMinutes, measuredOf } from '../../protocol/rules/wait-estimate.ts';

const STATE_OF: Record<string, ProgressState> = {
  waiting: 'waiting', called: 'called', serving: 'called', held: 'called', finished: 'finished', no_show: 'missed', cancelled: 'expired',
};
const STATUS_RANK = ['waiting', 'called', 'serving', 'held', 'finished', 'no_show', 'cancelled'];

interface TicketFacts {
  token_hash: string;
  site_id: string;
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

/** The progress of each ticket whose token hash is given and not expired at `now` (all of one site, or any). */
export async function progressOfTokens(pool: Pool, tokenHashes: readonly string[], now: Date): Promise<Map<string, TicketProgress>> {
  const out = new Map<string, TicketProgress>();
  if (tokenHashes.length === 0) return out;
  const found = await pool.query<TicketFacts>(
    `SELECT l.token_hash, t.site_id, to_char(t.day, 'YYYY-MM-DD') AS day, t.number, t.service_code, t.service_name, t.status,
            t.issued_at, t.called_at, t.finished_at, t.window_no, l.expires_at
     FROM citizen_links l JOIN site_tickets t ON t.site_id = l.site_id AND t.ticket_id = l.ticket_id
     WHERE l.token_hash = ANY($1) AND l.expires_at > $2`,
    [tokenHashes, now],
  );
  const sites = new Set(found.rows.map((r) => r.site_id));
  // 扫码评价: a phone rating kept here and not yet settled by the hall shows as 正在送达大厅.
  const phoneRatings = await pool.query<{ token_hash: string; state: string }>(
    'SELECT token_hash, state FROM citizen_phone_ratings WHERE token_hash = ANY($1)', [found.rows.map((r) => r.token_hash)],
  );
  const phoneState = new Map(phoneRatings.rows.map((r) => [r.token_hash, r.state]));
  for (const site of sites) {
    const tickets = found.rows.filter((r) => r.site_id === site);
    const days = [...new Set(tickets.map((t) => t.day))];
    const [waiting, open, measured, rated, reasons] = await Promise.all([
      pool.query<{ day: string; service_code: string; issued_at: Date }>(
        `SELECT to_char(day, 'YYYY-MM-DD') AS day, service_code, issued_at FROM site_tickets
         WHERE site_id = $1 AND day = ANY($2::date[]) AND status = 'waiting'`, [site, days]),
      pool.query<{ n: string }>('SELECT count(*) AS n FROM site_windows WHERE site_id = $1 AND is_open', [site]),
      pool.query<{ day: string; service_code: string; minutes: number }>(
        `SELECT to_char(day, 'YYYY-MM-DD') AS day, service_code, extract(epoch FROM finished_at - called_at) / 60 AS minutes FROM site_tickets
         WHERE site_id = $1 AND day = ANY($2::date[]) AND status = 'finished' AND called_at IS NOT NULL`, [site, days]),
      pool.query<{ day: string; ticket_number: string; rated_at: Date; channel: string }>(
        `SELECT to_char(day, 'YYYY-MM-DD') AS day, ticket_number, rated_at, channel FROM site_ratings
         WHERE site_id = $1 AND day = ANY($2::date[]) ORDER BY rated_at`, [site, days]),
      pool.query<{ bad_reasons: string[] }>('SELECT bad_reasons FROM citizen_site_reasons WHERE site_id = $1', [site]),
    ]);
    const badReasons = reasons.rows[0]?.bad_reasons ?? [];
    const openWindows = Number(open.rows[0]?.n ?? 0);
    for (const t of tickets) {
      const state = STATE_OF[t.status] ?? 'expired';
      const same = (r: { day: string; service_code: string }) => r.day === t.day && r.service_code === t.service_code;
      const peopleAhead = state === 'waiting' ? waiting.rows.filter((r) => same(r) && r.issued_at < t.issued_at).length : 0;
      const rating = rated.rows.find((r) => r.day === t.day && r.ticket_number === t.number);
      const latest = Math.max(t.issued_at.getTime(), t.called_at?.getTime() ?? 0, t.finished_at?.getTime() ?? 0);
      out.set(t.token_hash, {
        number: t.number,
        itemName: t.service_name,
        state,
        window: state === 'called' || state === 'finished' ? t.window_no : null,
        peopleAhead,
        estimateMinutes: state === 'waiting'
          ? estimateWaitMinutes({ peopleAhead, openWindows, measured: measuredOf(measured.rows.filter(same).map((r) => Number(r.minutes))) })
          : null,
        openWindows,
        expiresAt: t.expires_at.toISOString(),
        // Changes with every call, finish and status of the ticket.
        version: Math.floor(latest / 1000) * 8 + Math.max(0, STATUS_RANK.indexOf(t.status)),
        rating: state === 'finished' ? ratedBy(rating) : null,
        ...phoneRatingOffer(state === 'finished' && !rating, phoneState.get(t.token_hash) ?? null, badReasons),
      });
    }
  }
  return out;
}

export async function regionProgress(pool: Pool, tokenHash: string, now: Date): Promise<TicketProgress | null> {
  return (await progressOfTokens(pool, [tokenHash], now)).get(tokenHash) ?? null;
}

/** The site a live token belongs to, for the stream's fan-out. */
export async function siteOfToken(pool: Pool, tokenHash: string, now: Date): Promise<string | null> {
  const r = await pool.query<{ site_id: string }>('SELECT site_id FROM citizen_links WHERE token_hash = $1 AND expires_at > $2', [tokenHash, now]);
  return r.rows[0]?.site_id ?? null;
}

/** Whether the page offers the five levels (a finished, unrated ticket with no phone rating in flight, and the site's
 * reasons known) or says 正在送达大厅. A rating settled as accepted shows as 已评价 once its record is here. */
export function phoneRatingOffer(
  finishedUnrated: boolean, phoneState: string | null, badReasons: string[],
): Pick<TicketProgress, 'canRate' | 'badReasons' | 'ratingPending'> {
  const pending = finishedUnrated && (phoneState === 'pending' || phoneState === 'accepted');
  const canRate = finishedUnrated && !pending && badReasons.length > 0;
  return { canRate, badReasons: canRate ? badReasons : [], ratingPending: pending };
}

function ratedBy(row: { rated_at: Date; channel: string } | undefined): RatedBy | null {
  if (!row) return null;
  return { at: row.rated_at.toISOString(), channel: row.channel === '二维码' ? '二维码' : '窗口评价器' };
}
