// The region console in real Chromium against a region-server on a real PostgreSQL 15: first-run setup, the network
// page with a fenced site and a device fault, drill-down to a site's day and its 示范点自查, satisfaction, 差评 cases
// overdue first, enrolment with a code shown once, the catalogue editor and publish, the export; axe on every page,
// every control inside the viewport and none overlapping, screenshots at 1920×1080 and 1280×800.
import { resolve } from 'node:path';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair } from '../../content/validate/sign.ts';
import type { SiteProfile } from '../../protocol/region/catalogue.ts';
import { seedDemoCatalogue, loadDemoRegionContent } from '../../region-server/catalogue/demo.ts';
import { saveSiteFile, saveSiteProfile } from '../../region-server/catalogue/store.ts';
import { migrate } from '../../region-server/db/migrate.ts';
import { createEnrolmentCode, createSite } from '../../region-server/sites/enrol.ts';
import { axeViolations, launchBrowser, newTerminalContext, screenshot } from '../support/browser.ts';
import { layoutProblems } from '../support/layout.ts';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/postgres.ts';
import { StandInHall } from '../support/region.ts';
import { caseRecorded, ratingRecorded, startConsoleRegion, TEST_REGION_ADMIN, ticketView, type ConsoleRegion } from '../support/region-console.ts';

const SIZES = [{ width: 1920, height: 1080 }, { width: 1280, height: 800 }] as const;
const DIST = resolve(import.meta.dirname, '../../dist');

let postgres: ThrowawayPostgres;
let pool: pg.Pool;
let region: ConsoleRegion;
let browser: Browser;
const pages: Page[] = [];

function append(hall: StandInHall, type: string, data: unknown, at: string): void {
  hall.log.push({ seq: hall.log.length + 1, type, at, data });
}

async function site(id: string, name: string, level: 'city' | 'town' | 'village'): Promise<StandInHall> {
  await createSite(pool, { id, name, level }, 'test');
  const hall = new StandInHall(region.url);
  await hall.enrol(await createEnrolmentCode(pool, id, 'test'), name);
  return hall;
}

function profile(siteId: string, level: 'city' | 'town' | 'village'): SiteProfile {
  return {
    siteId, level,
    hall: {
      name: `${siteId}（示例数据）`, region: '山东省济宁市邹城市', address: '邹城市（示例地址）', hours: ['周一至周五 8:30—17:00'],
      consultPhone: '0537-0000101', complaintPhone: '0537-0000102', duties: ['受理医保经办事项'], commitments: ['一次性告知'],
      slogan: '中国医保 一生守护', tidalThreshold: 5, callRepeat: 2,
    },
    windows: [{ number: 1, name: '综合窗口', services: 'all', tidal: false }],
    staff: [{ id: '20101', name: '王*', photo: 'staff/20101.png', partyMember: false, stars: 4 }],
  };
}

async function seedNetwork(): Promise<void> {
  const demo = loadDemoRegionContent();
  await seedDemoCatalogue(pool, demo);
  const now = Date.now();
  const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
  const today = new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
  const month = today.slice(0, 7);
  const city = await site('city-centre', '邹城市医疗保障服务中心', 'city');
  append(city, 'queue.changed', { services: [{ code: '001', name: '参保登记', prefix: 'A', waiting: 7, issuedToday: 40, dailyCap: null, open: true, closedReason: null }] }, at(2));
  append(city, 'window.changed', { window: { number: 1, name: '1号窗口', services: ['001'], group: 'g', tidal: false, paused: false, staffId: '20101', staffName: '王*', current: null, held: [], recallCooldownUntil: null, undoable: null } }, at(2));
  append(city, 'ticket.issued', { ticket: ticketView({ id: 'k1', number: 'A001', status: 'waiting', issuedAt: at(30) }) }, at(30));
  append(city, 'ticket.updated', { ticket: ticketView({ id: 'k1', number: 'A001', status: 'called', issuedAt: at(30), calledAt: at(18), window: 1 }), action: 'call' }, at(18));
  for (let i = 1; i <= 9; i++) append(city, 'rating.recorded', ratingRecorded({ ratingId: `c00000${i}`, day: today, score: i === 9 ? 1 : 5, at: at(20 - i) }), at(20 - i));
  append(city, 'rating.case.recorded', caseRecorded({ caseId: 'cc1', ratingId: 'c000009', state: '待回访', openedOn: `${month}-01`, dueOn: `${month}-01` }), at(10));
  append(city, 'inspection.reported', {
    month, hallName: '邹城市医疗保障服务中心', packVersion: 3, generatedAt: at(9), passed: 1, failed: 1, indicators: [
      { id: 'channels', clause: '示范点指标 9 · 服务渠道', title: '开通服务渠道', target: '至少 4 种：窗口、网络、电话、移动终端', figure: '5 种（窗口办理、网上办理、掌上办理、电话办理、自助办理）', status: 'pass', detail: '' },
      { id: 'satisfaction', clause: '示范点指标 19 · 满意度', title: '月度满意率', target: '不低于 90%', figure: '88.9%（9 次评价，差评 1 次）', status: 'fail', detail: '满意率低于目标，请在整改记录中制定措施' },
    ],
  }, at(9));
  await city.push(1, city.log.length);
  const town = await site('town-xiangyang', '向阳镇街医保服务站', 'town');
  append(town, 'terminal.seen', { terminal: { id: 'kiosk-1', role: 'kiosk', window: null, name: '取号机', pairedAt: at(60), lastSeen: at(5), online: true, packVersion: 1,
    devices: [{ device: '热敏打印机', state: 'degraded', reason: '缺纸' }], revoked: false } }, at(5));
  append(town, 'rating.recorded', ratingRecorded({ ratingId: 't000001', day: today, score: 2, staffId: '30101', staffName: '李*', at: at(4) }), at(4));
  append(town, 'rating.case.recorded', caseRecorded({ caseId: 'ct1', ratingId: 't000001', state: '待回访', openedOn: today, dueOn: '2099-01-05' }), at(4));
  await town.push(1, town.log.length);
  const village = await site('village-dongcun', '东村村居医保服务点', 'village');
  append(village, 'queue.changed', { services: [{ code: '001', name: '参保登记', prefix: 'A', waiting: 1, issuedToday: 3, dailyCap: null, open: true, closedReason: null }] }, at(1));
  await village.push(1, 1);
  await pool.query("UPDATE sites SET fenced_at = now(), fence_reason = '事件序号回退（大厅从旧备份恢复）' WHERE id = 'village-dongcun'");
  await pool.query("UPDATE sites SET clock_skew_ms = 480000 WHERE id = 'town-xiangyang'");
  for (const [id, level] of [['city-centre', 'city'], ['town-xiangyang', 'town']] as const) {
    await saveSiteProfile(pool, profile(id, level));
    await saveSiteFile(pool, id, 'staff/20101.png', demo.photos.get('staff/20101.png')!);
  }
}

async function checkPage(page: Page, name: string, size: { width: number; height: number }): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  expect(await layoutProblems(page)).toEqual({ outside: [], overlapping: [], squeezed: [] });
  await screenshot(page, `region-${name}-${size.width}x${size.height}`);
}

beforeAll(async () => {
  postgres = await startThrowawayPostgres();
  pool = new pg.Pool({ connectionString: postgres.createDatabase('region_console_e2e'), max: 6 });
  await migrate(pool);
  region = await startConsoleRegion({ pool, distDir: DIST, signingKeyPem: generateKeyPair().privateKeyPem });
  await seedNetwork();
  browser = await launchBrowser();
  for (const size of SIZES) pages.push(await (await newTerminalContext(browser, size)).newPage());
});
afterAll(async () => {
  await browser?.close();
  await region?.close();
  postgres?.destroy();
});

describe('region console', () => {
  it('first run asks for the setup code, then opens the network page', async () => {
    const page = pages[0]!;
    await page.goto(`${region.url}/region/`);
    await page.getByRole('heading', { name: '区域管理台 · 首次设置' }).waitFor();
    await checkPage(page, 'setup', SIZES[0]);
    await page.getByLabel('设置码').fill(region.setupCode!);
    await page.getByLabel('姓名').fill(TEST_REGION_ADMIN.name);
    await page.getByLabel('工号').fill(TEST_REGION_ADMIN.staffNo);
    await page.getByLabel('密码').fill(TEST_REGION_ADMIN.password);
    await page.getByRole('button', { name: '创建账号并登录' }).click();
    await page.getByRole('heading', { name: '站点一览' }).waitFor();
    const small = pages[1]!;
    await small.goto(`${region.url}/region/`);
    await small.getByRole('heading', { name: '区域管理台 · 登录' }).waitFor();
    await small.getByLabel('工号').fill(TEST_REGION_ADMIN.staffNo);
    await small.getByLabel('密码').fill(TEST_REGION_ADMIN.password);
    await small.getByRole('button', { name: '登录' }).click();
    await small.getByRole('heading', { name: '站点一览' }).waitFor();
  });

  it('shows every site with waiting, faults, pack, lag and the fenced and skew warnings', async () => {
    for (const [i, page] of pages.entries()) {
      const village = page.getByRole('row', { name: /东村村居医保服务点/ });
      await village.waitFor();
      expect(await village.textContent()).toContain('已隔离：事件序号回退（大厅从旧备份恢复）');
      const town = page.getByRole('row', { name: /向阳镇街医保服务站/ });
      expect(await town.textContent()).toContain('取号机：热敏打印机（缺纸）');
      expect(await town.textContent()).toContain('时钟偏差 快 8 分钟');
      const city = page.getByRole('row', { name: /邹城市医疗保障服务中心/ });
      expect(await city.textContent()).toMatch(/市医疗保障服务中心.*7.*1 \/ 1/);
      await checkPage(page, 'network', SIZES[i]!);
    }
  });

  it('drills down to one site’s day', async () => {
    for (const [i, page] of pages.entries()) {
      await page.getByRole('link', { name: '邹城市医疗保障服务中心' }).click();
      await page.getByRole('heading', { name: /^邹城市医疗保障服务中心 · / }).waitFor();
      expect(await page.getByRole('row', { name: /A001/ }).first().textContent()).toContain('12 分钟');
      await page.getByRole('heading', { name: '示范点自查' }).waitFor();
      const satisfaction = page.getByRole('row', { name: /月度满意率/ });
      await satisfaction.waitFor();
      expect(await satisfaction.textContent()).toContain('未达标');
      expect(await page.getByRole('table', { name: /示范点自查结果/ }).locator('tbody tr').count()).toBe(2);
      await checkPage(page, 'site-day', SIZES[i]!);
      await screenshot(page, `region-site-day-full-${SIZES[i]!.width}x${SIZES[i]!.height}`, { fullPage: true });
      await page.getByRole('link', { name: '满意度统计' }).click();
      await page.getByRole('heading', { name: '按站点' }).waitFor();
      expect(await page.getByRole('row', { name: /向阳镇街医保服务站/ }).first().textContent()).toContain('低于 90%');
      await checkPage(page, 'satisfaction', SIZES[i]!);
    }
  });

  it('lists the 差评 cases overdue first, in red', async () => {
    for (const [i, page] of pages.entries()) {
      await page.getByRole('link', { name: '差评督办' }).click();
      await page.getByRole('heading', { name: '差评督办' }).waitFor();
      const rows = page.locator('tbody tr');
      await rows.first().waitFor();
      expect(await rows.first().getAttribute('class')).toBe('region-row-overdue');
      expect(await rows.first().textContent()).toContain('邹城市医疗保障服务中心');
      expect(await rows.first().textContent()).toMatch(/已逾期 \d+ 个工作日/);
      expect(await rows.nth(1).textContent()).toContain('向阳镇街医保服务站');
      await checkPage(page, 'cases', SIZES[i]!);
    }
  });

  it('creates a site and shows its enrolment code once', async () => {
    const page = pages[0]!;
    await page.getByRole('link', { name: '站点注册' }).click();
    await page.getByLabel('站点编号').fill('village-xicun');
    await page.getByLabel('站点名称').fill('西村村居医保服务点');
    await page.getByLabel('层级').selectOption('village');
    await page.getByRole('button', { name: '新建站点并生成注册码' }).click();
    const code = (await page.locator('.admin-code strong').textContent()) ?? '';
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    const hall = new StandInHall(region.url);
    expect((await hall.enrol(code, '西村卫生室')).body.siteId).toBe('village-xicun');
    await page.getByRole('row', { name: /西村村居医保服务点/ }).waitFor();
    await checkPage(page, 'sites', SIZES[0]);
    const small = pages[1]!;
    await small.getByRole('link', { name: '站点注册' }).click();
    await small.getByRole('row', { name: /西村村居医保服务点/ }).waitFor();
    await checkPage(small, 'sites', SIZES[1]);
  });

  it('edits an item’s materials, publishes, and shows which sites run which version', async () => {
    const page = pages[0]!;
    await page.getByRole('link', { name: '事项清单' }).click();
    await page.getByRole('heading', { name: '统一事项清单' }).waitFor();
    await page.getByRole('button', { name: '发布到各站点' }).click();
    await page.getByText(/已发布：city-centre → v1，town-xiangyang → v1/).waitFor();
    await page.getByLabel('选择事项').selectOption('212036010001');
    await page.getByRole('heading', { name: /^编辑：/ }).waitFor();
    await page.getByRole('button', { name: '添加材料' }).click();
    const last = await page.locator('input[aria-label$="名称"]').count();
    await page.getByLabel(`材料 ${last} 名称`).fill('医保电子凭证截图');
    await page.getByRole('button', { name: '保存修改' }).click();
    await page.getByText('已保存。发布后，提供该事项的站点会收到新版内容包。').waitFor();
    await page.getByRole('button', { name: '发布到各站点' }).click();
    await page.getByText(/已发布：city-centre → v2，town-xiangyang → v2/).waitFor();
    await page.getByLabel('选择事项').selectOption('');
    await checkPage(page, 'catalogue', SIZES[0]);
    const small = pages[1]!;
    await small.getByRole('link', { name: '事项清单' }).click();
    await small.getByRole('row', { name: /邹城市医疗保障服务中心.*v2/ }).waitFor();
    await checkPage(small, 'catalogue', SIZES[1]);
  });

  it('exports the region’s upstream CSV', async () => {
    for (const [i, page] of pages.entries()) {
      await page.getByRole('link', { name: '上报导出' }).click();
      await page.getByRole('button', { name: '生成导出文件' }).click();
      await page.getByRole('link', { name: /^下载 haochaping-upstream-/ }).waitFor();
      await checkPage(page, 'export', SIZES[i]!);
    }
    const opened = await pool.query("SELECT count(*)::int AS n FROM region_audit WHERE action = 'export.upstream'");
    expect(opened.rows[0].n).toBe(2);
  });
});

