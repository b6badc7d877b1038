// The citizen's progress page on a phone (390×844) in real Chromium, served by a real hall on its own Wi-Fi: the page
// follows the ticket live (请到 1 号窗口 when called, 过号 when missed), then after the finish says 已评价 with where and
// when once the pad rated. Large text by default (长辈模式 figures: every text >= 36 px), axe clean, every control inside
// the viewport and none overlapping; screenshots saved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { testIdentity } from '../support/citizens.ts';
import { axeViolations, launchBrowser, newTerminalContext, screenshot, textSizes } from '../support/browser.ts';
import { layoutProblems } from '../support/layout.ts';
import { tokenOfProgressUrl } from '../../protocol/rules/citizen-token.ts';
import { distReady } from './board-helpers.ts';

const PHONE = { width: 390, height: 844 };
const RESIDENT = '212036001003';

/** The hall's clock: real time, moved on past the recall cooldown instead of waiting for it. */
let now = Date.now();
let hall: TestHall;
let browser: Browser;
let kiosk: string;
let counter: string;
let pad: string;

beforeAll(async () => {
  distReady();
  hall = await startTestHall({ now: () => new Date(now), config: { citizen: { hallUrl: 'http://192.168.10.2:4600' } } });
  kiosk = await hall.pair('kiosk');
  counter = await hall.pair('counter', 1);
  pad = await hall.pair('pad', 1);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await hall?.close(true);
});

let k = 0;
async function openTicketPage(): Promise<{ page: Page; number: string; ticketId: string }> {
  const res = await hall.api('POST', '/api/tickets', { idempotencyKey: `phone-${k++}-xxxx`, serviceCode: RESIDENT, identity: testIdentity() }, kiosk);
  expect(res.status).toBe(201);
  const token = tokenOfProgressUrl(res.body.progressUrl);
  expect(token).not.toBeNull();
  const context = await newTerminalContext(browser, PHONE);
  const page = await context.newPage();
  await page.goto(`${hall.url}/t/${token}`);
  await page.getByTestId('status').waitFor();
  return { page, number: res.body.ticket.number, ticketId: res.body.ticket.id };
}

async function checkScreen(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await axeViolations(page)).toEqual([]);
  expect(await layoutProblems(page)).toEqual({ outside: [], overlapping: [] });
  expect((await textSizes(page)).filter((t) => t.px < 36)).toEqual([]);
}

const status = (page: Page) => page.getByTestId('status').textContent();

describe('the progress page on a phone', () => {
  it('shows the number, the item and the place in line in large text', async () => {
    const { page, number } = await openTicketPage();
    expect(await page.locator('.number').textContent()).toBe(number);
    expect(await page.locator('.item').textContent()).toBe('居民参保登记');
    expect(await status(page)).toBe('下一位就是您请留意叫号窗口暂未开放，请稍候');
    await checkScreen(page, 'citizen-progress-waiting');
    await page.context().close();
  });

  it('updates live: 请到 1 号窗口 when called, 过号 when missed', async () => {
    const { page, ticketId } = await openTicketPage();
    expect((await hall.api('POST', '/api/windows/1/sign-in', { staffId: '20101' }, counter)).status).toBe(200);
    expect((await hall.api('POST', '/api/windows/1/call', { ticketId }, counter)).status).toBe(200);
    await expect.poll(() => status(page), { timeout: 60_000 }).toContain('请到 1 号窗口');
    await checkScreen(page, 'citizen-progress-called');
    for (let call = 2; call <= 3; call++) {
      now += 11_000;
      expect((await hall.api('POST', '/api/windows/1/recall', {}, counter)).status).toBe(200);
    }
    expect((await hall.api('POST', '/api/windows/1/no-show', {}, counter)).status).toBe(200);
    await expect.poll(() => status(page), { timeout: 60_000 }).toContain('过号');
    await checkScreen(page, 'citizen-progress-missed');
    await page.context().close();
  });

  it('after the finish says 已评价（窗口评价器） with the time once the pad rated first', async () => {
    const { page, ticketId } = await openTicketPage();
    now += 1_000;
    expect((await hall.api('POST', '/api/windows/1/call', { ticketId }, counter)).status).toBe(200);
    expect((await hall.api('POST', '/api/windows/1/start', {}, counter)).status).toBe(200);
    expect((await hall.api('POST', '/api/windows/1/finish', {}, counter)).status).toBe(200);
    await expect.poll(() => status(page), { timeout: 60_000 }).toBe('已办结感谢您的办理，请在窗口评价器上评价');
    await checkScreen(page, 'citizen-progress-finished');
    const ratedAt = new Date(now).toISOString();
    const rating = { id: 'phone-e2e-rating-1', ticketId, score: 5, reasons: [], comment: '', phone: '', consent: false, source: 'touch', ratedAt };
    expect((await hall.api('POST', '/api/windows/1/ratings', rating, pad)).status).toBe(201);
    const clock = new Date(now + 8 * 3_600_000).toISOString().slice(11, 16);
    await expect.poll(() => status(page), { timeout: 60_000 }).toBe(`已办结已评价（窗口评价器）评价时间 ${clock}`);
    await checkScreen(page, 'citizen-progress-rated-at-pad');
    await page.context().close();
  });
});
