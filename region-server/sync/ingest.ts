// The region's side of a hall's push: verify the signature with the site's enrolled key (cached, verified off the event
// loop), then store the batch exactly once by (site, seq) and in order, under a lock on the site's row so two pushes of
// one site never interleave; the events go in as one multi-row insert from one JSON parameter.
import type { Pool } from 'pg';
import { SYNC_REFUSALS, syncBatchSchema, type SyncAnswer, type SyncBatch, type SyncEvent } from '../../protocol/region/sync.ts';
import { audit } from '../db/audit.ts';
import { withTransaction } from '../db/transaction.ts';
import { RegionError } from '../http/errors.ts';
import { sitePackId } from '../catalogue/build.ts';
import { canonicalEvent, eventHash, hashCanonical } from './hash.ts';
import { planBatch } from './plan.ts';
import { projectEvents } from '../projections/apply.ts';
import { knownServiceNames } from '../projections/service-names.ts';
import { forgetSiteKey, siteKey, verifyOffLoop } from './site-keys.ts';
import { projectCitizenEvents } from '../citizen/ingest.ts';

const REFUSAL_STATUS = { gap: 409, batch_replayed: 409, site_fenced: 423, invalid_batch: 400, bad_signature: 401, unknown_site: 401 } as const;

function refuse(code: keyof typeof SYNC_REFUSALS, heldThrough?: number): RegionError {
  return new RegionError(REFUSAL_STATUS[code], code, SYNC_REFUSALS[code], heldThrough === undefined ? {} : { heldThrough });
}

/** A batch whose signature verified, with the key it verified against. */
export type VerifiedBatch = SyncBatch & { verifiedKey: string };

/** Parses and verifies a raw batch body; throws a RegionError (after auditing it) for anything not from the site's key. */
export async function verifyBatch(pool: Pool, body: Buffer, signature: string | undefined): Promise<VerifiedBatch> {
  let batch: SyncBatch;
  try {
    batch = syncBatchSchema.parse(JSON.parse(body.toString('utf8')));
  } catch {
    throw refuse('invalid_batch');
  }
  const key = await siteKey(pool, batch.siteId);
  if (!key) {
    await audit(pool, { actor: 'sync', action: 'sync.refused', siteId: null, details: { code: 'unknown_site', claimedSite: batch.siteId } });
    throw refuse('unknown_site');
  }
  const valid = signature !== undefined && /^[A-Za-z0-9+/=]{40,120}$/.test(signature)
    && (await verifyOffLoop(body, key.key, Buffer.from(signature, 'base64')));
  if (!valid) {
    // The cached key may predate a re-enrolment made through another region process: look it up afresh next time.
    forgetSiteKey(pool, batch.siteId);
    await audit(pool, { actor: 'sync', action: 'sync.refused', siteId: batch.siteId, details: { code: 'bad_signature', batchId: batch.batchId } });
    throw refuse('bad_signature');
  }
  return { ...batch, verifiedKey: key.raw };
}

/** One INSERT for the whole batch: the rows travel as one JSON text that PostgreSQL parses once and unpacks, so the
 * driver never builds and escapes array literals of every event's data. Each row is the event's canonical text, the
 * one its content hash is taken of (`[seq, type, at, data, window]`), so an event is serialised once; the hashes
 * follow in the same order. */
const INSERT_EVENTS = `INSERT INTO site_events (site_id, seq, type, at, data, window_no, content_hash, received_at)
  SELECT $1, (e.row->>0)::bigint, e.row->>1, (e.row->>2)::timestamptz, e.row->3, (e.row->>4)::integer, ($3::text[])[e.n], now()
  FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e(row, n)`;

function insertEvents(siteId: string, events: SyncEvent[]): { name: string; text: string; values: unknown[] } {
  const rows = events.map(canonicalEvent);
  return { name: 'region-insert-site-events-rows', text: INSERT_EVENTS, values: [siteId, `[${rows.join(',')}]`, rows.map(hashCanonical)] };
}

/** The version of the region's pack for this site that the batch's last pack.activated names, if any. */
function runningPackVersion(siteId: string, events: SyncEvent[]): number | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i]!;
    if (event.type !== 'pack.activated') continue;
    const data = event.data as { id?: unknown; version?: unknown } | null;
    return data?.id === sitePackId(siteId) && Number.isSafeInteger(data.version) ? (data.version as number) : null;
  }
  return null;
}

/** Stores a verified batch; answers the highest contiguous seq held. A refusal or a fence is audited in the same
 * transaction and thrown as a RegionError after it commits; a refused batch changes nothing else. */
export async function ingestBatch(pool: Pool, batch: VerifiedBatch, now: Date = new Date()): Promise<SyncAnswer> {
  const known = knownServiceNames(pool);
  const outcome = await withTransaction(pool, async (client) => {
    const site = await client.query<{ held_through: string; last_batch_id: string; fenced_at: Date | null; public_key: string | null }>(
      'SELECT held_through, last_batch_id, fenced_at, public_key FROM sites WHERE id = $1 FOR UPDATE',
      [batch.siteId],
    );
    const row = site.rows[0];
    if (!row) return { error: refuse('unknown_site') };
    if (row.public_key !== batch.verifiedKey) {
      // Re-enrolled since the key was cached: this batch was signed by a key the site no longer has.
      forgetSiteKey(pool, batch.siteId);
      await audit(client, { actor: 'sync', action: 'sync.refused', siteId: batch.siteId, details: { code: 'bad_signature', batchId: batch.batchId } });
      return { error: refuse('bad_signature') };
    }
    const state = { heldThrough: Number(row.held_through), lastBatchId: Number(row.last_batch_id), fenced: row.fenced_at !== null };
    const overlap = batch.events.filter((event) => event.seq <= state.heldThrough);
    const stored = new Map<number, string>();
    if (overlap.length > 0) {
      const held = await client.query<{ seq: string; content_hash: string }>(
        'SELECT seq, content_hash FROM site_events WHERE site_id = $1 AND seq BETWEEN $2 AND $3',
        [batch.siteId, overlap[0]!.seq, overlap.at(-1)!.seq],
      );
      for (const h of held.rows) stored.set(Number(h.seq), h.content_hash);
    }
    const plan = planBatch(state, batch, eventHash, stored);
    if (plan.kind === 'fence') {
      await client.query('UPDATE sites SET fenced_at = now(), fence_reason = $2 WHERE id = $1', [batch.siteId, plan.detail]);
      await audit(client, { actor: 'sync', action: 'sync.fenced', siteId: batch.siteId, details: { reason: plan.detail, batchId: batch.batchId } });
      forgetSiteKey(pool, batch.siteId);
      return { error: refuse('site_fenced', state.heldThrough) };
    }
    if (plan.kind === 'refuse') {
      await audit(client, { actor: 'sync', action: 'sync.refused', siteId: batch.siteId, details: { code: plan.code, detail: plan.detail, batchId: batch.batchId } });
      return { error: refuse(plan.code, state.heldThrough) };
    }
    // The events and the console's projections of them are written in this one transaction.
    let namesWritten = new Map<string, string>();
    if (plan.events.length > 0) {
      await client.query(insertEvents(batch.siteId, plan.events));
      namesWritten = await projectEvents(client, batch.siteId, plan.events, known);
      await projectCitizenEvents(client, batch.siteId, plan.events);
    }
    const running = runningPackVersion(batch.siteId, plan.events);
    const skewMs = Math.round(Date.parse(batch.sentAt) - now.getTime());
    await client.query(
      `UPDATE sites SET held_through = $2, last_batch_id = $3, last_seen_at = $4, clock_skew_ms = $5,
         running_pack_version = COALESCE($6, running_pack_version) WHERE id = $1`,
      [batch.siteId, plan.heldThrough, batch.batchId, now, Math.max(-2e9, Math.min(2e9, skewMs)), running],
    );
    return { answer: { heldThrough: plan.heldThrough, stored: plan.events.length }, namesWritten };
  });
  if ('error' in outcome) throw outcome.error;
  for (const [code, name] of outcome.namesWritten) known.set(code, name);
  return outcome.answer;
}
