// The kiosk when the hall-server goes away: "暂停取号，请到咨询台", recovery by itself when it is back, and (with the
// service worker) a reload with the hall unreachable still shows the app from its caches.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestBridge, type TestBridge } from '../support/bridge.ts';
import { launchBrowser, newTerminalContext, VIEWPORTS } from '../support/browser.ts';
import { spawnTestHall, type SpawnedHall } from '../support/hall.ts';
import { distReady } from './board-helpers.ts';
import { checkScreen, ITEM_OPTIONAL, tap } from './kiosk-helpers.ts';

let hall: SpawnedHall;
let bridge: TestBridge;
let browser: Browser;
let page: Page;
const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-offline-'));

beforeAll(async () => {
  distReady();
  hall = await spawnTestHall({ dataDir });
  bridge = await startTestBridge({ allowedOrigins: [hall.url] });
  browser = await launchBrowser();
  const context = await newTerminalContext(browser, VIEWPORTS.kiosk, { serviceWorkers: 'allow' });
  page = await context.newPage();
  await page.goto(`${hall.url}/kiosk?bridge=${encodeURIComponent(bridge.url)}`);
  await page.locator('[data-kiosk-ready] [data-testid^="item-"]').first().waitFor({ timeout: 20_000 });
});

afterAll(async () => {
  await browser?.close();
  await bridge?.close();
  await hall?.close(false);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('kiosk without its hall-server', () => {
  it('installs the service worker and, after a reload, runs under it', async () => {
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await page.locator('[data-kiosk-ready] [data-testid^="item-"]').first().waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  });

  it('says 暂停取号，请到咨询台 while the hall-server is down, even after a reload, and recovers by itself', async () => {
    const port = hall.port;
    await hall.kill9();
    await page.getByTestId('paused').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('paused').textContent()).toContain('暂停取号，请到咨询台');
    await checkScreen(page, 'paused', 'normal');

    await page.reload();
    await page.getByTestId('paused').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('screen-home').count()).toBe(1);
    expect(await page.locator('[data-kiosk-ready] [data-testid^="item-"]').count()).toBeGreaterThan(0);

    hall = await spawnTestHall({ dataDir, port });
    await expect.poll(() => page.getByTestId('paused').count(), { timeout: 30_000 }).toBe(0);
    await tap(page, `item-${ITEM_OPTIONAL}`);
    await tap(page, 'take-ticket');
    await tap(page, 'without-document');
    await tap(page, 'issue');
    await page.getByTestId('screen-ticket').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('ticket-number').textContent()).toMatch(/^B\d{3}$/);
  });
});
