// The citizen's progress page on a phone (390×844) in real Chromium, served by a real hall on its own Wi-Fi, in both
// text sizes: 长辈模式 figures by default (every text >= 36 px) and the citizen's 标准字号 (>= 24 px). The page follows
// the ticket live (请到 1 号窗口 when called, 过号 when missed); after the finish it offers 扫码评价 (DB21/T 4402
// §11.1.3): a 差评 with a reason and a call-back phone is stored as the service's one rating (channel 二维码) and the
// pad is then told 已评价（二维码）; when the pad rated first the page says 已评价（窗口评价器） with the time. Axe clean,
// every control visible whole and none overlapping; a screenshot of every step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { testIdentity } from '../support/citizens.ts';
import { axeViolations, launchBrowser, newTerminalContext, screenshot, textSizes } from '../support/browser.ts';
import { scrollingLayoutProblems } from '../support/layout.ts';
import { tokenOfProgressUrl } from '../../protocol/rules/citizen-token.ts';
import { distReady } from './board-helpers.ts';

const PHONE = { width: 390, height: 844 };
const RESIDENT = '212036001003';
const MODES = [
  { name: 'senior', label: '长辈模式', minPx: 36 },
  { name: 'standard', label: '标准字号', minPx: 24 },
] as const;

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
  expect((await hall.api('POST', '/api/windows/1/sign-in', { staffId: '20101' }, counter)).status).toBe(200);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await hall?.close(true);
});

const clock = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(11, 16);
const status = (page: Page) => page.getByTestId('status').textContent();

let k = 0;
async function openTicketPage(mode: (typeof MODES)[number]): Promise<{ page: Page; number: string; ticketId: string }> {
  now += 1_000;
  const res = await hall.api('POST', '/api/tickets', { idempotencyKey: `phone-${k++}-xxxx`, serviceCode: RESIDENT, identity: testIdentity() }, kiosk);
  expect(res.status).toBe(201);
  const token = tokenOfProgressUrl(res.body.progressUrl);
  expect(token).not.toBeNull();
  const context = await newTerminalContext(browser, PHONE);
  const page = await context.newPage();
  await page.goto(`${hall.url}/t/${token}`);
  await page.getByTestId('status').waitFor();
  if (mode.name === 'standard') {
    await page.getByRole('button', { name: '切换为标准字号' }).click();
    await page.getByRole('button', { name: '切换为大字' }).waitFor();
  }
  return { page, number: res.body.ticket.number, ticketId: res.body.ticket.id };
}

async function finish(ticketId: string): Promise<void> {
  now += 1_000;
  expect((await hall.api('POST', '/api/windows/1/call', { ticketId }, counter)).status).toBe(200);
  expect((await hall.api('POST', '/api/windows/1/start', {}, counter)).status).toBe(200);
  expect((await hall.api('POST', '/api/windows/1/finish', {}, counter)).status).toBe(200);
}

async function checkScreen(page: Page, mode: (typeof MODES)[number], step: string): Promise<void> {
  await screenshot(page, `citizen-progress-${mode.name}-${step}`, { fullPage: true });
  expect(await axeViolations(page)).toEqual([]);
  expect(await scrollingLayoutProblems(page)).toEqual({ outside: [], overlapping: [], squeezed: [] });
  expect((await textSizes(page)).filter((t) => t.px < mode.minPx)).toEqual([]);
}

describe.each(MODES)('the progress page on a phone, $label', (mode) => {
  it('shows the number, the item and the place in line', async () => {
    const { page, number } = await openTicketPage(mode);
    expect(await page.locator('.number').textContent()).toBe(number);
    expect(await page.locator('.item').textContent()).toBe('居民参保登记');
    expect(await status(page)).toMatch(/^(下一位就是您请留意叫号|前面还有 \d+ 人预计等候约 \d+ 分钟)1 个窗口正在办理$/);
    await checkScreen(page, mode, 'waiting');
    await page.context().close();
  });

  it('updates live: 请到 1 号窗口 when called, 过号 when missed', async () => {
    const { page, ticketId } = await openTicketPage(mode);
    expect((await hall.api('POST', '/api/windows/1/call', { ticketId }, counter)).status).toBe(200);
    await expect.poll(() => status(page), { timeout: 60_000 }).toBe('请到 1 号窗口已叫到您的号，请尽快前往');
    await checkScreen(page, mode, 'called');
    for (let call = 2; call <= 3; call++) {
      now += 11_000;
      expect((await hall.api('POST', '/api/windows/1/recall', {}, counter)).status).toBe(200);
    }
    expect((await hall.api('POST', '/api/windows/1/no-show', {}, counter)).status).toBe(200);
    await expect.poll(() => status(page), { timeout: 60_000 }).toBe('过号您的号码已过号请到窗口或咨询台说明');
    await checkScreen(page, mode, 'missed');
    await page.context().close();
  });

  it('after the finish takes a 差评 with a reason and a call-back phone; the pad is then told 已评价（二维码）', async () => {
    const { page, ticketId } = await openTicketPage(mode);
    await finish(ticketId);
    await expect.poll(() => status(page), { timeout: 60_000 }).toBe('已办结感谢您的办理，请您评价本次服务');
    const levels = page.getByTestId('rate').getByRole('button');
    expect(await levels.allTextContents()).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
    await checkScreen(page, mode, 'rate-levels');

    await page.getByRole('button', { name: '不满意', exact: true }).click();
    await page.getByRole('heading', { name: '您选择了：不满意' }).waitFor();
    await page.getByRole('button', { name: '提交评价' }).click();
    expect(await page.getByRole('alert').textContent()).toBe('差评请至少选择一项原因或填写意见');
    await checkScreen(page, mode, 'rate-bad-needs-reason');

    await page.getByRole('button', { name: '等候时间过长' }).click();
    expect(await page.getByRole('button', { name: '等候时间过长' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByLabel('回访电话（可不填）').fill('138 0013 8000');
    await page.getByRole('button', { name: '同意工作人员回访' }).click();
    expect(await page.getByRole('button', { name: '同意工作人员回访' }).getAttribute('aria-pressed')).toBe('true');
    await checkScreen(page, mode, 'rate-bad-filled');

    const ratedAt = now;
    await page.getByRole('button', { name: '提交评价' }).click();
    await expect.poll(() => status(page), { timeout: 60_000 }).toBe(`已办结已评价（二维码）评价时间 ${clock(ratedAt)}`);
    expect(await page.getByTestId('rate').count()).toBe(0);
    await checkScreen(page, mode, 'rated-by-phone');

    const padAnswer = await hall.api('POST', '/api/windows/1/ratings', {
      id: `pad-after-phone-${mode.name}`, ticketId, score: 5, reasons: [], comment: '', phone: '', consent: false, source: 'touch',
      ratedAt: new Date(now).toISOString(),
    }, pad);
    expect(padAnswer.status).toBe(409);
    expect(padAnswer.body.error.message).toBe(`已评价（二维码，${clock(ratedAt)}），每次服务只能评价一次`);
    const cases = (await hall.api('GET', '/api/ratings/cases?open=1', undefined, await hall.admin())).body.cases as { ticketNumber: string; phone: string; reasons: string[] }[];
    expect(cases.filter((c) => c.phone === '138****8000' && c.reasons.includes('等候时间过长')).length).toBeGreaterThanOrEqual(1);
    await page.context().close();
  });

  it('says 已评价（窗口评价器） with the time when the pad rated first, and offers no rating', async () => {
    const { page, ticketId } = await openTicketPage(mode);
    await finish(ticketId);
    await expect.poll(() => status(page), { timeout: 60_000 }).toBe('已办结感谢您的办理，请您评价本次服务');
    const padAt = now;
    const rating = { id: `pad-first-${mode.name}`, ticketId, score: 5, reasons: [], comment: '', phone: '', consent: false, source: 'touch', ratedAt: new Date(padAt).toISOString() };
    expect((await hall.api('POST', '/api/windows/1/ratings', rating, pad)).status).toBe(201);
    await expect.poll(() => status(page), { timeout: 60_000 }).toBe(`已办结已评价（窗口评价器）评价时间 ${clock(padAt)}`);
    expect(await page.getByTestId('rate').count()).toBe(0);
    await checkScreen(page, mode, 'rated-at-pad');
    await page.context().close();
  });

  it('a good level pressed after the pad rated (the page not refreshed yet) is answered 已评价（窗口评价器）', async () => {
    const { page, ticketId } = await openTicketPage(mode);
    await finish(ticketId);
    await expect.poll(() => status(page), { timeout: 60_000 }).toBe('已办结感谢您的办理，请您评价本次服务');
    // The pad's rating lands between the page's last refresh and the citizen's press.
    await page.evaluate(() => {
      window.fetch = ((orig) => (input: RequestInfo | URL, init?: RequestInit) =>
        (init && init.method === 'POST') ? orig(input, init) : new Promise<Response>(() => undefined))(window.fetch.bind(window));
    });
    const padAt = now;
    const rating = { id: `pad-race-${mode.name}`, ticketId, score: 4, reasons: [], comment: '', phone: '', consent: false, source: 'touch', ratedAt: new Date(padAt).toISOString() };
    expect((await hall.api('POST', '/api/windows/1/ratings', rating, pad)).status).toBe(201);
    await page.getByRole('button', { name: '非常满意' }).click();
    await expect.poll(() => status(page), { timeout: 60_000 }).toBe(`已办结已评价（窗口评价器）评价时间 ${clock(padAt)}`);
    await checkScreen(page, mode, 'rated-elsewhere-answer');
    await page.context().close();
  });
});
