// The item names this region process has seen committed to service_names, per database (pool): the ingest writes
// only names missing or changed here, so batches from different sites do not all wait on the same shared rows.
import type { Pool } from 'pg';

const caches = new WeakMap<Pool, Map<string, string>>();

export function knownServiceNames(pool: Pool): Map<string, string> {
  let cache = caches.get(pool);
  if (!cache) caches.set(pool, (cache = new Map()));
  return cache;
}
