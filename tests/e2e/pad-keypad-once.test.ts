// The physical keypads through the real device-bridge (simulated HID devices behind the real driver and key map):
// the caller keypad calls and finishes at the counter, the rating keypad rates on the pad. One rating per service:
// a double press stores one rating, and a second pad of the same window cannot rate the ticket again.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, screenshot } from '../support/browser.ts';
import { startTestBridge, type TestBridge } from '../support/bridge.ts';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { distReady, issueTicket, openCounter, openPad, padContext, signIn, waitFor } from './pad-helpers.ts';

const KEYPAD_INTERVAL_MS = 1600;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

let hall: TestHall;
let bridge: TestBridge;
let browser: Browser;
let kiosk: string;

function ratingsOf(ticketId: string): { id: string; score: number; source: string }[] {
  const db = new Database(join(hall.dataDir, 'hall.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT id, score, source FROM ratings WHERE ticket_id = ?').all(ticketId) as { id: string; score: number; source: string }[];
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  distReady();
  hall = await startTestHall();
  bridge = await startTestBridge({ allowedOrigins: [hall.url] });
  kiosk = await hall.pair('kiosk');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await bridge?.close();
  await hall?.close();
});

describe('keypads through the bridge', () => {
  it('calls and finishes with the caller keypad, rates with the rating keypad, and stores one rating for a double press', async () => {
    const query = `?bridge=${encodeURIComponent(bridge.url)}`;
    const { context: counterCtx, page: counter } = await openCounter(browser, hall.url, 2, query);
    await signIn(counter, '20102');
    const padCtx = await padContext(browser);
    const pad = await openPad(padCtx, hall.url, 2, query);
    await pad.getByText('王秀梅').waitFor();

    const ticket = await issueTicket(hall, kiosk);
    await waitFor(async () => bridge.sim.keypad('caller-keypad')?.press('call_next'));
    await expect.poll(() => counter.getByTestId('current-number').textContent(), { timeout: 10_000 }).toBe(ticket.number);
    await pause(KEYPAD_INTERVAL_MS); // the bridge drops presses of one keypad closer together than its model's interval
    expect(bridge.sim.keypad('caller-keypad')?.press('finish')).toBe(true);
    await pad.getByRole('heading', { name: '请您对本次服务进行评价' }).waitFor();

    const keypad = bridge.sim.keypad('rating-keypad');
    await waitFor(async () => keypad?.press('satisfied'));
    expect(keypad?.press('satisfied')).toBe(true); // a bounce, dropped by the bridge
    await pad.getByRole('heading', { name: '感谢您的评价！' }).waitFor();
    await pause(KEYPAD_INTERVAL_MS);
    expect(keypad?.press('very_dissatisfied')).toBe(true); // a deliberate second press: the pad has already rated
    await pause(500);
    expect(await pad.locator('main').getAttribute('data-view')).not.toBe('reasons');
    await screenshot(pad, 'pad-keypad-thanks');
    const stored = await waitFor(async () => (ratingsOf(ticket.id).length ? ratingsOf(ticket.id) : null));
    expect(ratingsOf(ticket.id)).toEqual([{ id: stored[0]!.id, score: 4, source: 'keypad' }]);
    expect(await axeViolations(counter)).toEqual([]);
    await Promise.all([counterCtx.close(), padCtx.close()]);
  });

  it('lets only the first of two pads at one window rate a ticket; a pad of another window never sees the prompt', async () => {
    const counter = await hall.pair('counter', 2);
    await hall.api('POST', '/api/windows/2/sign-in', { staffId: '20102' }, counter);
    const [ctxA, ctxB, ctxOther] = await Promise.all([padContext(browser), padContext(browser), padContext(browser)]);
    const padA = await openPad(ctxA, hall.url, 2);
    const padB = await openPad(ctxB, hall.url, 2);
    const other = await openPad(ctxOther, hall.url, 3);
    for (const p of [padA, padB]) await p.getByText('王秀梅').waitFor();

    const ticket = await issueTicket(hall, kiosk);
    await hall.api('POST', '/api/windows/2/call-next', {}, counter);
    await hall.api('POST', '/api/windows/2/finish', {}, counter);
    for (const p of [padA, padB]) await p.getByRole('heading', { name: '请您对本次服务进行评价' }).waitFor();

    await padA.getByTestId('level-5').click();
    await padA.getByRole('heading', { name: '感谢您的评价！' }).waitFor();
    await waitFor(async () => ratingsOf(ticket.id).length === 1);

    await padB.getByTestId('level-2').click();
    await padB.getByRole('button', { name: /^更多原因/ }).click();
    await padB.getByRole('button', { name: '其他原因' }).click();
    await padB.getByTestId('reasons-done').click();
    await padB.getByTestId('skip-phone').click();
    await padB.getByRole('heading', { name: '感谢您的评价！' }).waitFor();
    const refused = await waitFor(() =>
      padB.evaluate(
        () =>
          new Promise<string[] | null>((resolve) => {
            const open = indexedDB.open('yibao-pad');
            open.onsuccess = () => {
              const req = open.result.transaction('refused', 'readonly').objectStore('refused').getAll();
              req.onsuccess = () => {
                const codes = (req.result as { code: string }[]).map((r) => r.code);
                open.result.close();
                resolve(codes.length ? codes : null);
              };
            };
          }),
      ),
    );
    expect(refused).toEqual(['already_rated']);
    expect(ratingsOf(ticket.id).map((r) => r.score)).toEqual([5]);
    expect(await other.locator('main').getAttribute('data-view')).toBe('idle');
    await Promise.all([ctxA.close(), ctxB.close(), ctxOther.close()]);
  });

  it('withdraws the prompt when staff undo the finish, and prompts again at the next finish', async () => {
    const counter = await hall.pair('counter', 2);
    await hall.api('POST', '/api/windows/2/sign-in', { staffId: '20102' }, counter);
    const ctx = await padContext(browser);
    const pad = await openPad(ctx, hall.url, 2);
    await pad.getByText('王秀梅').waitFor();
    const ticket = await issueTicket(hall, kiosk);
    await hall.api('POST', '/api/windows/2/call-next', {}, counter);
    await hall.api('POST', '/api/windows/2/finish', {}, counter);
    await pad.getByRole('heading', { name: '请您对本次服务进行评价' }).waitFor();
    expect((await hall.api('POST', '/api/windows/2/undo', {}, counter)).status).toBe(200);
    await waitFor(async () => (await pad.locator('main').getAttribute('data-view')) === 'idle');
    expect(await pad.getByRole('heading', { name: '请您对本次服务进行评价' }).count()).toBe(0);
    await hall.api('POST', '/api/windows/2/finish', {}, counter);
    await pad.getByRole('heading', { name: '请您对本次服务进行评价' }).waitFor();
    await pad.getByTestId('level-4').click();
    await waitFor(async () => ratingsOf(ticket.id).length === 1);
    expect(ratingsOf(ticket.id).map((r) => r.score)).toEqual([4]);
    await ctx.close();
  });
});
