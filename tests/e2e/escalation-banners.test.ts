// Overdue 差评 escalation in real Chromium against a real hall-server on a moved clock: once a case passes its
// working-day deadline, the console shows it on every page of the 大厅负责人 and the counter panel of its window shows
// it too (not the other windows); both banners clear when the case is closed. Axe, layout and screenshots on the way.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, screenshot } from '../support/browser.ts';
import { layoutProblems } from '../support/layout.ts';
import { startTestHall, TEST_ADMIN, TEST_ADMIN_PASSWORD, type TestHall } from '../support/hall.ts';
import { rating, serveAndFinish, terminals, type Terminals } from '../integration/rating-flow.helpers.ts';
import { adminContext, distReady, openCounter, waitFor } from './pad-helpers.ts';

let hall: TestHall;
let browser: Browser;
let t: Terminals;
let clock = new Date('2026-09-29T02:00:00.000Z'); // Tuesday 10:00 in the hall
let caseId = '';
let ticketNumber = '';
const contexts: BrowserContext[] = [];

async function owner(): Promise<string> {
  return (await hall.api('POST', '/api/admin/login', { staffNo: TEST_ADMIN.staffNo, password: TEST_ADMIN_PASSWORD })).body.token as string;
}

beforeAll(async () => {
  distReady();
  hall = await startTestHall({ now: () => clock });
  t = await terminals(hall, [1]);
  const ticketId = await serveAndFinish(hall, t, 1, '20101');
  const res = await hall.api('POST', '/api/windows/1/ratings',
    rating('e2e-escalation-1', ticketId, 1, { reasons: ['等候时间过长'], ratedAt: clock.toISOString() }), t.pad[1]!);
  caseId = res.body.caseId;
  ticketNumber = (await hall.api('GET', `/api/ratings/cases/${caseId}`, undefined, await owner())).body.ticketNumber;
  clock = new Date('2026-10-27T02:00:00.000Z'); // the case was due 2026-10-26
  const token = await owner();
  await waitFor(async () => (await hall.api('GET', '/api/admin/escalations', undefined, token)).body.escalations.length === 1, 30_000);
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await hall?.close();
});

describe('overdue 差评 banners', () => {
  const line = () => `⚠ 1号窗口 ${ticketNumber} 号（居民参保登记）的差评回访已超过 10月26日 的办结时限，已上报大厅负责人，请尽快处理`;

  it('国办发〔2019〕51号: the console shows an overdue 差评 case on every page of the 大厅负责人', async () => {
    const context = await adminContext(browser, hall);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${hall.url}/admin/improvement`);
    await page.getByRole('heading', { name: '整改提升', level: 1 }).waitFor();
    const banner = page.getByTestId('escalation-alerts');
    await expect.poll(() => banner.textContent()).toBe(line());
    expect(await layoutProblems(page)).toEqual({ outside: [], overlapping: [], squeezed: [] });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-escalation');
    await page.getByRole('link', { name: '审计日志' }).click();
    await page.getByRole('heading', { name: '审计日志', level: 1 }).waitFor();
    expect(await banner.textContent()).toBe(line());
  });

  it('国办发〔2019〕51号: the counter panel of the window concerned shows it, the others do not', async () => {
    const { context, page } = await openCounter(browser, hall.url, 1);
    contexts.push(context);
    const banner = page.getByTestId('counter-escalations');
    await expect.poll(() => banner.textContent()).toBe(line());
    expect(await layoutProblems(page)).toEqual({ outside: [], overlapping: [], squeezed: [] });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'counter-escalation');
    const other = await openCounter(browser, hall.url, 2);
    contexts.push(other.context);
    await other.page.getByRole('heading', { name: /^2号窗口/ }).waitFor();
    await other.page.getByText('请先签到').waitFor();
    expect(await other.page.getByTestId('counter-escalations').count()).toBe(0);
  });

  it('国办发〔2019〕51号: both banners clear when the case is closed', async () => {
    for (const [action, note] of [['callback', '已电话回访'], ['rectify', '增设引导岗'], ['feedback', '已告知群众整改结果']]) {
      expect((await hall.api('POST', `/api/ratings/cases/${caseId}/actions`, { action, note }, await owner())).status).toBe(200);
    }
    const [console, counter] = contexts.map((c) => c.pages()[0]!);
    await console!.getByTestId('escalation-alerts').waitFor({ state: 'detached' });
    await counter!.getByTestId('counter-escalations').waitFor({ state: 'detached' });
  });
});
