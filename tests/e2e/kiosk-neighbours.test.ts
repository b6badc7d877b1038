// The kiosk home with its neighbours (1080×1920, normal and 长辈模式): the sample pack names the two nearest sites, the
// hall is enrolled at a real region (throwaway PostgreSQL) where one neighbour reports 4 waiting and the other never
// reported; the home shows "等候 4 人" and "暂无数据" in a quiet strip under the items. Once the region is unreachable
// and the hall's last answer is old, both say 暂无数据 — never an old number as current. Layout, axe, sizes, screenshots.
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../region-server/db/migrate.ts';
import { createEnrolmentCode, createSite } from '../../region-server/sites/enrol.ts';
import { layoutProblems } from '../support/layout.ts';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/postgres.ts';
import { serveRegion, type TestRegion } from '../support/region.ts';
import { reportingSite } from '../support/site-activity.ts';
import { checkScreen, startKioskRig, type KioskRig } from './kiosk-helpers.ts';

let postgres: ThrowawayPostgres;
let pool: pg.Pool;
let region: TestRegion;
let rig: KioskRig;
let admin: string;
/** The hall's clock runs this far ahead of real time once the test moves it on. */
let ahead = 0;

beforeAll(async () => {
  postgres = await startThrowawayPostgres();
  pool = new pg.Pool({ connectionString: postgres.createDatabase('kiosk_neighbours_e2e'), max: 4 });
  await migrate(pool);
  region = await serveRegion(pool, { ownPool: false });
  const gangshan = await reportingSite(pool, region.url, { id: 'gangshan', name: '钢山街道医保服务站', level: 'town' });
  await gangshan.report([{ code: '212036001003', name: '居民参保登记', count: 3 }, { code: '212036008001', name: '异地长期居住备案', count: 1 }], 2);
  await createSite(pool, { id: 'qianquan', name: '千泉街道医保服务站', level: 'town' }, 'test');
  await createSite(pool, { id: 'dongcheng', name: '东城镇医保服务站', level: 'town' }, 'test');
  rig = await startKioskRig({ hall: { now: () => new Date(Date.now() + ahead) } });
  admin = await rig.hall.admin();
  const code = await createEnrolmentCode(pool, 'dongcheng', 'test');
  expect((await rig.hall.api('POST', '/api/admin/region/enrol', { url: region.url, code }, admin)).status).toBe(200);
});

afterAll(async () => {
  await rig?.close();
  await region?.close();
  await pool?.end();
  postgres?.destroy();
});

const said = (page: Page, siteId: string) => page.getByTestId(`neighbour-${siteId}`).innerText();

async function checkHome(page: Page, name: string, mode: 'normal' | 'senior'): Promise<void> {
  await checkScreen(page, name, mode);
  expect(await layoutProblems(page)).toEqual({ outside: [], overlapping: [], squeezed: [] });
}

describe.each(['normal', 'senior'] as const)('the kiosk home with its neighbours (%s)', (mode) => {
  it('shows the nearest sites\' waiting counts, and 暂无数据 for one that never reported', async () => {
    expect((await rig.hall.api('POST', '/api/admin/region/refresh', undefined, admin)).status).toBe(200);
    const { page, context } = await rig.open(mode);
    await expect.poll(() => said(page, 'gangshan'), { timeout: 60_000 }).toBe('钢山街道医保服务站\n等候 4 人');
    expect(await said(page, 'qianquan')).toBe('千泉街道医保服务站\n暂无数据');
    expect(await page.getByTestId('neighbours').getByRole('heading').innerText()).toBe('附近站点等候人数');
    await checkHome(page, 'home-neighbours', mode);
    await context.close();
  });
});

describe('the region unreachable', () => {
  it('once the hall\'s last answer is old, no numbers: 暂无数据 for both', async () => {
    const { page, context } = await rig.open('normal');
    await expect.poll(() => said(page, 'gangshan'), { timeout: 60_000 }).toBe('钢山街道医保服务站\n等候 4 人');
    await region.close();
    ahead = 4 * 60_000;
    expect((await rig.hall.api('POST', '/api/admin/region/refresh', undefined, admin)).status).toBe(200);
    await expect.poll(() => said(page, 'gangshan'), { timeout: 60_000 }).toBe('钢山街道医保服务站\n暂无数据');
    expect(await said(page, 'qianquan')).toBe('千泉街道医保服务站\n暂无数据');
    await checkHome(page, 'home-neighbours-unreachable', 'normal');
    await context.close();
  });
});
