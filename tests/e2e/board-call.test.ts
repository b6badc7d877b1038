// The call board in real Chromium against a real hall-server: calls shown large, the voice clip sequence exact and
// queued (one call never cuts another), axe clean, screenshots saved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { axeViolations, launchBrowser, newTerminalContext, screenshot, VIEWPORTS } from '../support/browser.ts';
import { clipLog, clipUrls, distReady, issueTicket, openBoard, SERVICE_A } from './board-helpers.ts';

let hall: TestHall;
let browser: Browser;
let page: Page;
let kiosk: string;
let counter1: string;
let counter2: string;

beforeAll(async () => {
  distReady();
  hall = await startTestHall();
  kiosk = await hall.pair('kiosk');
  counter1 = await hall.pair('counter', 1);
  counter2 = await hall.pair('counter', 2);
  expect((await hall.api('POST', '/api/windows/1/sign-in', { staffId: '20101' }, counter1)).status).toBe(200);
  expect((await hall.api('POST', '/api/windows/2/sign-in', { staffId: '20102' }, counter2)).status).toBe(200);
  browser = await launchBrowser();
  const context = await newTerminalContext(browser, VIEWPORTS.board);
  page = await openBoard(context, hall.url);
});

afterAll(async () => {
  await browser?.close();
  await hall?.close();
});

describe('call board', () => {
  it('shows the hall, clock, slogan and no violations before any call', async () => {
    await expect.poll(() => page.locator('h1').textContent()).toContain('示例县医疗保障服务大厅');
    expect(await page.locator('.slogan').textContent()).toBe('中国医保 一生守护');
    expect(await page.getByTestId('current-calls').textContent()).toContain('请您留意叫号');
    await screenshot(page, 'board-idle');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('reports the pack version it shows to the hall, for the console', async () => {
    const admin = await hall.admin();
    const boardVersion = async () => {
      const res = await hall.api('GET', '/api/admin/terminals', undefined, admin);
      const terminals = (res.body as { terminals: { role: string; packVersion: number | null }[] }).terminals;
      return terminals.find((t) => t.role === 'board')?.packVersion ?? null;
    };
    await expect.poll(boardVersion, { timeout: 10_000 }).toBe(1);
  });

  it('shows a call large and reads it: chime, 请, A, 零, 零, 一, 号, 到, 一, 号, 窗口办理 — twice', async () => {
    await issueTicket(hall, kiosk, SERVICE_A);
    const called = await hall.api('POST', '/api/windows/1/call-next', {}, counter1);
    expect(called.status).toBe(200);
    const number: string = called.body.ticket.number;
    expect(number).toBe('A001');
    await expect.poll(() => page.getByTestId('current-calls').textContent(), { timeout: 10_000 }).toContain('A001请到1号窗口');
    const reading = clipUrls(['chime', 'qing', 'letter-A', 'digit-0', 'digit-0', 'digit-1', 'hao', 'dao', 'digit-1', 'hao', 'chuangkou-banli']);
    await expect.poll(() => clipLog(page), { timeout: 30_000 }).toHaveLength(22);
    expect(await clipLog(page)).toEqual([...reading, ...reading]);
    await screenshot(page, 'board-call');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('queues two calls made at once: the second starts only after the first has been read in full', async () => {
    await page.evaluate(() => ((window as unknown as { __clips: string[] }).__clips.length = 0));
    await issueTicket(hall, kiosk, SERVICE_A);
    await issueTicket(hall, kiosk, SERVICE_A);
    expect((await hall.api('POST', '/api/windows/1/start', {}, counter1)).status).toBe(200);
    expect((await hall.api('POST', '/api/windows/1/finish', {}, counter1)).status).toBe(200);
    const first = await hall.api('POST', '/api/windows/1/call-next', {}, counter1);
    const second = await hall.api('POST', '/api/windows/2/call-next', {}, counter2);
    expect([first.body.ticket.number, second.body.ticket.number]).toEqual(['A002', 'A003']);
    await expect.poll(() => clipLog(page), { timeout: 45_000 }).toHaveLength(44);
    const a002 = clipUrls(['chime', 'qing', 'letter-A', 'digit-0', 'digit-0', 'digit-2', 'hao', 'dao', 'digit-1', 'hao', 'chuangkou-banli']);
    const a003 = clipUrls(['chime', 'qing', 'letter-A', 'digit-0', 'digit-0', 'digit-3', 'hao', 'dao', 'digit-2', 'hao', 'chuangkou-banli']);
    expect(await clipLog(page)).toEqual([...a002, ...a002, ...a003, ...a003]);
    const text = await page.getByTestId('current-calls').textContent();
    expect(text).toContain('A003请到2号窗口');
    expect(text).toContain('A002请到1号窗口');
    expect(await page.getByTestId('recent-calls').textContent()).toContain('A001');
    // A finished ticket leaves 正在叫号 (it stays among the recent calls).
    expect((await hall.api('POST', '/api/windows/2/finish', {}, counter2)).status).toBe(200);
    await expect.poll(() => page.getByTestId('current-calls').textContent()).not.toContain('A003');
    expect(await page.getByTestId('current-calls').textContent()).toContain('A002请到1号窗口');
    expect(await page.getByTestId('recent-calls').textContent()).toContain('A003');
  });

  it('reads a recall again', async () => {
    await page.evaluate(() => ((window as unknown as { __clips: string[] }).__clips.length = 0));
    // The hall allows a recall after its cool-down (10 s by default).
    await new Promise((r) => setTimeout(r, 11_000));
    const recall = await hall.api('POST', '/api/windows/1/recall', {}, counter1);
    expect(recall.status).toBe(200);
    await expect.poll(() => clipLog(page), { timeout: 30_000 }).toHaveLength(22);
    expect((await clipLog(page)).slice(0, 11)).toEqual(
      clipUrls(['chime', 'qing', 'letter-A', 'digit-0', 'digit-0', 'digit-2', 'hao', 'dao', 'digit-1', 'hao', 'chuangkou-banli']),
    );
  });

  it('shows the tidal-window banner when the tidal window opens, in words', async () => {
    expect(await page.getByTestId('tidal-banner').count()).toBe(0);
    const tidal = await hall.pair('counter', 6);
    expect((await hall.api('POST', '/api/windows/6/sign-in', { staffId: '20106' }, tidal)).status).toBe(200);
    // A tidal window stays paused until staff open it.
    await page.waitForTimeout(500);
    expect(await page.getByTestId('tidal-banner').count()).toBe(0);
    expect((await hall.api('POST', '/api/windows/6/resume', {}, tidal)).status).toBe(200);
    await page.getByTestId('tidal-banner').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('tidal-banner').textContent()).toBe('潮汐窗口已开放：6号窗口，请留意叫号');
    await screenshot(page, 'board-tidal');
    expect(await axeViolations(page)).toEqual([]);
  });
});
