// Faults of the 1+21+N network survived by the hall's link, against the real processes: a hall-server process, a
// region-server process (SIGKILLed mid-push), real PostgreSQL. Region down while the hall works, then the catch-up
// exactly once and in order; a hall restored from an older backup fenced with a message in both consoles' data and the
// hall's health; hall clocks ±10 min off; a region pack for another level refused by the hall.
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawPublicKey } from '../../content/validate/sign.ts';
import { SYNC_REFUSALS } from '../../protocol/region/sync.ts';
import { loadDemoRegionContent, seedDemoCatalogue } from '../../region-server/catalogue/demo.ts';
import { publishSitePack, saveSiteFile, saveSiteProfile } from '../../region-server/catalogue/store.ts';
import { generateRegionKeyFile, loadRegionKeys, writeRegionKeyFile } from '../../region-server/keys.ts';
import { createEnrolmentCode, createSite } from '../../region-server/sites/enrol.ts';
import { testIdentity } from '../support/citizens.ts';
import { spawnTestHall, startTestHall, type SpawnedHall } from '../support/hall.ts';
import { freePort } from '../support/ports.ts';
import { spawnRegion, type RegionProcess } from '../support/region-process.ts';
import { freshDatabase } from '../support/region.ts';
import { rating, serveAndFinish, terminals } from '../integration/rating-flow.helpers.ts';
import { regionHeldSeqs, waitForLink } from './link-helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'link-faults-'));
const keysFile = join(dir, 'region-keys.json');
let db: { pool: pg.Pool; url: string };
let port = 0;
let region: RegionProcess;
const regionUrl = (): string => `http://127.0.0.1:${port}`;
const startRegion = async (): Promise<RegionProcess> => (region = await spawnRegion(db.url, port, ['--keys-file', keysFile]));

beforeAll(async () => {
  writeRegionKeyFile(keysFile, generateRegionKeyFile());
  db = await freshDatabase();
  port = await freePort();
  await startRegion();
});
afterAll(async () => {
  if (region.child.exitCode === null) await region.stop();
  await db.pool.end();
  rmSync(dir, { recursive: true, force: true });
});

async function enrolledHall(siteId: string, level: 'town' | 'village', extra: { dataDir?: string } = {}): Promise<SpawnedHall> {
  await createSite(db.pool, { id: siteId, name: `${siteId}医保服务点`, level }, 'test');
  const code = await createEnrolmentCode(db.pool, siteId, 'test');
  return spawnTestHall({ ...extra, args: ['--region-url', regionUrl(), '--region-enrol-code', code] });
}

/** The hall's own log, read from its SQLite file: (seq, type) in order. */
function hallLog(dataDir: string): Array<{ seq: number; type: string }> {
  const file = new Database(join(dataDir, 'hall.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return file.prepare('SELECT seq, type FROM events ORDER BY seq').all() as Array<{ seq: number; type: string }>;
  } finally {
    file.close();
  }
}

async function regionLog(siteId: string): Promise<Array<{ seq: number; type: string }>> {
  const rows = await db.pool.query<{ seq: string; type: string }>('SELECT seq, type FROM site_events WHERE site_id = $1 ORDER BY seq', [siteId]);
  return rows.rows.map((r) => ({ seq: Number(r.seq), type: r.type }));
}

async function heldThrough(siteId: string): Promise<number> {
  return Number((await db.pool.query<{ held_through: string }>('SELECT held_through FROM sites WHERE id = $1', [siteId])).rows[0]!.held_through);
}

describe('region down for a day, then SIGKILL of the region during the catch-up', () => {
  let hall: SpawnedHall;
  afterAll(async () => hall.close(true));

  it('serves, issues and rates as usual while the region is away, then holds every event exactly once and in order', { timeout: 240_000 }, async () => {
    hall = await enrolledHall('faults-town', 'town');
    const admin = await hall.admin();
    await waitForLink(hall, admin, (s) => s.siteId === 'faults-town' && s.heldThrough === s.headSeq && s.headSeq > 0);
    await region.stop();
    const t = await terminals(hall, [1]);
    for (let i = 0; i < 6; i++) {
      const ticketId = await serveAndFinish(hall, t, 1, '20101');
      const rated = await hall.api('POST', '/api/windows/1/ratings', rating(`faultsday${String(i).padStart(3, '0')}`, ticketId, i % 3 === 0 ? 2 : 5,
        i % 3 === 0 ? { reasons: ['等候时间过长'], phone: '13900001111', consent: true } : {}), t.pad[1]);
      expect(rated.status).toBe(201);
    }
    // The rest of the day's tickets, a few at a time as kiosks issue them, spread over the hall's items.
    const services = (await hall.api('GET', '/api/queue', undefined, admin)).body.services.map((x: { code: string }) => x.code) as string[];
    for (let round = 0; round < 9; round++) {
      const answers = await Promise.all(services.filter((code) => code !== '212036001003').map((serviceCode, i) => hall.api('POST', '/api/tickets',
        { idempotencyKey: `faults-day-${round}-${i}`, serviceCode, identity: testIdentity() }, t.kiosk)));
      expect(answers.filter((a) => a.status !== 201).map((a) => a.body)).toEqual([]);
    }
    const away = await waitForLink(hall, admin, (s) => s.state === 'retrying');
    expect(away.message).toBe('区域中心暂时连不上，稍后自动重试；本大厅照常办理业务');
    const head = hallLog(hall.dataDir).length;
    expect(head).toBeGreaterThan(away.heldThrough + 200);

    await startRegion();
    await hall.api('POST', '/api/admin/region/refresh', undefined, admin);
    // SIGKILL as soon as the region holds part of the backlog and not all of it.
    for (;;) {
      const held = await heldThrough('faults-town');
      if (held > away.heldThrough) break;
      await new Promise((ok) => setTimeout(ok, 5));
    }
    region.child.kill('SIGKILL');
    await region.exited;
    const partial = await heldThrough('faults-town');
    await startRegion();
    await hall.api('POST', '/api/admin/region/refresh', undefined, admin);
    const done = await waitForLink(hall, admin, (s) => s.state === 'syncing' && s.heldThrough === s.headSeq && s.headSeq >= head);
    expect(await regionLog('faults-town')).toEqual(hallLog(hall.dataDir));
    expect(await regionHeldSeqs(db.pool, 'faults-town')).toEqual(Array.from({ length: done.headSeq }, (_, i) => i + 1));
    expect(partial).toBeLessThanOrEqual(done.headSeq);
  });
});

describe('a hall restored from an older backup', () => {
  it('is fenced, never merged, with the reason in the region\'s site row, the hall\'s console and its health', { timeout: 180_000 }, async () => {
    let hall = await enrolledHall('faults-restore', 'town');
    const admin = await hall.admin();
    await waitForLink(hall, admin, (s) => s.siteId === 'faults-restore' && s.heldThrough === s.headSeq && s.headSeq > 0);
    const dataDir = hall.dataDir;
    await hall.close(false);
    const backup = join(dir, 'backup');
    mkdirSync(backup);
    for (const f of ['hall.sqlite', 'hall.sqlite-wal']) if (existsSync(join(dataDir, f))) copyFileSync(join(dataDir, f), join(backup, f));
    hall = await spawnTestHall({ dataDir });
    const t = await terminals(hall, [1]);
    for (let i = 0; i < 10; i++) {
      await hall.api('POST', '/api/tickets', { idempotencyKey: `restore-${i}`, serviceCode: '212036001003', identity: testIdentity() }, t.kiosk);
    }
    const ahead = await waitForLink(hall, await hall.admin(), (s) => s.heldThrough === s.headSeq);
    await hall.close(false);
    rmSync(join(dataDir, 'hall.sqlite-wal'), { force: true });
    rmSync(join(dataDir, 'hall.sqlite-shm'), { force: true });
    for (const f of ['hall.sqlite', 'hall.sqlite-wal']) if (existsSync(join(backup, f))) copyFileSync(join(backup, f), join(dataDir, f));
    hall = await spawnTestHall({ dataDir });
    const restoredAdmin = await hall.admin();
    const fenced = await waitForLink(hall, restoredAdmin, (s) => s.state === 'fenced');
    expect(fenced.message).toBe(SYNC_REFUSALS.site_fenced);
    expect((await hall.api('GET', '/api/health')).body.region).toMatchObject({ state: 'fenced', siteId: 'faults-restore', message: SYNC_REFUSALS.site_fenced });
    const site = await db.pool.query<{ fenced_at: Date | null; fence_reason: string; held_through: string }>(
      'SELECT fenced_at, fence_reason, held_through FROM sites WHERE id = $1', ['faults-restore']);
    expect(site.rows[0]!.fenced_at).not.toBeNull();
    expect(site.rows[0]!.fence_reason).toMatch(/restored from an older backup|differs from the one the region holds/);
    expect(Number(site.rows[0]!.held_through)).toBe(ahead.heldThrough);
    await hall.close(true);
  });
});

describe('hall clocks ±10 min off', () => {
  it('orders by (site, seq) and records each site\'s skew', { timeout: 120_000 }, async () => {
    for (const [siteId, offsetMin] of [['faults-fast', 10], ['faults-slow', -10]] as const) {
      await createSite(db.pool, { id: siteId, name: `${siteId}点`, level: 'village' }, 'test');
      const hall = await startTestHall({ now: () => new Date(Date.now() + offsetMin * 60_000) });
      const admin = await hall.admin();
      const code = await createEnrolmentCode(db.pool, siteId, 'test');
      expect((await hall.api('POST', '/api/admin/region/enrol', { url: regionUrl(), code }, admin)).status).toBe(200);
      const kiosk = await hall.pair('kiosk');
      for (let i = 0; i < 3; i++) {
        await hall.api('POST', '/api/tickets', { idempotencyKey: `${siteId}-${i}`, serviceCode: '212036001003', identity: testIdentity() }, kiosk);
      }
      const done = await waitForLink(hall, admin, (s) => s.heldThrough === s.headSeq && s.headSeq > 0);
      expect(await regionHeldSeqs(db.pool, siteId)).toEqual(Array.from({ length: done.headSeq }, (_, i) => i + 1));
      const skew = Number((await db.pool.query<{ clock_skew_ms: string }>('SELECT clock_skew_ms FROM sites WHERE id = $1', [siteId])).rows[0]!.clock_skew_ms);
      expect(Math.round(skew / 60_000)).toBe(offsetMin);
      await hall.close(true);
    }
  });
});

describe('a region pack for another level', () => {
  it('is refused by the hall (pack history, audit, console), and the site\'s own pack is then activated', { timeout: 240_000 }, async () => {
    const demo = loadDemoRegionContent();
    await seedDemoCatalogue(db.pool, demo);
    const signingPem = loadRegionKeys(keysFile).signingKeyPem;
    const dataDir = mkdtempSync(join(tmpdir(), 'hall-test-'));
    mkdirSync(join(dataDir, 'packs'), { recursive: true });
    writeFileSync(join(dataDir, 'packs', 'trusted-keys.txt'), `${rawPublicKey(createPublicKey(createPrivateKey(signingPem)))}\n`);
    const hall = await enrolledHall('faults-village', 'village', { dataDir });
    const admin = await hall.admin();
    await waitForLink(hall, admin, (s) => s.siteId === 'faults-village');
    const profile = (level: 'town' | 'village') => ({
      siteId: 'faults-village',
      level,
      hall: {
        name: '东村医保服务点（示例数据）', region: '山东省济宁市邹城市', address: '邹城市东村（示例地址）',
        hours: ['周一至周五 8:30—11:30，13:30—17:00'], consultPhone: '0537-0000101', complaintPhone: '0537-0000102',
        duties: ['受理下放的医保经办事项'], commitments: ['一次性告知'], slogan: '中国医保 一生守护', tidalThreshold: 5, callRepeat: 2,
      },
      windows: [{ number: 1, name: '综合窗口', services: 'all' as const, tidal: false }],
      staff: [{ id: '20101', name: '王*', photo: 'staff/20101.png', partyMember: false, stars: 4 }],
    });
    await saveSiteFile(db.pool, 'faults-village', 'staff/20101.png', demo.photos.get('staff/20101.png')!);
    // A region misconfigured with the wrong level for this site builds a 镇街 pack for a 村居 point.
    await saveSiteProfile(db.pool, profile('town'));
    expect((await publishSitePack(db.pool, 'faults-village', signingPem, 'test')).version).toBe(1);
    await hall.api('POST', '/api/admin/region/refresh', undefined, admin);
    const refused = await waitForLink(hall, admin, (s) => s.packRefusal !== null);
    expect(refused.packRefusal).toBe('区域下发的内容包是为 faults-village（镇街医保服务站）生成的，本大厅是 faults-village（村居医保服务点），已拒收');
    const history = await hall.api('GET', '/api/admin/packs', undefined, admin);
    expect(JSON.stringify(history.body)).toContain('已拒收');
    expect((await hall.api('GET', '/api/health')).body.pack.id).toBe('ln-sample-county');

    await saveSiteProfile(db.pool, profile('village'));
    expect((await publishSitePack(db.pool, 'faults-village', signingPem, 'test')).version).toBe(2);
    await hall.api('POST', '/api/admin/region/refresh', undefined, admin);
    const taken = await waitForLink(hall, admin, (s) => s.packVersion === 2 && s.packRefusal === null);
    expect(taken.packVersion).toBe(2);
    expect((await hall.api('GET', '/api/health')).body.pack).toEqual({ id: 'region-faults-village', version: 2 });
    await hall.close(true);
  });
});
