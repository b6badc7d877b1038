// 扫码评价 at the region (DB21/T 4402 §11.1.3, channel 二维码): the phone's rating is kept here until its hall pulls and
// settles it (the hall is the arbiter of one rating per service). Stored once per ticket link: a retry with the same
// id and body answers the same; another rating for the same ticket is answered with the first. The call-back phone is
// encrypted under the region's phone key and dropped at settlement; it is never logged.
import type { Pool, PoolClient } from 'pg';
import type { PhoneRatingAnswer, PhoneRatingRequest } from '../../protocol/citizen/phone-rating.ts';
import { CitizenReasonsRecord, PhoneRatingSettledRecord, type PhoneRatingFeed } from '../../protocol/citizen/phone-rating-link.ts';
import type { SyncEvent } from '../../protocol/region/sync.ts';
import type { RatedBy } from '../../protocol/citizen/progress.ts';
import { ratingProblem } from '../../protocol/rules/levels.ts';
import { openPhone, sealPhone } from '../appointments/keys.ts';
import { RegionError } from '../http/errors.ts';
import type { RegionKeys } from '../keys.ts';

interface StoredRow {
  id: string;
  score: number;
  reasons: string[];
  phone_sealed: string | null;
  consent: boolean;
  state: 'pending' | 'accepted' | 'rated' | 'refused';
}

interface LinkedTicket {
  site_id: string;
  ticket_id: string;
  status: string;
  day: string;
  number: string;
  expires_at: Date;
}

/** The service's rating as the region knows it (from the hall's `rating.recorded` records). */
async function ratedAtRegion(db: Pool | PoolClient, t: LinkedTicket): Promise<RatedBy | null> {
  const r = await db.query<{ rated_at: Date; channel: string }>(
    `SELECT rated_at, channel FROM site_ratings WHERE site_id = $1 AND day = $2::date AND ticket_number = $3 ORDER BY rated_at LIMIT 1`,
    [t.site_id, t.day, t.number],
  );
  const row = r.rows[0];
  return row ? { at: row.rated_at.toISOString(), channel: row.channel === '二维码' ? '二维码' : '窗口评价器' } : null;
}

function samePhone(keys: RegionKeys | null, sealed: string | null, phone: string): boolean {
  if (sealed === null) return phone === '';
  return keys !== null && phone !== '' && openPhone(keys, sealed) === phone;
}

function sameBody(keys: RegionKeys | null, row: StoredRow, req: PhoneRatingRequest): boolean {
  // Once settled the phone is dropped: a late retry is matched on the rest.
  const phoneMatches = row.state === 'pending' ? samePhone(keys, row.phone_sealed, req.phone) : true;
  return row.id === req.id && row.score === req.score && row.consent === req.consent
    && JSON.stringify(row.reasons) === JSON.stringify(req.reasons) && phoneMatches;
}

/** The answer for a ticket that has a phone rating kept already. */
async function answerFor(db: Pool | PoolClient, keys: RegionKeys | null, t: LinkedTicket, row: StoredRow, req: PhoneRatingRequest) {
  const rated = await ratedAtRegion(db, t);
  if (!sameBody(keys, row, req)) {
    if (row.id === req.id) throw new RegionError(422, 'idempotency_key_reused', '该评价编号已用于另一份不同的评价，本次未做任何更改');
    if (row.state === 'pending') throw new RegionError(409, 'already_submitted', '本次服务已经提交过评价，正在送达大厅');
    return { status: 409, body: { state: 'rated', rating: rated } satisfies PhoneRatingAnswer };
  }
  if (row.state === 'pending' || (row.state === 'accepted' && !rated)) return { status: 202, body: { state: 'pending', rating: null } satisfies PhoneRatingAnswer };
  if (row.state === 'accepted') return { status: 200, body: { state: 'accepted', rating: rated } satisfies PhoneRatingAnswer };
  if (row.state === 'rated') return { status: 409, body: { state: 'rated', rating: rated } satisfies PhoneRatingAnswer };
  throw new RegionError(409, 'rating_refused', '大厅未能接受这条评价，请到窗口评价器上评价或咨询工作人员');
}

export interface PhoneRatingResult {
  status: number;
  body: PhoneRatingAnswer;
  /** The site whose watching pages should be told (a new pending rating). */
  changedSite: string | null;
}

/** Stores the phone's rating of the ticket its token names; null when the token is unknown or expired (a guess). */
export async function submitPhoneRating(
  pool: Pool, keys: RegionKeys | null, tokenHash: string, req: PhoneRatingRequest, now: Date,
): Promise<PhoneRatingResult | null> {
  const found = await pool.query<LinkedTicket>(
    `SELECT l.site_id, l.ticket_id, t.status, to_char(t.day, 'YYYY-MM-DD') AS day, t.number, l.expires_at
     FROM citizen_links l JOIN site_tickets t ON t.site_id = l.site_id AND t.ticket_id = l.ticket_id
     WHERE l.token_hash = $1 AND l.expires_at > $2`,
    [tokenHash, now],
  );
  const t = found.rows[0];
  if (!t) return null;
  const kept = await pool.query<StoredRow>(
    'SELECT id, score, reasons, phone_sealed, consent, state FROM citizen_phone_ratings WHERE token_hash = $1', [tokenHash],
  );
  if (kept.rows[0] && kept.rows[0].state !== 'refused') return { ...(await answerFor(pool, keys, t, kept.rows[0], req)), changedSite: null };
  if (t.status !== 'finished') throw new RegionError(409, 'ticket_not_finished', '业务办结后才能评价');
  const rated = await ratedAtRegion(pool, t);
  if (rated) return { status: 409, body: { state: 'rated', rating: rated }, changedSite: null };
  const reasons = await pool.query<{ bad_reasons: string[] }>('SELECT bad_reasons FROM citizen_site_reasons WHERE site_id = $1', [t.site_id]);
  const problem = ratingProblem({ ...req, comment: '' }, reasons.rows[0]?.bad_reasons ?? []);
  if (problem) throw new RegionError(400, 'invalid_rating', problem);
  if (req.phone !== '' && !keys) throw new RegionError(503, 'no_keys', '暂时不能留回访电话，请不填电话提交，或在窗口评价器上评价');
  const inserted = await pool.query(
    `INSERT INTO citizen_phone_ratings (token_hash, id, site_id, ticket_id, score, reasons, phone_sealed, consent, received_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10)
     ON CONFLICT (token_hash) DO UPDATE SET id = EXCLUDED.id, score = EXCLUDED.score, reasons = EXCLUDED.reasons,
       phone_sealed = EXCLUDED.phone_sealed, consent = EXCLUDED.consent, received_at = EXCLUDED.received_at, state = 'pending',
       settled_at = NULL
     WHERE citizen_phone_ratings.state = 'refused'`,
    [tokenHash, req.id, t.site_id, t.ticket_id, req.score, JSON.stringify(req.reasons), req.phone === '' ? null : sealPhone(keys!, req.phone),
      req.consent, now, t.expires_at],
  ).catch((err: unknown) => {
    // The same id sent for another ticket: not this rating.
    if ((err as { code?: string }).code === '23505') throw new RegionError(422, 'idempotency_key_reused', '该评价编号已用于另一份不同的评价，本次未做任何更改');
    throw err;
  });
  if (inserted.rowCount === 0) {
    // A concurrent first submission for the same ticket won: answer as for a kept one.
    const again = await pool.query<StoredRow>(
      'SELECT id, score, reasons, phone_sealed, consent, state FROM citizen_phone_ratings WHERE token_hash = $1', [tokenHash],
    );
    return { ...(await answerFor(pool, keys, t, again.rows[0]!, req)), changedSite: null };
  }
  return { status: 202, body: { state: 'pending', rating: null }, changedSite: t.site_id };
}

/** The site's phone ratings its hall has not settled yet, oldest first, with the call-back phone opened for the hall. */
export async function pendingPhoneRatings(pool: Pool, keys: RegionKeys | null, siteId: string): Promise<PhoneRatingFeed> {
  const r = await pool.query<StoredRow & { ticket_id: string; received_at: Date }>(
    `SELECT id, ticket_id, score, reasons, phone_sealed, consent, state, received_at FROM citizen_phone_ratings
     WHERE site_id = $1 AND state = 'pending' ORDER BY received_at, id LIMIT 500`,
    [siteId],
  );
  return {
    ratings: r.rows.map((row) => ({
      id: row.id, ticketId: row.ticket_id, score: row.score, reasons: row.reasons,
      phone: row.phone_sealed && keys ? openPhone(keys, row.phone_sealed) : '', consent: row.consent, ratedAt: row.received_at.toISOString(),
    })),
  };
}

/** The hall's settlements (in the ingest's transaction): the rating leaves the feed and its phone is dropped. */
export async function settlePhoneRatings(client: PoolClient, siteId: string, records: readonly PhoneRatingSettledRecord[]): Promise<void> {
  if (records.length === 0) return;
  await client.query(
    `UPDATE citizen_phone_ratings p SET state = s.outcome, settled_at = now(), phone_sealed = NULL
     FROM jsonb_to_recordset($2::jsonb) AS s(id text, outcome text)
     WHERE p.site_id = $1 AND p.id = s.id AND p.state = 'pending'`,
    [siteId, JSON.stringify(records.map((r) => ({ id: r.id, outcome: r.outcome })))],
  );
}

export async function saveSiteReasons(client: PoolClient, siteId: string, badReasons: readonly string[], at: string): Promise<void> {
  await client.query(
    `INSERT INTO citizen_site_reasons (site_id, bad_reasons, updated_at) VALUES ($1, $2::jsonb, $3)
     ON CONFLICT (site_id) DO UPDATE SET bad_reasons = EXCLUDED.bad_reasons, updated_at = EXCLUDED.updated_at
     WHERE citizen_site_reasons.updated_at <= EXCLUDED.updated_at`,
    [siteId, JSON.stringify(badReasons), at],
  );
}

/** The batch's settlements and its latest 差评 reasons (pure); malformed records are skipped like other events'. */
export function phoneRatingRecords(events: readonly SyncEvent[]): { settled: PhoneRatingSettledRecord[]; reasons: { list: string[]; at: string } | null } {
  const settled: PhoneRatingSettledRecord[] = [];
  let reasons: { list: string[]; at: string } | null = null;
  for (const event of events) {
    if (event.type === 'citizen.rating.settled') {
      const parsed = PhoneRatingSettledRecord.safeParse(event.data);
      if (parsed.success) settled.push(parsed.data);
    } else if (event.type === 'citizen.reasons') {
      const parsed = CitizenReasonsRecord.safeParse(event.data);
      if (parsed.success) reasons = { list: parsed.data.badReasons, at: event.at };
    }
  }
  return { settled, reasons };
}

/** Runs in the ingest's transaction, after the ratings' projection of the same batch. */
export async function projectPhoneRatingEvents(client: PoolClient, siteId: string, events: readonly SyncEvent[]): Promise<void> {
  const { settled, reasons } = phoneRatingRecords(events);
  await settlePhoneRatings(client, siteId, settled);
  if (reasons) await saveSiteReasons(client, siteId, reasons.list, reasons.at);
}
