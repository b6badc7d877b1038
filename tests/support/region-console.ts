// Test helper for the region console: a region with its console front (in-process, real PostgreSQL, real HTTP), a
// sealer and opener of personal fields with a test X25519 key (the algorithm protocol/region/records.ts describes),
// and records a hall would push (rating.recorded, rating.case.recorded, ticket and status events).
import type { RegionKeys } from '../../region-server/keys.ts';
import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import { SEAL_ALGORITHM, SEAL_INFO, SealedPersonalFields, type SealedBox } from '../../protocol/region/records.ts';
import type { RegionSealingKeys } from '../../region-server/console/context.ts';
import { createConsoleFront } from '../../region-server/console/router.ts';
import { createRegionServer } from '../../region-server/http/server.ts';
import { freshDatabase } from './region.ts';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

export interface TestSealingKey {
  keyId: string;
  publicKey: KeyObject;
  keys: RegionSealingKeys;
}

export function testSealingKey(keyId = 'test-seal-1'): TestSealingKey {
  const pair = generateKeyPairSync('x25519');
  return {
    keyId,
    publicKey: pair.publicKey,
    keys: { sealing: [{ keyId, privateKey: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), createdAt: '2026-01-01T00:00:00Z' }] },
  };
}

const rawX25519 = (key: KeyObject): Buffer => Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url');
const x25519FromRaw = (raw: Buffer): KeyObject => createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: raw.toString('base64url') }, format: 'jwk' });

function aesKey(shared: Buffer, epk: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, epk, SEAL_INFO, 32));
}

export function seal(fields: SealedPersonalFields, key: TestSealingKey): SealedBox {
  const eph = generateKeyPairSync('x25519');
  const epk = rawX25519(eph.publicKey);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', aesKey(diffieHellman({ privateKey: eph.privateKey, publicKey: key.publicKey }), epk), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(fields), 'utf8'), cipher.final()]);
  return { alg: SEAL_ALGORITHM, keyId: key.keyId, epk: epk.toString('base64url'), iv: iv.toString('base64url'), tag: cipher.getAuthTag().toString('base64url'), data: data.toString('base64url') };
}

/** The test's stand-in for region-server/sealing/open.ts, with the same signature. */
export function testOpenSealed(box: SealedBox, keys: RegionSealingKeys): SealedPersonalFields {
  const entry = keys.sealing.find((k) => k.keyId === box.keyId);
  if (!entry) throw new Error(`no sealing key ${box.keyId}`);
  const epk = Buffer.from(box.epk, 'base64url');
  const shared = diffieHellman({ privateKey: createPrivateKey(entry.privateKey), publicKey: x25519FromRaw(epk) });
  const decipher = createDecipheriv('aes-256-gcm', aesKey(shared, epk), Buffer.from(box.iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(box.tag, 'base64url'));
  const plain = Buffer.concat([decipher.update(Buffer.from(box.data, 'base64url')), decipher.final()]).toString('utf8');
  return SealedPersonalFields.parse(JSON.parse(plain));
}

export interface ConsoleRegion {
  url: string;
  pool: pg.Pool;
  setupCode: string | null;
  sealing: TestSealingKey;
  close(): Promise<void>;
}

/** `pool`: a migrated database of the caller's (a browser test starts its own cluster); else a fresh one of the suite's. */
export async function startConsoleRegion(options: {
  signingKeyPem?: string | null; distDir?: string; pool?: pg.Pool; withoutSealingKeys?: boolean;
  /** The region's key file (the booking API needs it). */
  keys?: RegionKeys;
} = {}): Promise<ConsoleRegion> {
  const pool = options.pool ?? (await freshDatabase()).pool;
  const sealing = testSealingKey();
  const state = { code: null as string | null };
  const front = createConsoleFront(pool, {
    sealing: options.withoutSealingKeys ? null : { openSealed: testOpenSealed, keys: sealing.keys },
    signingKeyPem: options.signingKeyPem ?? null,
    onSetupCode: (code) => {
      state.code = code;
    },
    ...(options.distDir ? { distDir: options.distDir } : {}),
  });
  await front.start();
  const server = createRegionServer(pool, quiet, { consoleFront: front, ...(options.keys ? { keys: options.keys } : {}) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    pool,
    get setupCode() {
      return state.code;
    },
    sealing,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}

export const TEST_REGION_ADMIN = { name: '李区管', staffNo: 'R001', password: 'Qu-yu-guan-li-2026!' };

export interface ConsoleAnswer {
  status: number;
  body: any; // any: tests read fields of success and error answers alike
  headers: Headers;
}

export async function consoleCall(url: string, method: string, path: string, token: string | null, body?: unknown): Promise<ConsoleAnswer> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  // Kept with its byte-order mark: the CSV export starts with one.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // CSV and pages are not JSON: the text is the body.
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

/** Sets the region up with its first 区域管理员 and answers that session's token. */
export async function setUpAdmin(region: ConsoleRegion): Promise<string> {
  const answer = await consoleCall(region.url, 'POST', '/api/region/console/setup', null, { setupCode: region.setupCode, ...TEST_REGION_ADMIN });
  if (answer.status !== 200) throw new Error(`setup failed: ${JSON.stringify(answer.body)}`);
  return answer.body.token;
}

/** A hall's records as the region receives them (pushed through StandInHall.log). */
export function ratingRecorded(o: {
  ratingId: string; day: string; serviceCode?: string; serviceName?: string; staffId?: string | null; staffName?: string | null;
  score: number; window?: number; sealed?: SealedBox | null; at?: string;
}): Record<string, unknown> {
  const at = o.at ?? `${o.day}T02:00:00.000Z`;
  return {
    ratingId: o.ratingId, ticketId: `t-${o.ratingId}`, ticketNumber: `A${o.ratingId.slice(-3).padStart(3, '0')}`,
    caseNumber: `370883001${o.day.replaceAll('-', '')}0${o.ratingId.slice(-6).padStart(6, '0')}`,
    serviceCode: o.serviceCode ?? '001', serviceName: o.serviceName ?? '参保登记', window: o.window ?? 1,
    staffId: o.staffId === undefined ? '20101' : o.staffId, staffName: o.staffName === undefined ? '王*' : o.staffName,
    score: o.score, reasons: o.score <= 2 ? ['态度不好'] : [], maskedComment: o.score <= 2 ? '等太久，电话 138****0000' : '',
    channel: '窗口评价器', issuedAt: at, finishedAt: at, ratedAt: at, day: o.day, sealed: o.sealed ?? null,
  };
}

export function caseRecorded(o: { caseId: string; ratingId: string; state: string; openedOn: string; dueOn: string; closedOn?: string | null; at?: string }): Record<string, unknown> {
  return { caseId: o.caseId, ratingId: o.ratingId, state: o.state, openedOn: o.openedOn, dueOn: o.dueOn, closedOn: o.closedOn ?? null, by: '赵回访（工号 C01）', at: o.at ?? `${o.openedOn}T03:00:00.000Z` };
}

export function ticketView(o: { id: string; number: string; serviceCode?: string; serviceName?: string; status: string; issuedAt: string; calledAt?: string | null; finishedAt?: string | null; window?: number | null }): Record<string, unknown> {
  return {
    id: o.id, number: o.number, serviceCode: o.serviceCode ?? '001', serviceName: o.serviceName ?? '参保登记', status: o.status, priority: 'normal',
    maskedName: null, issuedAt: o.issuedAt, calledAt: o.calledAt ?? null, startedAt: null, finishedAt: o.finishedAt ?? null, window: o.window ?? null,
    targetWindow: null, callCount: o.calledAt ? 1 : 0, print: 'printed', staffId: null, caseNumber: null,
  };
}
