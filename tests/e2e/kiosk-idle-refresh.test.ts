// The kiosk's idle point is the only moment it changes under a citizen: a content pack activated on the hall while a
// citizen reads the 一次性告知 stays off the screen until the idle countdown reaches zero, and then home shows the new
// pack; a new build of the app (a changed service worker precaching a changed index.html, found by the page's own
// periodic update check) waits through the citizen's flow and is applied — the page reloads into it — at the idle
// reset. Real hall-server (pack upload and activation through the admin API), real device-bridge, real Chromium with
// its service worker; time is moved with Playwright's clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { sampleFiles, sealed, toZip } from '../../content/corpus/broken.ts';
import { PacksClient } from '../../hall-server/packs/client.ts';
import { copyAppShell, BUILD_MARKER, type AppShellCopy } from '../support/app-shell.ts';
import { startTestBridge, type TestBridge } from '../support/bridge.ts';
import { launchBrowser, newTerminalContext, VIEWPORTS } from '../support/browser.ts';
import { startTestHall, TEST_ADMIN, TEST_ADMIN_PASSWORD, type TestHall } from '../support/hall.ts';
import { distReady } from './board-helpers.ts';
import { ITEM_OPTIONAL, kioskReady, tap } from './kiosk-helpers.ts';

const HALL_V1 = '示例县医疗保障服务大厅（示例数据）';
const HALL_V2 = '示例县医疗保障服务大厅（示例数据 第2版）';
const ITEM_V1 = '职工参保登记';
const ITEM_V2 = '职工参保登记（第2版）';
/** The tile shows the short name (at most 10 characters). */
const TILE_V2 = '职工参保（第2版）';
/** UPDATE_CHECK_MS of kiosk-app/shared/ui/swUpdate.ts. */
const UPDATE_CHECK_MS = 15 * 60_000;

let shell: AppShellCopy;
let hall: TestHall;
let bridge: TestBridge;
let browser: Browser;
const contexts: BrowserContext[] = [];
/** Requests for the service worker's script the hall has answered (installs and update checks). */
let workerScriptFetches = 0;

beforeAll(async () => {
  distReady();
  shell = copyAppShell();
  hall = await startTestHall({ distDir: shell.dir });
  hall.hall!.server.on('request', (req: { url?: string }) => {
    if (req.url?.split('?')[0] === '/sw.js') workerScriptFetches++;
  });
  await hall.admin();
  bridge = await startTestBridge({ allowedOrigins: [hall.url] });
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await bridge?.close();
  await hall?.close();
  shell?.remove();
});

async function openKiosk(serviceWorkers: 'allow' | 'block'): Promise<{ page: Page; frames: string[] }> {
  const context = await newTerminalContext(browser, VIEWPORTS.kiosk, { serviceWorkers });
  contexts.push(context);
  const page = await context.newPage();
  const frames: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', ({ payload }) => void frames.push(String(payload))));
  await page.clock.install();
  await page.goto(`${hall.url}/kiosk?${new URLSearchParams({ bridge: bridge.url })}`);
  await kioskReady(page);
  return { page, frames };
}

/** Home → guide → identify (无证件取号) → 一次性告知 of 职工参保登记. */
async function toNotice(page: Page): Promise<void> {
  await tap(page, `item-${ITEM_OPTIONAL}`);
  await page.getByTestId('screen-guide').waitFor();
  await tap(page, 'take-ticket');
  await tap(page, 'without-document');
  await page.getByTestId('screen-notice').waitFor();
}

/** No touch for 60 s: the countdown; 15 s more: zero. */
async function runIdleCountdown(page: Page): Promise<void> {
  await page.clock.fastForward(61_000);
  await page.getByTestId('idle-overlay').waitFor();
  await page.clock.fastForward(16_000);
}

const hallName = (page: Page) => page.locator('.hall-name').textContent();
const tileLabel = (page: Page, code: string) => page.getByTestId(`item-${code}`).locator('.ui-button-label').textContent();

describe('kiosk idle point', () => {
  it('keeps the citizen\'s screen when a new pack is activated and shows the new pack on home after the idle reset', async () => {
    const { page, frames } = await openKiosk('block');
    expect(await hallName(page)).toBe(HALL_V1);
    expect(await tileLabel(page, ITEM_OPTIONAL)).toBe(ITEM_V1);
    await toNotice(page);
    const notice = await page.locator('main').textContent();
    expect(notice).toContain(`事项：${ITEM_V1}；`);

    const files = sampleFiles();
    const manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json')));
    manifest.hall.name = HALL_V2;
    files.set('manifest.json', new TextEncoder().encode(JSON.stringify(manifest)));
    const services = JSON.parse(new TextDecoder().decode(files.get('services.json'))) as Array<{ code: string; name: string; shortName?: string }>;
    const item = services.find((s) => s.code === ITEM_OPTIONAL)!;
    item.name = ITEM_V2;
    item.shortName = TILE_V2;
    files.set('services.json', new TextEncoder().encode(JSON.stringify(services)));
    const admin = await PacksClient.login(hall.url, TEST_ADMIN.staffNo, TEST_ADMIN_PASSWORD);
    const upload = await admin.upload(toZip(sealed(files, { version: 2 })));
    expect(upload.report.errors).toEqual([]);
    expect(upload.accepted).toBe(true);
    expect((await admin.activate(upload.slot!.slot)).active.version).toBe(2);

    // The kiosk's own hall socket has delivered the activation; the screen under the citizen is unchanged.
    await expect.poll(() => frames.some((f) => f.includes('"pack.activated"') && f.includes('"version":2'))).toBe(true);
    expect(await page.getByTestId('screen-notice').count()).toBe(1);
    expect(await page.locator('main').textContent()).toBe(notice);
    expect(await hallName(page)).toBe(HALL_V1);

    await runIdleCountdown(page);
    await page.getByTestId('screen-home').waitFor();
    await expect.poll(() => tileLabel(page, ITEM_OPTIONAL)).toBe(TILE_V2);
    expect(await hallName(page)).toBe(HALL_V2);
    expect(await page.getByTestId('idle-overlay').count()).toBe(0);
  });

  it('finds a new app build by itself, keeps it waiting through the citizen\'s flow and reloads into it at the idle reset', async () => {
    const { page } = await openKiosk('allow');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    expect(workerScriptFetches).toBe(1);
    await page.reload();
    await kioskReady(page);
    // The browser checks for an update by itself after a navigation (and then not again while the page stays):
    // the new build comes after that check, so only the page's own periodic check can find it.
    await expect.poll(() => workerScriptFetches, { timeout: 20_000 }).toBe(2);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    const marker = () => page.evaluate((name) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? null, BUILD_MARKER);
    const waitingWorker = () => page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting?.state ?? null));
    expect(await marker()).toBeNull();
    let navigations = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations++;
    });

    shell.publishNextBuild('next');
    // The page's periodic check finds the changed worker (the idle resets on the untouched home screen apply nothing).
    await page.clock.fastForward(UPDATE_CHECK_MS);
    await expect.poll(waitingWorker, { timeout: 20_000 }).toBe('installed');
    expect(workerScriptFetches).toBe(3);

    await toNotice(page);
    const notice = await page.locator('main').textContent();
    // Past workbox-window's short wait before it reports `waiting`, well inside the idle time: the flow goes on.
    await page.clock.runFor(1_000);
    await page.clock.fastForward(40_000);
    expect(await page.getByTestId('screen-notice').count()).toBe(1);
    expect(await page.locator('main').textContent()).toBe(notice);
    expect(await waitingWorker()).toBe('installed');
    expect(navigations).toBe(0);
    expect(await marker()).toBeNull();

    // The citizen touches the screen once more, then walks away.
    await page.locator('main h1').tap();
    await runIdleCountdown(page);
    await expect.poll(marker, { timeout: 20_000 }).toBe('next');
    await kioskReady(page);
    expect(navigations).toBe(1);
    expect(await page.getByTestId('screen-home').count()).toBe(1);
    expect(await waitingWorker()).toBeNull();
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.state ?? null)).toBe('activated');
  });
});
