// The public site page on a phone in real Chromium, served by a real region (throwaway PostgreSQL) from what its sites
// pushed: a live site with waiting per item and windows open, a link to its neighbour's page, a site that never
// reported, one silent for 20 minutes (its last report time, no counts) and an unknown site. At 390×844 and with the
// phone's display size set large (125 %: the page then lays out in 312×675 CSS pixels). The page is large text by
// default (every text >= 36 px), axe clean, every control inside the viewport and none overlapping; screenshots saved.
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCatalogue } from '../../region-server/catalogue/demo.ts';
import { saveSiteProfile } from '../../region-server/catalogue/store.ts';
import { migrate } from '../../region-server/db/migrate.ts';
import { axeViolations, launchBrowser, newTerminalContext, screenshot, textSizes } from '../support/browser.ts';
import { layoutProblems } from '../support/layout.ts';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/postgres.ts';
import { serveRegion, type TestRegion } from '../support/region.ts';
import { reportingSite } from '../support/site-activity.ts';
import { siteProfile } from '../region/site-fixtures.ts';
import { distReady } from './board-helpers.ts';

const SIZES = { normal: { width: 390, height: 844 }, large: { width: 312, height: 675 } } as const;
type Size = keyof typeof SIZES;

let postgres: ThrowawayPostgres;
let pool: pg.Pool;
let region: TestRegion;
let browser: Browser;

function named(id: string, name: string, neighbours?: Array<{ siteId: string; name: string }>) {
  const profile = siteProfile(id, 'town');
  return { ...profile, hall: { ...profile.hall, name, address: `邹城市${name.slice(0, 4)}便民服务中心一楼`, ...(neighbours ? { neighbours } : {}) } };
}

beforeAll(async () => {
  distReady();
  postgres = await startThrowawayPostgres();
  pool = new pg.Pool({ connectionString: postgres.createDatabase('citizen_site_e2e'), max: 4 });
  await migrate(pool);
  region = await serveRegion(pool, { ownPool: false });
  await seedDemoCatalogue(pool);
  const gangshan = await reportingSite(pool, region.url, { id: 'gangshan', name: '钢山街道医保服务站', level: 'town' });
  await saveSiteProfile(pool, named('gangshan', '钢山街道医保服务站', [{ siteId: 'qianquan', name: '千泉街道医保服务站' }, { siteId: 'taiping', name: '太平镇医保服务站' }]));
  await gangshan.report([{ code: '212036001003', name: '居民参保登记', count: 3 }, { code: '212036008001', name: '异地长期居住备案', count: 1 }], 2);
  await reportingSite(pool, region.url, { id: 'qianquan', name: '千泉街道医保服务站', level: 'town' });
  await saveSiteProfile(pool, named('qianquan', '千泉街道医保服务站', [{ siteId: 'gangshan', name: '钢山街道医保服务站' }]));
  const taiping = await reportingSite(pool, region.url, { id: 'taiping', name: '太平镇医保服务站', level: 'town' });
  await saveSiteProfile(pool, named('taiping', '太平镇医保服务站'));
  await taiping.report([{ code: '212036001003', name: '居民参保登记', count: 5 }], 1);
  await pool.query("UPDATE sites SET last_seen_at = $1 WHERE id = 'taiping'", [new Date(Date.now() - 20 * 60_000)]);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await region?.close();
  await pool?.end();
  postgres?.destroy();
});

async function open(size: Size, siteId: string): Promise<Page> {
  const context = await newTerminalContext(browser, SIZES[size]);
  const page = await context.newPage();
  await page.goto(`${region.url}/s/${siteId}`);
  await page.getByTestId('site-status').waitFor();
  return page;
}

/** Top of the page, then scrolled to its end (where its links are): screenshots of both, and the checks there. */
async function checkScreen(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await screenshot(page, `citizen-site-${name}`);
  expect(await axeViolations(page)).toEqual([]);
  expect((await textSizes(page)).filter((t) => t.px < 36)).toEqual([]);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await screenshot(page, `citizen-site-${name}-end`);
  expect(await layoutProblems(page)).toEqual({ outside: [], overlapping: [], squeezed: [] });
  const widest = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(widest).toBeLessThanOrEqual(page.viewportSize()!.width);
}

const text = (page: Page, testId: string) => page.getByTestId(testId).innerText();
/** The element's text lines, without the blank lines between blocks. */
const lines = async (page: Page, testId: string) => (await text(page, testId)).split('\n').map((l) => l.trim()).filter(Boolean);

describe.each(['normal', 'large'] as const)('the site page on a phone (%s display size)', (size) => {
  it('a live site: waiting per item, windows open, hours; its neighbour one tap away, which never reported', async () => {
    const page = await open(size, 'gangshan');
    await page.getByTestId('site-items').waitFor();
    expect(await page.locator('h1').innerText()).toBe('钢山街道医保服务站');
    expect(await lines(page, 'site-status')).toEqual(['现在等候 4 人', '2 个窗口正在办理', expect.stringMatching(/^更新于 \d{1,2}:\d{2}$/)]);
    expect(await lines(page, 'site-items')).toEqual(['居民参保登记', '3 人', '异地长期居住备案', '1 人']);
    const hours = await lines(page, 'site-hours');
    expect(hours[0]).toMatch(/^(正在办理，.+ 停止取号|现在不办理，.+ 开始办理)$/);
    expect(hours.slice(1)).toEqual(['周一至周五 8:30—11:30，13:30—17:00']);
    expect(await page.title()).toBe('钢山街道医保服务站');
    await checkScreen(page, `live-${size}`);

    await page.getByRole('link', { name: '千泉街道医保服务站' }).tap();
    await page.waitForURL(/\/s\/qianquan$/);
    await expect.poll(() => page.locator('h1').innerText()).toBe('千泉街道医保服务站');
    expect(await lines(page, 'site-status')).toEqual(['暂无实时数据', '该站点尚未上报数据', '等候人数暂不可知，请以现场为准']);
    expect(await page.getByTestId('site-items').count()).toBe(0);
    await checkScreen(page, `never-reported-${size}`);
    await page.context().close();
  });

  it('a site silent for 20 minutes: the time of its last report, no counts', async () => {
    const page = await open(size, 'taiping');
    await expect.poll(() => page.locator('h1').innerText()).toBe('太平镇医保服务站');
    const said = await lines(page, 'site-status');
    expect(said[0]).toBe('暂无实时数据');
    expect(said[1]).toMatch(/^该站点最后更新于(今天 |\d+月\d+日（周.）)\d{1,2}:\d{2}$/);
    expect(said[2]).toBe('等候人数暂不可知，请以现场为准');
    expect(await page.getByTestId('site-items').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain('5 人');
    await checkScreen(page, `silent-${size}`);
    await page.context().close();
  });

  it('an unknown site: a clear message', async () => {
    const page = await open(size, 'nowhere');
    expect(await text(page, 'site-status')).toBe('没有找到这个服务站点');
    await checkScreen(page, `unknown-${size}`);
    await page.context().close();
  });
});
