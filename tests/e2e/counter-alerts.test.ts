// The counter panel shows what its staff must act on besides the queue: a citizen's help request from a kiosk, and a
// kiosk printer out of paper (until paper is loaded); the console shows the paper-out alert on every page.
// Axe, layout and screenshots on the way.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, screenshot, textSizes } from '../support/browser.ts';
import { layoutProblems } from '../support/layout.ts';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { adminContext, distReady, openCounter, signIn } from './pad-helpers.ts';

let hall: TestHall;
let browser: Browser;
let kiosk: string;

beforeAll(async () => {
  distReady();
  hall = await startTestHall();
  kiosk = await hall.pair('kiosk');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await hall?.close();
});

const beat = (code: string | null) =>
  hall.api('POST', '/api/terminals/heartbeat', {
    packVersion: 1,
    devices: [{ device: 'printer', state: code ? 'offline' : 'ok', reason: code ? '打印机缺纸，请更换打印纸' : '', ...(code ? { code } : {}) }],
  }, kiosk);

describe('counter panel alerts', () => {
  it('shows a help request and a printer out of paper, and drops each when it is over', async () => {
    const { context, page } = await openCounter(browser, hall.url, 2);
    await signIn(page, '20102');
    const alerts = page.getByTestId('counter-alerts');
    expect(await alerts.count()).toBe(0);

    const help = await hall.api('POST', '/api/help', { screen: 'identify' }, kiosk);
    expect(help.status).toBe(201);
    const kioskName = help.body.request.terminalName as string;
    await expect.poll(() => alerts.textContent()).toBe(`⚠ ${kioskName} 有群众呼叫工作人员，请前往协助`);
    expect((await beat('paper_out')).status).toBe(200);
    await expect.poll(() => alerts.locator('li').allTextContents()).toEqual([
      `⚠ ${kioskName}：打印机缺纸，请更换打印纸`,
      `⚠ ${kioskName} 有群众呼叫工作人员，请前往协助`,
    ]);
    expect((await textSizes(page)).filter((t) => t.px < 24)).toEqual([]);
    expect(await layoutProblems(page)).toEqual({ outside: [], overlapping: [], squeezed: [] });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'counter-alerts');

    expect((await beat(null)).status).toBe(200);
    expect((await hall.api('POST', `/api/admin/help/${help.body.request.id}/resolve`, {}, await hall.admin())).status).toBe(200);
    await alerts.waitFor({ state: 'detached' });
    await context.close();
  });

  it('the console shows a printer out of paper on every page, pushed, and drops it when paper is loaded', async () => {
    const context = await adminContext(browser, hall);
    const page = await context.newPage();
    await page.goto(`${hall.url}/admin`);
    await page.getByRole('heading', { name: '大厅总览' }).waitFor();
    const banner = page.getByTestId('device-alerts');
    expect(await banner.count()).toBe(0);
    expect((await beat('paper_out')).status).toBe(200);
    await expect.poll(() => banner.textContent()).toBe('⚠ 演示取号机：打印机缺纸，请更换打印纸');
    expect(await layoutProblems(page)).toEqual({ outside: [], overlapping: [], squeezed: [] });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-paper-out');
    expect((await beat(null)).status).toBe(200);
    await banner.waitFor({ state: 'detached' });
    await context.close();
  });
});
