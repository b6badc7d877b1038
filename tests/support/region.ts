// Test helper: a region server (real PostgreSQL, real HTTP) in-process on an ephemeral port with its own database, and a
// stand-in hall that signs batches with its own Ed25519 key as a hall's region link does (region-server/simulate/).
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { inject } from 'vitest';
import { migrate } from '../../region-server/db/migrate.ts';
import { createRegionServer, type RegionLogger } from '../../region-server/http/server.ts';
import type { RegionKeys } from '../../region-server/keys.ts';
import type { PushGate } from '../../region-server/sync/push-gate.ts';
import { postToRegion, SiteLink, type RegionAnswer } from '../../region-server/simulate/site-link.ts';

export interface TestRegion {
  url: string;
  pool: pg.Pool;
  close(): Promise<void>;
}

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A fresh database on the suite's throwaway cluster, migrated. */
export async function freshDatabase(): Promise<{ pool: pg.Pool; url: string }> {
  const admin = new pg.Client({ connectionString: inject('postgresUrl') });
  await admin.connect();
  const name = `region_${randomUUID().replace(/-/g, '')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = inject('postgresUrl').replace(/\/postgres$/, `/${name}`);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await migrate(pool);
  return { pool, url };
}

export interface ServeOptions {
  /** The region's key file (sealing key in the enrol answer, pack signing). */
  keys?: RegionKeys;
  /** To come back on the port halls expect it at. */
  port?: number;
  /** The cap on pushes in flight (the test holds it to watch pushes in flight). */
  pushGate?: PushGate;
  /** The region's log (default: dropped). */
  log?: RegionLogger;
}

/** The region's HTTP server on `pool`; `close` stops the server and ends the pool unless `ownPool` is false (a pool the
 * caller keeps for a region that comes back on it). */
export async function serveRegion(pool: pg.Pool, options: ServeOptions & { ownPool?: boolean } = {}): Promise<TestRegion> {
  const server = createRegionServer(pool, options.log ?? quiet, { keys: options.keys ?? null, ...(options.pushGate ? { pushGate: options.pushGate } : {}) });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    pool,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (options.ownPool !== false) await pool.end();
    },
  };
}

/** A region on a fresh database, or on `pool` (which its close then leaves open). */
export async function startTestRegion(options: ServeOptions & { pool?: pg.Pool } = {}): Promise<TestRegion> {
  if (options.pool) return serveRegion(options.pool, { ...options, ownPool: false });
  return serveRegion((await freshDatabase()).pool, options);
}

export type Answer = RegionAnswer;
export const postJson = postToRegion;

/** A hall as the region sees it: its key, its event log, its persisted batch counter (the demo's simulated sites sign
 * with the same code). */
export class StandInHall extends SiteLink {}
