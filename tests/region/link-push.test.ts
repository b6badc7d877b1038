// The hall's side of the region link, in-process hall against a real region on real PostgreSQL: enrolment from the
// console, the durable log pushed exactly once by (site, seq) and in order, rating records sealed to the region's key
// and sent to no socket, tickets issued while the region is down, and the catch-up from the persisted cursor.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_REFUSALS } from '../../protocol/region/sync.ts';
import { generateRegionKeyFile, loadRegionKeys, writeRegionKeyFile, type RegionKeys } from '../../region-server/keys.ts';
import { openSealed } from '../../region-server/sealing/open.ts';
import { createEnrolmentCode, createSite } from '../../region-server/sites/enrol.ts';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { freePort } from '../support/ports.ts';
import { freshDatabase, startTestRegion, type TestRegion } from '../support/region.ts';
import { rating, serveAndFinish, terminals, type Terminals } from '../integration/rating-flow.helpers.ts';
import { testIdentity } from '../support/citizens.ts';
import { regionHeldSeqs, waitForLink } from './link-helpers.ts';

const keyDir = mkdtempSync(join(tmpdir(), 'link-push-'));
let keys: RegionKeys;
let pool: pg.Pool;
let port = 0;
let region: TestRegion | null = null;
let hall: TestHall;
let t: Terminals;
const regionLog: string[] = [];
/** The ID number of the rated ticket's citizen, as the sealed box carried it. */
let ratedIdNumber = '';
const log = {
  info: (message: string, fields?: Record<string, unknown>) => void regionLog.push(JSON.stringify({ message, ...fields })),
  warn: (message: string, fields?: Record<string, unknown>) => void regionLog.push(JSON.stringify({ message, ...fields })),
  error: (message: string, fields?: Record<string, unknown>) => void regionLog.push(JSON.stringify({ message, ...fields })),
};

beforeAll(async () => {
  writeRegionKeyFile(join(keyDir, 'region-keys.json'), generateRegionKeyFile());
  keys = loadRegionKeys(join(keyDir, 'region-keys.json'));
  pool = (await freshDatabase()).pool;
  port = await freePort();
  region = await startTestRegion({ keys, pool, port, log });
  await createSite(pool, { id: 'xicheng', name: '西城镇医保服务站', level: 'town' }, 'test');
  hall = await startTestHall();
  t = await terminals(hall, [1]);
});
afterAll(async () => {
  await hall.close(true);
  await region?.close();
  await pool.end();
  rmSync(keyDir, { recursive: true, force: true });
});

const regionUrl = (): string => `http://127.0.0.1:${port}`;

describe('enrolment from the console', () => {
  it('refuses a wrong code with the region\'s message and enrols with a good one', async () => {
    const admin = await hall.admin();
    const before = await hall.api('GET', '/api/admin/region', undefined, admin);
    expect(before.body).toMatchObject({ state: 'not_enrolled', siteId: null, sealing: false });
    const wrong = await hall.api('POST', '/api/admin/region/enrol', { url: regionUrl(), code: 'AAAA-BBBB-CCCC' }, admin);
    expect(wrong.status).toBe(422);
    expect(wrong.body.error).toEqual({ code: 'bad_enrolment_code', message: '注册码无效、已使用或已过期，请向区域管理员索取新的注册码' });
    const unreachable = await hall.api('POST', '/api/admin/region/enrol', { url: 'http://127.0.0.1:9', code: 'AAAA-BBBB-CCCC' }, admin);
    expect(unreachable.body.error).toEqual({ code: 'region_unreachable', message: '连不上区域中心，请检查地址和网络后重试' });
    const code = await createEnrolmentCode(pool, 'xicheng', 'test');
    const enrolled = await hall.api('POST', '/api/admin/region/enrol', { url: regionUrl(), code: code.toLowerCase() }, admin);
    expect(enrolled.status).toBe(200);
    expect(enrolled.body).toMatchObject({ siteId: 'xicheng', siteName: '西城镇医保服务站', level: 'town', sealing: true, regionUrl: regionUrl() });
    const site = await pool.query<{ public_key: string }>('SELECT public_key FROM sites WHERE id = $1', ['xicheng']);
    expect(site.rows[0]!.public_key).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('the push', () => {
  it('sends the whole log exactly once and in order, with the rating record sealed and sent to no socket', async () => {
    const admin = await hall.admin();
    const socket = await hall.socket(admin);
    const ticketId = await serveAndFinish(hall, t, 1, '20101');
    const rated = await hall.api('POST', '/api/windows/1/ratings',
      rating('linkrating01', ticketId, 1, { reasons: ['等候时间过长'], comment: '电话 13912345678 打不通', phone: '13900001111', consent: true }), t.pad[1]);
    expect(rated.status).toBe(201);
    const link = await waitForLink(hall, admin, (s) => s.headSeq > 0 && s.heldThrough === s.headSeq);
    expect(await regionHeldSeqs(pool, 'xicheng')).toEqual(Array.from({ length: link.heldThrough }, (_, i) => i + 1));
    const records = await pool.query<{ type: string; data: any }>( // any: the stored event data, asserted field by field
      "SELECT type, data FROM site_events WHERE site_id = 'xicheng' AND type LIKE 'rating.%recorded' ORDER BY seq",
    );
    expect(records.rows.map((r) => r.type)).toEqual(['rating.recorded', 'rating.case.recorded']);
    const record = records.rows[0]!.data;
    expect(record).toMatchObject({ ratingId: 'linkrating01', score: 1, channel: '窗口评价器', maskedComment: '电话 139****5678 打不通' });
    expect(JSON.stringify(record)).not.toContain('13900001111');
    const opened = openSealed(record.sealed, keys.sealing);
    expect(opened).toEqual({ name: testIdentity().name, phone: '13900001111', comment: '电话 13912345678 打不通', idType: '111', idNumber: expect.stringMatching(/^210102\d{11}[\dX]$/) });
    ratedIdNumber = opened.idNumber!;
    expect(records.rows[1]!.data).toMatchObject({ ratingId: 'linkrating01', state: '待回访', by: '系统（差评自动立案）', closedOn: null });
    expect(socket.messages.some((m) => m.type === 'event' && m.event?.type === 'rating.stored')).toBe(true);
    expect(socket.messages.filter((m) => /recorded/.test(JSON.stringify(m)))).toEqual([]);
    socket.close();
    const health = await hall.api('GET', '/api/health');
    expect(health.body.region).toEqual({ state: 'syncing', siteId: 'xicheng', heldThrough: link.heldThrough, headSeq: link.headSeq, message: null });
  });

  it('lets no clear ID number, name or phone reach any table of the region\'s database or its log', async () => {
    const idNumber = ratedIdNumber;
    const { name } = testIdentity();
    const tables = await pool.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'");
    expect(tables.rows.length).toBeGreaterThan(10);
    for (const { table_name } of tables.rows) {
      const rows = await pool.query<{ row: string }>(`SELECT t::text AS row FROM ${table_name} t`);
      const text = rows.rows.map((r) => r.row).join('\n');
      for (const secret of [idNumber, name, '13900001111']) expect(text.includes(secret), `${table_name} holds ${secret === idNumber ? 'the ID number' : 'a personal field'}`).toBe(false);
    }
    expect(regionLog.length).toBeGreaterThan(0);
    for (const secret of [idNumber, name, '13900001111']) expect(regionLog.join('\n')).not.toContain(secret);
  });

  it('issues tickets as usual while the region is down, then catches up from its cursor exactly once', async () => {
    const admin = await hall.admin();
    await region!.close();
    region = null;
    const before = (await waitForLink(hall, admin, () => true)).heldThrough;
    for (let i = 0; i < 20; i++) {
      const issued = await hall.api('POST', '/api/tickets', { idempotencyKey: `link-down-${i}`, serviceCode: '212036001003', identity: testIdentity() }, t.kiosk);
      expect(issued.status).toBe(201);
    }
    const down = await waitForLink(hall, admin, (s) => s.state === 'retrying');
    expect(down.message).toBe('区域中心暂时连不上，稍后自动重试；本大厅照常办理业务');
    expect(down.heldThrough).toBe(before);
    region = await startTestRegion({ keys, pool, port });
    const back = await waitForLink(hall, admin, (s) => s.state === 'syncing' && s.heldThrough === s.headSeq);
    expect(await regionHeldSeqs(pool, 'xicheng')).toEqual(Array.from({ length: back.heldThrough }, (_, i) => i + 1));
    expect(back.message).toBeNull();
  });
});

describe('refusals', () => {
  it('stops pushing when the region fences the site and shows the region\'s message in the console and the health answer', async () => {
    const admin = await hall.admin();
    await pool.query("UPDATE sites SET fenced_at = now(), fence_reason = 'test' WHERE id = 'xicheng'");
    await hall.api('POST', '/api/tickets', { idempotencyKey: 'link-fenced-1', serviceCode: '212036001003', identity: testIdentity() }, t.kiosk);
    const fenced = await waitForLink(hall, admin, (s) => s.state === 'fenced');
    expect(fenced.message).toBe(SYNC_REFUSALS.site_fenced);
    expect((await hall.api('GET', '/api/health')).body.region).toMatchObject({ state: 'fenced', message: SYNC_REFUSALS.site_fenced });
    const audit = await hall.api('GET', '/api/admin/audit?action=region.push_stopped', undefined, admin);
    expect(JSON.stringify(audit.body)).toContain('site_fenced');
  });
});
