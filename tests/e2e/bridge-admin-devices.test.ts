// The 设备 console page in real Chromium, against a real hall-server and a real device-bridge whose simulators
// speak their protocols over socat pseudo-terminals: health, a card read (masked), paper out refusing a print,
// a printed ticket shown as paper; axe on each state; screenshots.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, newTerminalContext, screenshot, VIEWPORTS } from '../support/browser.ts';
import { startTestBridge, type TestBridge } from '../support/bridge.ts';
import { startTestHall, TEST_ADMIN, TEST_ADMIN_PASSWORD, type TestHall } from '../support/hall.ts';

let hall: TestHall;
let bridge: TestBridge;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  hall = await startTestHall();
  await hall.admin();
  bridge = await startTestBridge({ allowedOrigins: [hall.url] });
  browser = await launchBrowser();
  page = await (await newTerminalContext(browser, VIEWPORTS.admin)).newPage();
  await page.goto(`${hall.url}/admin/devices?bridge=${encodeURIComponent(bridge.url)}`);
  await page.getByLabel('工号').fill(TEST_ADMIN.staffNo);
  await page.getByLabel('密码', { exact: true }).fill(TEST_ADMIN_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
});

afterAll(async () => {
  await browser?.close();
  await bridge?.close();
  await hall?.close();
});

const row = (label: string) => page.getByRole('table', { name: '设备状态' }).getByRole('row', { name: new RegExp(label) });

describe('admin 设备 page', () => {
  it('shows every device with its health in words', async () => {
    await page.getByRole('heading', { name: '设备', level: 1 }).waitFor();
    await page.getByText('已连接本机设备服务（模拟模式').waitFor();
    for (const label of ['小票打印机', '身份证阅读器', '社保卡读卡器', '扫码器', '评价按键', '呼叫器']) {
      await row(label).locator('.devices-health', { hasText: '正常' }).waitFor();
      expect(await row(label).textContent()).toContain('模拟');
    }
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-devices');
  });

  it('inserts an ID card and logs it with the name and number hidden', async () => {
    await page.getByLabel('身份证', { exact: true }).selectOption('senior');
    await page.getByRole('button', { name: '放入身份证' }).click();
    const line = page.locator('.devices-log li').first();
    await line.getByText('读到身份证：王*英，女，证件号尾号').waitFor();
    const logText = await page.locator('.devices-log').textContent();
    expect(logText).not.toContain('王秀英');
    expect(logText).not.toContain('210102');
    await page.getByRole('button', { name: '取走身份证' }).click();
    await page.locator('.devices-log li').first().getByText('身份证已取走').waitFor();
  });

  it('paper out: the printer row says so and a print is refused with the reason', async () => {
    await page.getByRole('button', { name: '缺纸' }).click();
    await row('小票打印机').getByText('打印机缺纸，请更换打印纸').waitFor();
    expect(await row('小票打印机').textContent()).toContain('不可用');
    await page.getByRole('button', { name: '打印样张' }).click();
    await page.getByText('样张未打印：打印机缺纸，请更换打印纸，小票无法打印').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-devices-paper-out');
  });

  it('prints a sample ticket and shows what the simulated printer put on paper', async () => {
    await page.getByRole('button', { name: '纸张正常' }).click();
    await row('小票打印机').locator('.devices-health', { hasText: '正常' }).waitFor();
    await page.getByRole('button', { name: '打印样张' }).click();
    await page.getByText('样张已打印').waitFor();
    const paper = page.getByRole('img', { name: '模拟打印机打出的小票' });
    await paper.waitFor();
    expect(await paper.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(608);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-devices-printed');
  });

  it('keeps the bridge address given on the page opened first: 设备 reached from the menu connects to it', async () => {
    const other = await (await newTerminalContext(browser, VIEWPORTS.admin)).newPage();
    await other.goto(`${hall.url}/admin?bridge=${encodeURIComponent(bridge.url)}`);
    await other.getByLabel('工号').fill(TEST_ADMIN.staffNo);
    await other.getByLabel('密码', { exact: true }).fill(TEST_ADMIN_PASSWORD);
    await other.getByRole('button', { name: '登录' }).click();
    await other.getByRole('link', { name: '设备' }).click();
    await other.getByText('已连接本机设备服务（模拟模式').waitFor();
    await other.context().close();
  });
});
