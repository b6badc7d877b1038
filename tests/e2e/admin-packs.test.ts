// The 内容包 console page in real Chromium against a real hall-server: a refused upload with its report, a good upload
// with progress, the kiosk home and guide preview, activation reaching a terminal socket, rollback, history; axe on each
// state; screenshots.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenPacks, sampleFiles, sealed, toZip } from '../../content/corpus/broken.ts';
import { axeViolations, launchBrowser, newTerminalContext, screenshot, VIEWPORTS } from '../support/browser.ts';
import { startTestHall, TEST_ADMIN, TEST_ADMIN_PASSWORD, type TestHall, type TestSocket } from '../support/hall.ts';

let hall: TestHall;
let browser: Browser;
let page: Page;
let board: TestSocket;
let boardToken: string;
const dir = mkdtempSync(join(tmpdir(), 'admin-packs-'));

function zipFile(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

beforeAll(async () => {
  hall = await startTestHall();
  await hall.admin();
  boardToken = await hall.pair('board');
  board = await hall.socket(boardToken);
  browser = await launchBrowser();
  page = await (await newTerminalContext(browser, VIEWPORTS.admin)).newPage();
  await page.goto(hall.url + '/admin/packs');
  await page.getByLabel('工号').fill(TEST_ADMIN.staffNo);
  await page.getByLabel('密码', { exact: true }).fill(TEST_ADMIN_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
});
afterAll(async () => {
  await browser?.close();
  await hall?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('admin 内容包 page', () => {
  it('lists the active sample pack', async () => {
    await page.getByRole('heading', { name: '内容包管理', level: 1 }).waitFor();
    const slots = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: '状态' }) });
    const row = slots.getByRole('row', { name: /示例数据：辽宁省示例县医疗保障服务大厅/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('使用中');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-packs');
  });

  it('shows the report of a refused pack in manager words and keeps version 1', async () => {
    const broken = brokenPacks.find((b) => b.id === 'material-without-name')!;
    await page.getByLabel('选择内容包文件（.zip）').setInputFiles(zipFile('broken.zip', broken.zip()));
    await page.getByRole('button', { name: '上传并校验' }).click();
    await page.getByRole('heading', { name: /校验未通过：1 个问题/ }).waitFor();
    expect(await page.locator('.pk-issues').first().textContent()).toContain('services.json 第3项「城乡居民参保信息变更登记」: 申办材料第2条缺少名称');
    expect((await hall.api('GET', '/api/health')).body.pack.version).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-packs-refused');
  });

  it('uploads version 2, previews the kiosk home and a guide, then activates it for the terminals', async () => {
    const files = sampleFiles();
    const m = JSON.parse(new TextDecoder().decode(files.get('manifest.json')));
    m.hall.name = '示例县医疗保障服务大厅（示例数据 第2版）';
    files.set('manifest.json', new TextEncoder().encode(JSON.stringify(m)));
    await page.getByLabel('选择内容包文件（.zip）').setInputFiles(zipFile('v2.zip', toZip(sealed(files, { version: 2 }))));
    // A slow link (256 KiB/s up) so the progress bar is seen moving.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 256 * 1024 });
    await page.getByRole('button', { name: '上传并校验' }).click();
    const bar = page.getByRole('progressbar', { name: '上传进度' });
    await bar.waitFor();
    await page.waitForFunction(() => {
      const value = (document.querySelector('#pk-progress-bar') as HTMLProgressElement | null)?.value ?? 0;
      return value > 0.2 && value < 1;
    });
    expect(await page.getByRole('button', { name: '上传并校验' }).isDisabled()).toBe(true);
    await screenshot(page, 'admin-packs-uploading');
    await page.getByRole('heading', { name: '✔ 校验通过' }).waitFor({ timeout: 30_000 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await page.getByRole('heading', { name: /预览：.*版本 2/ }).waitFor();
    expect(await page.locator('.pk-kiosk-hall').textContent()).toBe('示例县医疗保障服务大厅（示例数据 第2版）');
    const changes = page.getByRole('region', { name: '与正在使用的版本 1 相比' });
    expect(await changes.getByRole('listitem').allTextContents()).toEqual([
      '版本：1 → 2',
      '大厅名称：示例县医疗保障服务大厅（示例数据） → 示例县医疗保障服务大厅（示例数据 第2版）',
    ]);
    await page.getByRole('button', { name: /G 异地长期居住备案/ }).click();
    await page.getByRole('heading', { name: '办事指南预览：长期异地就医备案' }).waitFor();
    const materials = page.getByRole('table', { name: '申办材料（一次性告知）' });
    expect(await materials.getByRole('row').nth(3).textContent()).toBe('3个人承诺书原件1是无法提供居住证明时签署');
    const photo = page.getByRole('img', { name: '李明华的照片' });
    expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('heading', { name: /预览：.*版本 2/ }).evaluate((el) => el.scrollIntoView());
    await screenshot(page, 'admin-packs-preview');

    await page.getByRole('button', { name: '启用版本 2' }).click();
    await page.getByRole('button', { name: '确认启用' }).click();
    await page.getByRole('status').filter({ hasText: '已启用版本 2' }).waitFor();
    const event = await board.waitFor((msg) => msg.type === 'event' && msg.event.type === 'pack.activated' && msg.event.data.version === 2);
    expect(event.event.data).toEqual({ id: 'ln-sample-county', version: 2 });
    expect((await hall.api('GET', '/api/health')).body.pack.version).toBe(2);

    // The board reports the version it shows; the page updates without a reload.
    const terminals = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: '内容版本' }) });
    await hall.api('POST', '/api/terminals/heartbeat', { packVersion: 1, devices: [] }, boardToken);
    await terminals.getByRole('row', { name: /演示叫号大屏.*1（待更新）/ }).waitFor();
    await hall.api('POST', '/api/terminals/heartbeat', { packVersion: 2, devices: [] }, boardToken);
    await terminals.getByRole('row', { name: /演示叫号大屏\s*在线\s*2$/ }).waitFor();
  });

  it('rolls back in one action and shows who did what', async () => {
    await page.getByRole('button', { name: '回退到上一版本（版本 1）' }).click();
    await page.getByRole('button', { name: '确认回退' }).click();
    await page.getByRole('status').filter({ hasText: '已回退到版本 1' }).waitFor();
    expect((await hall.api('GET', '/api/health')).body.pack.version).toBe(1);
    const history = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: '操作人' }) });
    const rows = history.getByRole('row');
    expect(await rows.nth(1).textContent()).toContain('回退到 示例数据：辽宁省示例县医疗保障服务大厅 版本 1（原版本 2）');
    expect(await rows.nth(2).textContent()).toContain('启用');
    expect(await rows.nth(4).textContent()).toContain('上传被拒绝');
    expect(await axeViolations(page)).toEqual([]);
    await history.scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-packs-history');
  });
});
