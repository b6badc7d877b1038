// One rating per service across the pad and the phone (DB21/T 4402 §11.1.3): the pad shows the finished ticket's five
// levels, the citizen rates from the phone first (扫码评价), and the pad closes its prompt with 已评价（二维码） and the
// time instead of asking again. Real hall-server, real Chromium at the pad's size; axe, layout, screenshot.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, screenshot } from '../support/browser.ts';
import { layoutProblems } from '../support/layout.ts';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { phoneRatingPath } from '../../protocol/citizen/phone-rating.ts';
import { tokenOfProgressUrl } from '../../protocol/rules/citizen-token.ts';
import { testIdentity } from '../support/citizens.ts';
import { distReady, openPad, padContext } from './pad-helpers.ts';

let hall: TestHall;
let browser: Browser;
let kiosk: string;
let counter: string;

beforeAll(async () => {
  distReady();
  hall = await startTestHall({ config: { citizen: { hallUrl: 'http://192.168.10.2:4600' } } });
  kiosk = await hall.pair('kiosk');
  counter = await hall.pair('counter', 1);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await hall?.close(true);
});

describe('the pad when the phone rated first', () => {
  it('closes the five levels with 已评价（二维码） and the time', async () => {
    const pad = await openPad(await padContext(browser), hall.url, 1);
    expect((await hall.api('POST', '/api/windows/1/sign-in', { staffId: '20101' }, counter)).status).toBe(200);
    const issued = await hall.api('POST', '/api/tickets', { idempotencyKey: 'pad-phone-first-1', serviceCode: '212036001003', identity: testIdentity() }, kiosk);
    expect(issued.status).toBe(201);
    expect((await hall.api('POST', '/api/windows/1/call', { ticketId: issued.body.ticket.id }, counter)).status).toBe(200);
    expect((await hall.api('POST', '/api/windows/1/finish', {}, counter)).status).toBe(200);
    await pad.getByTestId('level-5').waitFor();

    const token = tokenOfProgressUrl(issued.body.progressUrl)!;
    const phone = await hall.api('POST', phoneRatingPath(token), { id: 'phone-before-pad-1', score: 4, reasons: [], phone: '', consent: false });
    expect(phone.status).toBe(201);
    const clock = new Date(Date.parse(phone.body.rating.at) + 8 * 3_600_000).toISOString().slice(11, 16);
    // The screen stays 10 s (RATED_ELSEWHERE_MS), time for the checks below.
    await pad.getByTestId('rated-elsewhere').waitFor();
    expect(await pad.getByTestId('rated-elsewhere').textContent()).toBe(`本次服务已评价已评价（二维码），评价时间 ${clock}`);
    expect(await pad.getByTestId('level-5').count()).toBe(0);
    await screenshot(pad, 'pad-rated-by-phone');
    expect(await layoutProblems(pad)).toEqual({ outside: [], overlapping: [], squeezed: [] });
    expect(await axeViolations(pad)).toEqual([]);
    expect(await pad.getByTestId('rated-elsewhere').count()).toBe(1);
    await pad.context().close();
  });
});
