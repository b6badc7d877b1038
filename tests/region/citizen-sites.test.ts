// The public site page's API at the region (real PostgreSQL): waiting per item and windows open come from the events a
// site pushed; hours from the catalogue's issuing hours for the site's level and the region's calendar; a site silent
// for over 15 minutes answers the time of its last report and no counts; an unknown site is 404; the page's API is
// cached briefly and throttled. A real hall enrolled at the region fetches its neighbours' counts over the signed link
// and publishes them for its kiosk — and withdraws them when the region is unreachable and its answer grows old.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCatalogue } from '../../region-server/catalogue/demo.ts';
import { saveSiteProfile } from '../../region-server/catalogue/store.ts';
import { SiteNowReader } from '../../region-server/citizen/site-now.ts';
import { regionOpenApi } from '../../region-server/console/openapi.ts';
import { createEnrolmentCode, createSite } from '../../region-server/sites/enrol.ts';
import { SILENT_AFTER_MS, UNKNOWN_SITE_MESSAGE, siteNowPath } from '../../protocol/citizen/site-now.ts';
import type { HallModule } from '../../hall-server/core/module.ts';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { freshDatabase, serveRegion, type TestRegion } from '../support/region.ts';
import { reportingSite, type ReportingSite } from '../support/site-activity.ts';
import { siteProfile } from './site-fixtures.ts';
import { waitForLink } from './link-helpers.ts';

let pool: pg.Pool;
let region: TestRegion;
let gangshan: ReportingSite;

beforeAll(async () => {
  pool = (await freshDatabase()).pool;
  region = await serveRegion(pool, { ownPool: false });
  await seedDemoCatalogue(pool);
  gangshan = await reportingSite(pool, region.url, { id: 'gangshan', name: '钢山街道医保服务站', level: 'town' });
  await saveSiteProfile(pool, {
    ...siteProfile('gangshan', 'town'),
    hall: { ...siteProfile('gangshan', 'town').hall, name: '钢山街道医保服务站', neighbours: [{ siteId: 'qianquan', name: '千泉街道医保服务站' }] },
  });
  await createSite(pool, { id: 'qianquan', name: '千泉街道医保服务站', level: 'town' }, 'test');
});
afterAll(async () => {
  await region.close();
  await pool.end();
});

async function site(id: string): Promise<{ status: number; body: any; cache: string | null }> { // any: the test reads fields freely
  const res = await fetch(`${region.url}${siteNowPath(id)}`);
  return { status: res.status, body: await res.json(), cache: res.headers.get('cache-control') };
}

describe('the site page\'s API at the region', () => {
  it('counts waiting per item and windows open from the pushed events; the profile\'s name, hours and neighbours', async () => {
    await gangshan.report([{ code: '212036001003', name: '居民参保登记', count: 3 }, { code: '212036008001', name: '异地长期居住备案', count: 1 }], 2);
    const res = await site('gangshan');
    expect(res.status).toBe(200);
    expect(res.cache).toBe('public, max-age=5');
    expect(res.body).toMatchObject({
      siteId: 'gangshan', name: '钢山街道医保服务站', levelName: '镇街医保服务站', address: '邹城市gangshan（示例地址）',
      hours: ['周一至周五 8:30—11:30，13:30—17:00'], live: true, windowsOpen: 2,
      waiting: [{ itemName: '居民参保登记', waiting: 3 }, { itemName: '异地长期居住备案', waiting: 1 }],
      neighbours: [{ siteId: 'qianquan', name: '千泉街道医保服务站' }],
    });
    expect(Date.now() - Date.parse(res.body.lastReportAt)).toBeLessThan(60_000);
  });

  it('hours from the catalogue\'s issuing hours and the region calendar: open until 11:20, after it 13:00, 国庆节 until the 8th', async () => {
    const reader = new SiteNowReader(pool);
    const at = (local: string) => new Date(`${local}:00+08:00`);
    const [open] = await reader.read(['gangshan'], at('2026-11-02T10:00'));
    expect([open!.open, open!.closesAt, open!.opensAt]).toEqual([true, at('2026-11-02T11:20').toISOString(), null]);
    const [lunch] = await reader.read(['gangshan'], at('2026-11-02T12:00'));
    expect([lunch!.open, lunch!.opensAt]).toEqual([false, at('2026-11-02T13:00').toISOString()]);
    const [holiday] = await reader.read(['gangshan'], at('2026-10-01T10:00'));
    expect([holiday!.open, holiday!.opensAt]).toEqual([false, at('2026-10-08T08:30').toISOString()]);
  });

  it('a site silent for over 15 minutes: its last report time and no counts; one that never reported likewise', async () => {
    const reader = new SiteNowReader(pool);
    const last = (await pool.query<{ at: Date }>("SELECT last_seen_at AS at FROM sites WHERE id = 'gangshan'")).rows[0]!.at;
    const [justLive] = await reader.read(['gangshan'], new Date(last.getTime() + SILENT_AFTER_MS));
    expect(justLive).toMatchObject({ live: true, windowsOpen: 2 });
    const [silent] = await reader.read(['gangshan'], new Date(last.getTime() + SILENT_AFTER_MS + 1));
    expect(silent).toMatchObject({ live: false, lastReportAt: last.toISOString(), windowsOpen: null, waiting: [] });
    const never = await site('qianquan');
    expect(never.body).toMatchObject({ siteId: 'qianquan', name: '千泉街道医保服务站', live: false, lastReportAt: null, windowsOpen: null, waiting: [], neighbours: [] });
  });

  it('an unknown or malformed site: 404 with a Chinese message', async () => {
    for (const id of ['nowhere', 'Bad_Id']) {
      const res = await site(id);
      expect([res.status, res.body.error.message]).toEqual([404, UNKNOWN_SITE_MESSAGE]);
    }
  });

  it('is declared in the region\'s API reference (public), with the signed neighbours\' GET', () => {
    const paths = (regionOpenApi() as { paths: Record<string, Record<string, { 'x-roles': string }>> }).paths;
    expect(paths['/api/citizen/sites/{siteId}']!['get']!['x-roles']).toBe('public');
    expect(paths['/api/region/sites/{id}/neighbours']!['get']!['x-roles']).toBe('site');
  });

  it('throttles an address past 60 requests a minute: 429 with Retry-After and a Chinese message (answers meanwhile come from the 5 s cache)', async () => {
    let last = await site('gangshan');
    for (let i = 0; i < 60 && last.status === 200; i++) last = await site('gangshan');
    expect(last.status).toBe(429);
    expect(last.body.error.message).toMatch(/^查询过于频繁，请 \d+ 秒后再试$/);
    const refused = await fetch(`${region.url}${siteNowPath('gangshan')}`);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses an unsigned neighbours request', async () => {
    const res = await fetch(`${region.url}/api/region/sites/gangshan/neighbours?sites=qianquan`);
    expect(res.status).toBe(401);
  });
});

describe('the kiosk home\'s neighbours, fetched by a real hall over its link', () => {
  let hall: TestHall;
  let modules: HallModule[] = [];
  let now = Date.now();
  const part = () => modules.find((m) => m.name === 'neighbours')!.snapshot!({ id: 'k', role: 'kiosk', window: null, name: '取号机' });

  beforeAll(async () => {
    await createSite(pool, { id: 'dongcheng', name: '东城镇医保服务站', level: 'town' }, 'test');
    hall = await startTestHall({ now: () => new Date(now), onModules: (m) => (modules = m) });
  });
  afterAll(async () => {
    await hall?.close(true);
  });

  it('shows nothing before enrolment; after it, the two neighbours the sample pack names: a count, and 暂无数据 for a silent one', async () => {
    expect(part()).toEqual({ sites: [] });
    const admin = await hall.admin();
    const code = await createEnrolmentCode(pool, 'dongcheng', 'test');
    expect((await hall.api('POST', '/api/admin/region/enrol', { url: region.url, code }, admin)).status).toBe(200);
    await waitForLink(hall, admin, (s) => s.headSeq > 0 && s.heldThrough === s.headSeq);
    expect((await hall.api('POST', '/api/admin/region/refresh', undefined, admin)).status).toBe(200);
    // The refresh after the enrolment's first push may be the one that ran: wait on the state, not on a refresh.
    await expect.poll(part, { timeout: 30_000 }).toEqual({
      sites: [
        { siteId: 'gangshan', name: '钢山街道医保服务站', state: 'waiting', waiting: 4 },
        { siteId: 'qianquan', name: '千泉街道医保服务站', state: 'none', waiting: null },
      ],
    });
  });

  it('follows a change at the next pull, and withdraws the numbers once the region is unreachable and the answer old', async () => {
    await gangshan.report([{ code: '212036001003', name: '居民参保登记', count: 2 }], 2);
    const admin = await hall.admin();
    expect((await hall.api('POST', '/api/admin/region/refresh', undefined, admin)).status).toBe(200);
    await expect.poll(() => (part() as { sites: Array<{ waiting: number | null }> }).sites[0]!.waiting, { timeout: 30_000 }).toBe(6);
    await region.close();
    now += 60_000;
    expect((await hall.api('POST', '/api/admin/region/refresh', undefined, admin)).status).toBe(200);
    expect((part() as { sites: Array<{ waiting: number | null }> }).sites[0]!.waiting).toBe(6);
    now += 3 * 60_000;
    expect((await hall.api('POST', '/api/admin/region/refresh', undefined, admin)).status).toBe(200);
    expect(part()).toEqual({
      sites: [
        { siteId: 'gangshan', name: '钢山街道医保服务站', state: 'none', waiting: null },
        { siteId: 'qianquan', name: '千泉街道医保服务站', state: 'none', waiting: null },
      ],
    });
  });
});
