// A call board, a pad and a counter panel run for months: a new build of the app (a changed service worker precaching a
// changed index.html) waits while someone uses the screen and is applied — the page reloads into it — at the screen's
// natural boundary: the board once no call has been read for a minute, the pad when idle, the counter when nobody is
// signed in. Real hall-server, real Chromium with its service worker; time is moved with Playwright's clock. The page's
// own periodic check that finds the build is covered by kiosk-idle-refresh; here the check is asked for directly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEAD_LINK_MS, PING_INTERVAL_MS } from '../../protocol/hall/events.ts';
import { copyAppShell, BUILD_MARKER, type AppShellCopy } from '../support/app-shell.ts';
import { launchBrowser, newTerminalContext, VIEWPORTS } from '../support/browser.ts';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { distReady, issueTicket, SERVICE_A } from './board-helpers.ts';

let shell: AppShellCopy;
let hall: TestHall;
let browser: Browser;
let kiosk: string;
const counterTokens = new Map<number, string>();
/** Requests for the service worker's script the hall has answered (installs and update checks). */
let workerScriptFetches = 0;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  distReady();
  shell = copyAppShell();
  hall = await startTestHall({ distDir: shell.dir });
  hall.hall!.server.on('request', (req: { url?: string }) => {
    if (req.url?.split('?')[0] === '/sw.js') workerScriptFetches++;
  });
  kiosk = await hall.pair('kiosk');
  for (const window of [1, 2]) counterTokens.set(window, await hall.pair('counter', window));
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await hall?.close();
  shell?.remove();
});

async function windowAction(window: number, action: string, body: Record<string, unknown> = {}): Promise<{ ticket?: { number: string } }> {
  const res = await hall.api('POST', `/api/windows/${window}/${action}`, body, counterTokens.get(window));
  if (res.status !== 200) throw new Error(`${action} at window ${window}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

interface Terminal {
  page: Page;
  /** The build marker of the page's index.html (null for the original build). */
  marker(): Promise<string | null>;
  waitingWorker(): Promise<string | null>;
  navigations(): number;
  /** Messages the page has received from the hall over its event socket (pings included). */
  hallMessages(): number;
  /** Publishes the next build, has the page look for it and waits until it is installed and reported as waiting. */
  publishNextBuild(build: string): Promise<void>;
  close(): Promise<void>;
}

/** Opens a screen with its service worker in control, after the browser's own check of the navigation. */
async function openTerminal(viewport: { width: number; height: number }, path: string, ready: (page: Page) => Promise<unknown>): Promise<Terminal> {
  const context = await newTerminalContext(browser, viewport, { serviceWorkers: 'allow' });
  contexts.push(context);
  const page = await context.newPage();
  let hallMessages = 0;
  page.on('websocket', (socket) => socket.on('framereceived', () => hallMessages++));
  await page.clock.install();
  const before = workerScriptFetches;
  await page.goto(`${hall.url}${path}`);
  await ready(page);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  expect(workerScriptFetches - before).toBe(1);
  await page.reload();
  await ready(page);
  await expect.poll(() => workerScriptFetches - before, { timeout: 20_000 }).toBe(2);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  let navigations = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations++;
  });
  const waitingWorker = () => page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting?.state ?? null));
  return {
    page,
    marker: () => page.evaluate((name) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? null, BUILD_MARKER),
    waitingWorker,
    navigations: () => navigations,
    hallMessages: () => hallMessages,
    async publishNextBuild(build) {
      shell.publishNextBuild(build);
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
      await expect.poll(waitingWorker, { timeout: 20_000 }).toBe('installed');
      // Past workbox-window's short wait before it reports `waiting`.
      await page.clock.runFor(1_000);
    },
    close: () => context.close(),
  };
}

/** Longest step of the page's clock that its link to the hall survives when the step starts right after a message. */
const LINK_SAFE_STEP_MS = DEAD_LINK_MS - 5_000;

/** Moves a paused page clock on by `ms` as a quiet hall would pass it: in steps shorter than the dead-link time, each
 * after a fresh message (the hall's ping) has restarted the page's dead-link timer, so its link stays up. One jump past
 * DEAD_LINK_MS drops the link in the same instant the boundary is reached; the board's requests on reconnecting then
 * reach the old service worker while Chromium stops it for the new one, Chromium starts it again for them, and the new
 * worker activates only once the old one goes idle, which it never does while Playwright's DevTools session is attached
 * to it (Chromium's 5-minute limit ends the wait). */
async function passQuietTime(terminal: Terminal, ms: number): Promise<void> {
  for (let left = ms; left > 0; ) {
    const heard = terminal.hallMessages();
    await expect.poll(terminal.hallMessages, { timeout: 3 * PING_INTERVAL_MS }).toBeGreaterThan(heard);
    const step = Math.min(left, LINK_SAFE_STEP_MS);
    await terminal.page.clock.runFor(step);
    left -= step;
  }
}

async function expectReloadedInto(terminal: Terminal, build: string): Promise<void> {
  await expect.poll(terminal.marker, { timeout: 20_000 }).toBe(build);
  expect(terminal.navigations()).toBe(1);
  expect(await terminal.waitingWorker()).toBeNull();
  expect(await terminal.page.evaluate(() => navigator.serviceWorker.controller?.state ?? null)).toBe('activated');
}

describe('a waiting app build on the screens that run for months', () => {
  it('board: waits while a call is read and for a quiet minute after it, then reloads into the new build', async () => {
    const board = await openTerminal(VIEWPORTS.board, '/board', (page) => page.getByTestId('board').waitFor());
    await expect.poll(() => board.page.locator('h1').textContent()).toContain('示例县医疗保障服务大厅');
    const original = await board.marker();
    await windowAction(1, 'sign-in', { staffId: '20101' });
    const number = await issueTicket(hall, kiosk, SERVICE_A);
    await windowAction(1, 'call-next');
    const speaking = board.page.getByTestId('speaking');
    await expect.poll(() => speaking.textContent(), { timeout: 20_000 }).toContain(number);

    await board.publishNextBuild('board-next');
    // The call is read to its end (twice) under the old build.
    await expect.poll(() => speaking.textContent(), { timeout: 45_000 }).toBe('');
    expect(board.navigations()).toBe(0);
    expect(await board.marker()).toBe(original);
    // The quiet minute on a paused clock: the real time spent waiting for the hall's pings does not count.
    await board.page.clock.pauseAt(await board.page.evaluate(() => Date.now()));
    await passQuietTime(board, 30_000);
    expect(await board.waitingWorker()).toBe('installed');
    expect(board.navigations()).toBe(0);
    expect(await board.page.getByTestId('current-calls').textContent()).toContain(`${number}请到1号窗口`);

    await passQuietTime(board, 31_000);
    await board.page.clock.resume();
    await expectReloadedInto(board, 'board-next');
    await board.page.getByTestId('board').waitFor();
    await board.close();
  });

  it('pad: waits through a rating and its thanks, then reloads into the new build when idle', async () => {
    await windowAction(2, 'sign-in', { staffId: '20102' });
    const pad = await openTerminal(VIEWPORTS.pad, '/pad/2', (page) => page.locator('main.pad[data-view="idle"]').waitFor());
    const original = await pad.marker();
    await issueTicket(hall, kiosk, SERVICE_A);
    await windowAction(2, 'call-next');
    await windowAction(2, 'finish');
    await pad.page.getByRole('heading', { name: '请您对本次服务进行评价' }).waitFor();

    await pad.publishNextBuild('pad-next');
    await pad.page.clock.runFor(5_000);
    expect(await pad.page.locator('main.pad').getAttribute('data-view')).toBe('rate');
    expect(pad.navigations()).toBe(0);
    expect(await pad.marker()).toBe(original);

    await pad.page.getByTestId('level-5').click();
    await pad.page.getByRole('heading', { name: '感谢您的评价！' }).waitFor();
    expect(pad.navigations()).toBe(0);
    await pad.page.clock.runFor(5_000);
    await expectReloadedInto(pad, 'pad-next');
    await pad.page.locator('main.pad[data-view="idle"]').waitFor();
    await pad.close();
  });

  it('counter: waits while staff are signed in, then reloads into the new build at sign-out', async () => {
    const counter = await openTerminal(VIEWPORTS.pad, '/counter/2', (page) => page.getByTestId('signed-in').waitFor());
    const original = await counter.marker();

    await counter.publishNextBuild('counter-next');
    await counter.page.clock.runFor(60_000);
    expect(counter.navigations()).toBe(0);
    expect(await counter.marker()).toBe(original);
    expect(await counter.page.getByTestId('signed-in').textContent()).toContain('20102');

    await counter.page.getByRole('button', { name: '签退' }).click();
    await expectReloadedInto(counter, 'counter-next');
    await counter.page.getByLabel('工号').waitFor();
    await counter.close();
  });
});
