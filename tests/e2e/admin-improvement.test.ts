// The improvement loop (DB21/T 4402 §11.2) in real Chromium against a real hall-server: the 大厅负责人 starts a record
// from the month's 差评 reason, adds measure, responsible person and due date, closes it with its result; the call
// board's notice line then shows it as 整改公示; the 值班长 sees the records but no form. Axe, layout, screenshots.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, newTerminalContext, screenshot, VIEWPORTS } from '../support/browser.ts';
import { layoutProblems } from '../support/layout.ts';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { rating, serveAndFinish, terminals, type Terminals } from '../integration/rating-flow.helpers.ts';
import { adminContext, distReady } from './pad-helpers.ts';

let hall: TestHall;
let browser: Browser;
let t: Terminals;
let reason = '';
const contexts: BrowserContext[] = [];
const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

beforeAll(async () => {
  distReady();
  hall = await startTestHall();
  t = await terminals(hall, [1]);
  reason = ((await hall.api('GET', '/api/packs/active', undefined, t.admin)).body.evaluation.badReasons as string[])[0]!;
  const ticketId = await serveAndFinish(hall, t, 1, '20101');
  const bad = await hall.api('POST', '/api/windows/1/ratings', rating('e2e-improvement-1', ticketId, 1, { reasons: [reason] }), t.pad[1]!);
  if (bad.status !== 201) throw new Error(`rating refused: ${JSON.stringify(bad.body)}`);
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await hall?.close();
});

/** A console signed in as a 值班长 (the session the console's login would store). */
async function shiftLeadContext(): Promise<BrowserContext> {
  await hall.staff('shift_lead', 'S301', '值班长丙');
  const login = await hall.api('POST', '/api/admin/login', { staffNo: 'S301', password: `${[...'S301'].reverse().join('')}~test-secret-phrase` });
  const context = await newTerminalContext(browser, VIEWPORTS.admin);
  const value = JSON.stringify({ token: login.body.token, principal: login.body.principal, demo: false });
  await context.addInitScript((v: string) => localStorage.setItem('yibao.hall.session.admin', v), value);
  return context;
}

describe('整改提升 console page', () => {
  it('DB21/T 4402 §11.2: a record starts from the month’s 差评 reason and keeps measure, responsible person and due date', async () => {
    const context = await adminContext(browser, hall);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${hall.url}/admin/improvement`);
    await page.getByRole('heading', { name: '整改提升', level: 1 }).waitFor();
    const points = page.getByTestId('improvement-points').locator('li > span');
    await expect.poll(() => points.allTextContents()).toEqual([
      `差评原因：${reason}（1 次）`,
      '事项统计：城乡居民参保登记 满意率 0%（差评 1 / 评价 1）',
      expect.stringMatching(/^窗口统计：1号窗口（.+） 满意率 0%（差评 1 \/ 评价 1）$/),
    ]);
    await page.getByRole('button', { name: `以“${reason}”作为整改问题` }).click();
    const form = page.getByRole('form', { name: '新增整改记录' });
    await form.waitFor();
    expect(await form.getByLabel('问题').inputValue()).toBe(reason);
    expect(await form.getByLabel('来源（差评原因或统计）').inputValue()).toBe(`差评原因：${reason}（1 次）`);
    await form.getByLabel('整改措施').fill('上午 9—11 点开启潮汐窗口，导办员引导分流');
    await form.getByLabel('责任人').fill('李明华');
    await form.getByLabel('完成时限').fill(`${month}-28`);
    await form.getByRole('button', { name: '保存整改记录' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe(`已新增整改记录：${reason}`);
    const row = page.getByRole('row', { name: new RegExp(reason) });
    await expect.poll(async () => (await row.locator('th, td').allTextContents()).slice(0, 5)).toEqual([
      reason, `差评原因：${reason}（1 次）`, '上午 9—11 点开启潮汐窗口，导办员引导分流', '李明华', `${month.slice(0, 4)}年${Number(month.slice(5))}月28日`,
    ]);
    await form.waitFor({ state: 'detached' });
    expect(await layoutProblems(page)).toEqual({ outside: [], overlapping: [], squeezed: [] });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-improvement');
    await page.getByRole('button', { name: '新增整改记录' }).click();
    expect(await form.getByLabel('问题').inputValue()).toBe('');
    expect(await layoutProblems(page)).toEqual({ outside: [], overlapping: [], squeezed: [] });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-improvement-form');
    await form.getByRole('button', { name: '取消' }).click();

    await row.getByLabel('整改结果').fill('高峰平均等候由 25 分钟降到 12 分钟');
    await row.getByRole('button', { name: `办结“${reason}”` }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe(`已办结整改记录：${reason}，结果已公示`);
    expect(await page.getByRole('row', { name: new RegExp(reason) }).locator('td').last().textContent()).toMatch(/^高峰平均等候由 25 分钟降到 12 分钟（\d{4}年\d{1,2}月\d{1,2}日办结）$/);
    await screenshot(page, 'admin-improvement-closed');
  });

  it('DB21/T 4402 §11.2: the 值班长 sees the records but may not add or close them', async () => {
    const context = await shiftLeadContext();
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${hall.url}/admin/improvement`);
    await page.getByText('整改记录由大厅负责人新增和办结，值班长可以查看。').waitFor();
    expect(await page.getByRole('row', { name: new RegExp(reason) }).count()).toBe(1);
    expect(await page.getByRole('form', { name: '新增整改记录' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /作为整改问题/ }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('DB21/T 4402 §11.2: the call board’s notice line shows the closed record as 整改公示', async () => {
    const context = await newTerminalContext(browser, VIEWPORTS.board);
    contexts.push(context);
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(`${hall.url}/board`);
    await page.getByTestId('board').waitFor();
    const notice = page.getByTestId('board-notice');
    const expected = `整改公示：针对“${reason}”，上午 9—11 点开启潮汐窗口，导办员引导分流。整改结果：高峰平均等候由 25 分钟降到 12 分钟`;
    // The line shows the pack's notices and the 整改公示 in turn, 10 s each: move the page's clock on until it is there.
    await expect.poll(async () => {
      const text = await notice.textContent();
      if (text !== expected) await page.clock.runFor(10_000);
      return text;
    }, { timeout: 30_000 }).toBe(expected);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'board-improvement-notice');
  });
});
