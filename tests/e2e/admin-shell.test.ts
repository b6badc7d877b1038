// The admin console shell in real Chromium against a real hall-server: first-run setup, live queue with a tidal
// alert, terminals with device health, a pairing code that a terminal then uses; axe on every screen; screenshots.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, newTerminalContext, screenshot, VIEWPORTS } from '../support/browser.ts';
import { readSetupCode, startTestHall, TEST_ADMIN, TEST_ADMIN_PASSWORD, type TestHall } from '../support/hall.ts';
import { testIdentity } from '../support/citizens.ts';

let hall: TestHall;
let browser: Browser;
let page: Page;
let kiosk: string;
let service: string;

beforeAll(async () => {
  hall = await startTestHall();
  kiosk = await hall.pair('kiosk');
  service = (await hall.api('GET', '/api/queue', undefined, kiosk)).body.windows[1].services[0];
  browser = await launchBrowser();
  page = await (await newTerminalContext(browser, VIEWPORTS.admin)).newPage();
});
afterAll(async () => {
  await browser?.close();
  await hall?.close();
});

let n = 0;
const issue = () => hall.api('POST', '/api/tickets', { idempotencyKey: `admin-e2e-${n++}-xx`, serviceCode: service, identity: testIdentity() }, kiosk);

describe('admin shell', () => {
  it('asks for the setup code and the first account on first run, refuses a mismatch, then opens the console', async () => {
    await page.goto(hall.url + '/admin');
    await page.getByRole('heading', { name: '首次设置：创建大厅负责人账号' }).waitFor();
    await page.getByLabel('设置码').fill(readSetupCode(hall.dataDir));
    await page.getByLabel('姓名').fill(TEST_ADMIN.name);
    await page.getByLabel('工号').fill(TEST_ADMIN.staffNo);
    await page.getByLabel('密码', { exact: true }).fill(TEST_ADMIN_PASSWORD);
    await page.getByLabel('再次输入密码').fill('something-else');
    await page.getByRole('button', { name: '创建账号并进入' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('两次输入的密码不一致，请重新输入');
    await page.getByLabel('再次输入密码').fill(TEST_ADMIN_PASSWORD);
    await page.getByRole('button', { name: '创建账号并进入' }).click();
    await page.getByRole('heading', { name: '大厅总览' }).waitFor();
  });

  it('shows the live queue and raises the tidal alert without a reload', async () => {
    await page.getByText('各窗口组等候人数正常').waitFor();
    const counter = await hall.pair('counter', 1);
    await hall.api('POST', '/api/windows/1/sign-in', { staffId: '20101' }, counter);
    for (let i = 0; i < 7; i++) await issue();
    await hall.api('POST', '/api/windows/1/call-next', {}, counter);
    const alert = page.locator('.admin-alerts');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/等候 \d+ 人，超过 5 人/);
    const row = page.getByRole('row', { name: /^1号/ });
    expect(await row.textContent()).toContain('已呼叫');
    expect(await row.textContent()).toContain('工号 20101');
    expect(await page.getByRole('heading', { name: '等候中的号（按取号时间）' }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-overview');
  });

  it('creates a pairing code that a terminal can exchange, and lists terminals with device health', async () => {
    await page.getByRole('link', { name: '终端与配对' }).click();
    await page.getByRole('heading', { name: '终端与配对', level: 1 }).waitFor();
    await page.getByLabel('终端类型').selectOption('pad');
    await page.getByLabel('窗口', { exact: true }).selectOption('2');
    await page.getByRole('button', { name: '生成配对码' }).click();
    const codeText = await page.locator('.admin-code strong').textContent();
    const code = (codeText ?? '').replace(/\s/g, '');
    expect(code).toMatch(/^\d{8}$/);
    const paired = await hall.api('POST', '/api/pairing/exchange', { code });
    expect(paired.body.principal).toMatchObject({ role: 'pad', window: 2, name: '2号窗口评价器' });
    expect((await hall.api('POST', '/api/pairing/exchange', { code })).body.error.code).toBe('pairing_code_invalid');
    await hall.api('POST', '/api/terminals/heartbeat', {
      packVersion: 1, devices: [{ device: '评价按键', state: 'ok' }, { device: '身份证阅读器', state: 'offline', reason: '未连接' }],
    }, paired.body.token);
    const row = page.getByRole('row', { name: /2号窗口评价器/ });
    await row.getByText('第 1 版').waitFor();
    expect(await row.textContent()).toContain('身份证阅读器：✖ 离线（未连接）');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-terminals');
  });

  it('shows 连接中断 while the hall-server is down and recovers by itself when it is back', async () => {
    await page.getByRole('link', { name: '大厅总览' }).click();
    await page.getByRole('heading', { name: '大厅总览' }).waitFor();
    const { dataDir, port } = hall;
    await hall.close(false);
    const banner = page.getByRole('status').filter({ hasText: '连接中断，正在重新连接…' });
    await banner.waitFor();
    await screenshot(page, 'admin-disconnected');
    hall = await startTestHall({ dataDir, port });
    await banner.waitFor({ state: 'detached', timeout: 20_000 });
    kiosk = await hall.pair('kiosk');
    const before = await page.locator('.admin-summary strong').textContent();
    await issue();
    await page.locator('.admin-summary strong').filter({ hasNotText: before ?? '' }).waitFor();
    expect(Number(await page.locator('.admin-summary strong').textContent())).toBe(Number(before) + 1);
  });

  it('logs out, refuses a wrong password with a clear message, and logs in again', async () => {
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('heading', { name: '大厅管理台登录' }).waitFor();
    await page.getByLabel('工号').fill(TEST_ADMIN.staffNo);
    await page.getByLabel('密码', { exact: true }).fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('工号或密码不正确，请重新输入');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-login-error');
    await page.getByLabel('密码', { exact: true }).fill(TEST_ADMIN_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '大厅总览' }).waitFor();
  });
});
