// 容缺受理 from the counter panel to the console in real Chromium against a real hall-server: the counter picks the
// materials to follow for the ticket it serves and records them; the console's 容缺补正 page lists the 补正 with its due
// date and the month's count, and 已补齐 closes it. axe, sizes, layout and screenshots on both pages.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, screenshot, tapTargets, textSizes, newTerminalContext, VIEWPORTS } from '../support/browser.ts';
import { startTestHall, TEST_ADMIN, TEST_ADMIN_PASSWORD, type TestHall } from '../support/hall.ts';
import { layoutProblems } from '../support/layout.ts';
import { distReady, issueTicket, openCounter, signIn } from './pad-helpers.ts';
import { chineseDate } from '../../protocol/bridge/ticket/slip.ts';

let hall: TestHall;
let browser: Browser;
let kiosk: string;

beforeAll(async () => {
  distReady();
  hall = await startTestHall();
  kiosk = await hall.pair('kiosk');
  await hall.admin();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await hall?.close();
});

describe('容缺受理 at the counter and in the console', () => {
  let ticketNumber = '';
  let dueOn = '';

  it('DB21/T 4402 §9.5: the counter records 容缺 for the ticket it serves', async () => {
    const { page } = await openCounter(browser, hall.url, 1);
    await signIn(page, '20101');
    ticketNumber = (await issueTicket(hall, kiosk, '212036001003')).number;
    await page.getByRole('button', { name: '呼叫下一位' }).click();
    await expect.poll(() => page.getByTestId('current-number').textContent()).toBe(ticketNumber);
    const form = page.getByRole('form', { name: '容缺受理登记' });
    await form.getByRole('button', { name: '☐ 居住证' }).click();
    await form.getByRole('button', { name: '☑ 居住证' }).waitFor();
    expect((await textSizes(page)).filter((t) => t.px < 24)).toEqual([]);
    expect((await tapTargets(page)).filter((t) => t.height < 64 || t.width < 64)).toEqual([]);
    await form.getByRole('button', { name: '登记容缺受理' }).click();
    await page.getByTestId('deferral-result').waitFor();
    const text = (await page.getByTestId('deferral-result').textContent())!;
    expect(text).toMatch(/^已按容缺受理登记，请群众在 \d{4}年\d{1,2}月\d{1,2}日 前补交：居住证$/);
    await screenshot(page, 'counter-deferral-recorded');
    expect(await axeViolations(page)).toEqual([]);
    expect(await layoutProblems(page)).toEqual({ outside: [], overlapping: [], squeezed: [] });
    const list = await hall.api('GET', '/api/admin/deferrals', undefined, await hall.admin());
    dueOn = list.body.pending[0].dueOn;
    expect(text).toContain(chineseDate(dueOn));
  });

  it('DB21/T 4402 §9.5.10: the console lists the open 补正 with its due date; 已补齐 closes it and the month counts it', async () => {
    const page = await (await newTerminalContext(browser, VIEWPORTS.admin)).newPage();
    await page.goto(hall.url + '/admin/deferrals');
    await page.getByLabel('工号').fill(TEST_ADMIN.staffNo);
    await page.getByLabel('密码', { exact: true }).fill(TEST_ADMIN_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '容缺补正', level: 1 }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(ticketNumber) });
    await row.waitFor();
    const cells = await row.locator('th, td').allTextContents();
    expect(cells.slice(0, 6)).toEqual([ticketNumber, '城乡居民参保登记（1号窗口）', cells[2], '居住证', cells[4], chineseDate(dueOn)]);
    expect(cells[2]).toMatch(/\*/);
    expect(cells[6]).toBe('还剩 5 个工作日');
    expect(await page.getByTestId('deferral-stats').textContent()).toMatch(/^\d+月容缺受理 1 件：已补齐 0 件，待补正 1 件，逾期 0 件。$/);
    await screenshot(page, 'admin-deferrals');
    expect(await axeViolations(page)).toEqual([]);
    expect(await layoutProblems(page)).toEqual({ outside: [], overlapping: [], squeezed: [] });
    await row.getByRole('button', { name: `${ticketNumber} 材料已补齐` }).click();
    await page.getByText('目前没有待补正的容缺受理。').waitFor();
    expect(await page.getByTestId('deferral-stats').textContent()).toMatch(/容缺受理 1 件：已补齐 1 件，待补正 0 件，逾期 0 件。$/);
  });
});
