// 过号重排 at the counter panel in real Chromium against a real hall-server: a ticket marked 过号 is offered again, and
// when its citizen comes back the button puts it back in line behind exactly N of those waiting for its item
// (queue.rejoinAfter = 2 here), so it is called third. The offer survives a reload of the panel. Axe, sizes, layout and a screenshot on the way.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, screenshot, tapTargets, textSizes } from '../support/browser.ts';
import { layoutProblems } from '../support/layout.ts';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { distReady, issueTicket, openCounter, signIn } from './pad-helpers.ts';

let hall: TestHall;
let browser: Browser;
let kiosk: string;

beforeAll(async () => {
  distReady();
  // No recall cool-down and 过号 after two calls, so the test needs no waiting; a late no-show rejoins after 2.
  hall = await startTestHall({ config: { queue: { recallCooldownSeconds: 0, noShowAfterCalls: 2, rejoinAfter: 2 } } });
  kiosk = await hall.pair('kiosk');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await hall?.close();
});

describe('counter 过号重排', () => {
  it('offers a missed ticket again; 过号重排 puts it behind N of those waiting', async () => {
    const { context, page } = await openCounter(browser, hall.url, 1);
    await signIn(page, '20101');
    const late = await issueTicket(hall, kiosk);
    const others = [await issueTicket(hall, kiosk), await issueTicket(hall, kiosk), await issueTicket(hall, kiosk)];
    const notice = () => page.locator('.counter-notice').textContent();
    const current = () => page.getByTestId('current-number').textContent();

    await page.getByRole('button', { name: '呼叫下一位' }).click();
    await expect.poll(current).toBe(late.number);
    await page.getByRole('button', { name: '重呼' }).click();
    await expect.poll(notice).toBe('✓ 已重呼');
    await page.getByRole('button', { name: '过号', exact: true }).click();
    const missed = page.getByTestId('counter-missed');
    await expect.poll(() => missed.locator('li span').allTextContents()).toEqual([`${late.number} · 居民参保登记`]);
    expect((await textSizes(page)).filter((t) => t.px < 24)).toEqual([]);
    expect((await tapTargets(page)).filter((t) => t.height < 64 || t.width < 64)).toEqual([]);
    expect(await layoutProblems(page)).toEqual({ outside: [], overlapping: [], squeezed: [] });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'counter-missed');

    // The list comes with the snapshot: a reloaded panel still offers the ticket.
    await page.reload();
    await expect.poll(() => missed.locator('li span').allTextContents()).toEqual([`${late.number} · 居民参保登记`]);

    await page.getByRole('button', { name: `过号重排 ${late.number}` }).click();
    await expect.poll(notice).toBe('✓ 已过号重排，该号已重新排队');
    await missed.waitFor({ state: 'detached' });

    const calledInOrder: string[] = [];
    for (let i = 0; i < 3; i++) {
      await page.getByRole('button', { name: '呼叫下一位' }).click();
      await expect.poll(current).not.toBe(calledInOrder.at(-1) ?? '');
      calledInOrder.push((await current())!);
      await page.getByRole('button', { name: '办结并请群众评价' }).click();
      await page.locator('.counter-empty').waitFor();
    }
    expect(calledInOrder).toEqual([others[0]!.number, others[1]!.number, late.number]);
    await context.close();
  });
});
