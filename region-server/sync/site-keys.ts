// The enrolled public key of each site, kept in memory so a push costs no key lookup, and Ed25519 verification on the
// libuv thread pool so a burst of pushes never stalls the region's event loop. The cache is per pool (one database);
// the ingest transaction compares the key it verified with against the site's row, so a key changed by a
// re-enrolment in another region process is never trusted from a stale entry.
import { verify, type KeyObject } from 'node:crypto';
import type { Pool } from 'pg';
import { publicKeyFromRaw } from '../../content/validate/sign.ts';

export interface SiteKey {
  /** base64url of the raw key, as the sites row holds it. */
  raw: string;
  key: KeyObject;
}

const caches = new WeakMap<Pool, Map<string, SiteKey>>();

function cacheOf(pool: Pool): Map<string, SiteKey> {
  let cache = caches.get(pool);
  if (!cache) caches.set(pool, (cache = new Map()));
  return cache;
}

/** The site's enrolled key, or null for a site that does not exist or has not enrolled. */
export async function siteKey(pool: Pool, siteId: string): Promise<SiteKey | null> {
  const cache = cacheOf(pool);
  const cached = cache.get(siteId);
  if (cached) return cached;
  const row = await pool.query<{ public_key: string | null }>('SELECT public_key FROM sites WHERE id = $1', [siteId]);
  const raw = row.rows[0]?.public_key;
  if (!raw) return null;
  const entry = { raw, key: publicKeyFromRaw(raw) };
  cache.set(siteId, entry);
  return entry;
}

/** Drops the cached key (after a re-enrolment, a fence, or a row that no longer matches it). */
export function forgetSiteKey(pool: Pool, siteId: string): void {
  cacheOf(pool).delete(siteId);
}

/** Ed25519 verification off the event loop (node's callback form runs on the thread pool). */
export function verifyOffLoop(body: Buffer, key: KeyObject, signature: Buffer): Promise<boolean> {
  return new Promise((resolve) => {
    verify(null, body, key, signature, (err, valid) => resolve(!err && valid));
  });
}
