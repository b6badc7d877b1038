// The console's 区域中心 page in real Chromium against a real hall and a real region on PostgreSQL: a 大厅负责人 enrols
// with the region's address and one-time code (a wrong code shows the region's message), then sees the link syncing;
// axe on each state; screenshots.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRegionKeyFile, loadRegionKeys, writeRegionKeyFile } from '../../region-server/keys.ts';
import { createEnrolmentCode, createSite } from '../../region-server/sites/enrol.ts';
import { axeViolations, launchBrowser, newTerminalContext, screenshot, VIEWPORTS } from '../support/browser.ts';
import { startTestHall, TEST_ADMIN, TEST_ADMIN_PASSWORD, type TestHall } from '../support/hall.ts';
import { startTestRegion, type TestRegion } from '../support/region.ts';

const dir = mkdtempSync(join(tmpdir(), 'link-console-'));
let region: TestRegion;
let hall: TestHall;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  writeRegionKeyFile(join(dir, 'region-keys.json'), generateRegionKeyFile());
  region = await startTestRegion({ keys: loadRegionKeys(join(dir, 'region-keys.json')) });
  await createSite(region.pool, { id: 'nanguan', name: '南关村医保服务点', level: 'village' }, 'test');
  hall = await startTestHall();
  await hall.admin();
  browser = await launchBrowser();
  page = await (await newTerminalContext(browser, VIEWPORTS.admin)).newPage();
  await page.goto(hall.url + '/admin/region');
  await page.getByLabel('工号').fill(TEST_ADMIN.staffNo);
  await page.getByLabel('密码', { exact: true }).fill(TEST_ADMIN_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
});
afterAll(async () => {
  await browser?.close();
  await hall?.close();
  await region?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('区域中心 page', () => {
  it('enrols with the region address and code, showing the region\'s message for a wrong code', async () => {
    await page.getByRole('heading', { name: '区域中心', level: 2 }).waitFor();
    await page.getByRole('cell', { name: '尚未注册' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-region-not-enrolled');
    await page.getByLabel('区域中心地址').fill(region.url);
    await page.getByLabel(/注册码/).fill('AAAA-BBBB-CCCC');
    await page.getByRole('button', { name: '注册', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('⚠ 注册码无效、已使用或已过期，请向区域管理员索取新的注册码');
    await page.getByLabel(/注册码/).fill(await createEnrolmentCode(region.pool, 'nanguan', 'test'));
    await page.getByRole('button', { name: '注册', exact: true }).click();
    await page.getByRole('cell', { name: '南关村医保服务点（nanguan，村居医保服务点）' }).waitFor();
    await page.getByRole('cell', { name: '正常同步' }).waitFor();
    expect(await page.getByRole('cell', { name: '已启用（只有区域中心能解密）' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-region-enrolled');
  });
});
