// Test helper: a region server (real PostgreSQL, real HTTP) in-process on an ephemeral port with its own database, and a
// stand-in hall that signs batches with its own Ed25519 key as a hall's region link does.
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { inject } from 'vitest';
import { rawPublicKey } from '../../content/validate/sign.ts';
import { SYNC_SIGNATURE_HEADER, type SyncBatch, type SyncEvent } from '../../protocol/region/sync.ts';
import { migrate } from '../../region-server/db/migrate.ts';
import { createRegionServer } from '../../region-server/http/server.ts';
import type { RegionKeys } from '../../region-server/keys.ts';

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

/** `keys`: the region's key file (sealing key in the enrol answer, pack signing); `port`: to come back where halls expect it. */
export async function startTestRegion(options: { keys?: RegionKeys; port?: number; pool?: pg.Pool } = {}): Promise<TestRegion> {
  const pool = options.pool ?? (await freshDatabase()).pool;
  const server = createRegionServer(pool, quiet, { keys: options.keys ?? null });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    pool,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // A pool the caller passed in is the caller's to end (a region that comes back on it).
      if (!options.pool) await pool.end();
    },
  };
}

export interface Answer {
  status: number;
  body: any; // any: tests read fields of success and error answers alike
}

export async function postJson(url: string, body: unknown | Buffer, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/** A hall as the region sees it: its key, its event log, its persisted batch counter. */
export class StandInHall {
  readonly privateKey: KeyObject;
  readonly publicKey: string;
  siteId = '';
  batchId = 0;
  readonly log: SyncEvent[] = [];

  constructor(readonly regionUrl: string) {
    const pair = generateKeyPairSync('ed25519');
    this.privateKey = pair.privateKey;
    this.publicKey = rawPublicKey(pair.publicKey);
  }

  async enrol(code: string, hallName = '测试大厅'): Promise<Answer> {
    const answer = await postJson(`${this.regionUrl}/api/region/enrol`, { code, publicKey: this.publicKey, hallName });
    if (answer.status === 200) this.siteId = answer.body.siteId;
    return answer;
  }

  /** Appends events to the hall's own log. */
  record(count: number, type = 'ticket.issued', at = new Date()): void {
    for (let i = 0; i < count; i++) {
      const seq = this.log.length + 1;
      this.log.push({ seq, type, at: new Date(at.getTime() + i).toISOString(), data: { number: `A${String(seq).padStart(3, '0')}` } });
    }
  }

  batchBody(fromSeq: number, count: number, overrides: Partial<SyncBatch> = {}): Buffer {
    this.batchId += 1;
    const batch: SyncBatch = {
      siteId: this.siteId,
      batchId: this.batchId,
      sentAt: new Date().toISOString(),
      headSeq: this.log.length,
      events: this.log.slice(fromSeq - 1, fromSeq - 1 + count),
      ...overrides,
    };
    return Buffer.from(JSON.stringify(batch));
  }

  signature(body: Buffer, key: KeyObject = this.privateKey): string {
    return sign(null, body, key).toString('base64');
  }

  async send(body: Buffer, signature = this.signature(body)): Promise<Answer> {
    return postJson(`${this.regionUrl}/api/region/sync`, body, { [SYNC_SIGNATURE_HEADER]: signature });
  }

  async push(fromSeq: number, count: number): Promise<Answer> {
    return this.send(this.batchBody(fromSeq, count));
  }
}
