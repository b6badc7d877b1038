// 审计日志 and the terminal revoke button in real Chromium against a real hall-server: a revoke made through the button
// (confirm step, cancel, the terminal's socket closed by the server) and an upstream export made through the API both
// appear on the audit page with exact text; the action filter, an empty day and paging; axe on each state; screenshots.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hallDateTime } from '../../kiosk-app/admin/audit/describe.ts';
import { axeViolations, launchBrowser, newTerminalContext, screenshot, VIEWPORTS } from '../support/browser.ts';
import { startTestHall, TEST_ADMIN, TEST_ADMIN_PASSWORD, type TestHall, type TestSocket } from '../support/hall.ts';
import { testIdentity } from '../support/citizens.ts';

let hall: TestHall;
let browser: Browser;
let page: Page;
let admin: string;
let lostToken: string;
let lostSocket: TestSocket;
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The cells of every row of the audit table, in order. */
async function auditRows(): Promise<string[][]> {
  return page.locator('.audit-table tbody tr').evaluateAll((rows) =>
    rows.map((r) => Array.from(r.querySelectorAll('th, td')).map((c) => (c.textContent ?? '').trim())),
  );
}

async function auditTimes(action: string): Promise<string[]> {
  const res = await hall.api('GET', `/api/admin/audit?action=${action}&limit=200`, undefined, admin);
  return res.body.entries.map((e: { at: string }) => hallDateTime(e.at, 480));
}

beforeAll(async () => {
  hall = await startTestHall();
  admin = await hall.admin();
  const code = await hall.api('POST', '/api/admin/pairing-codes', { role: 'kiosk', name: '二楼取号机' }, admin);
  lostToken = (await hall.api('POST', '/api/pairing/exchange', { code: code.body.code })).body.token;
  lostSocket = await hall.socket(lostToken);
  await lostSocket.waitFor((m) => m.type === 'snapshot');
  browser = await launchBrowser();
  page = await (await newTerminalContext(browser, VIEWPORTS.admin)).newPage();
  await page.goto(hall.url + '/admin/terminals');
  await page.getByLabel('工号').fill(TEST_ADMIN.staffNo);
  await page.getByLabel('密码', { exact: true }).fill(TEST_ADMIN_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
});
afterAll(async () => {
  await browser?.close();
  await hall?.close();
});

describe('revoking a terminal from the console', () => {
  it('asks first and changes nothing on 取消', async () => {
    await page.getByRole('heading', { name: '终端与配对', level: 1 }).waitFor();
    const row = page.getByRole('row', { name: /二楼取号机/ });
    await row.getByRole('button', { name: '吊销 二楼取号机' }).click();
    const dialog = page.getByRole('alertdialog', { name: '吊销终端' });
    await dialog.waitFor();
    expect(await dialog.locator('#revoke-text').textContent()).toBe('吊销后该终端需重新配对，确定吊销 二楼取号机 吗？');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-terminals-revoke-confirm');
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await row.getByRole('rowheader').textContent()).toBe('二楼取号机');
    expect((await hall.api('GET', '/api/whoami', undefined, lostToken)).status).toBe(200);
  });

  it('revokes on 确定吊销: the row shows 已吊销 and the server cuts the terminal off', async () => {
    const closed = new Promise<number>((ok) => lostSocket.ws.once('close', (code) => ok(code)));
    const row = page.getByRole('row', { name: /二楼取号机/ });
    await row.getByRole('button', { name: '吊销 二楼取号机' }).click();
    await page.getByRole('alertdialog', { name: '吊销终端' }).getByRole('button', { name: '确定吊销' }).click();
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    await row.getByRole('rowheader', { name: '二楼取号机（已吊销）' }).waitFor();
    expect(await row.getByRole('button').count()).toBe(0);
    expect(await page.getByRole('status').filter({ hasText: '已吊销' }).textContent()).toBe('✔ 已吊销 二楼取号机，它的连接已断开，需重新配对才能使用。');
    expect(await closed).toBe(4001);
    expect((await hall.api('GET', '/api/whoami', undefined, lostToken)).status).toBe(401);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-terminals-revoked');
  });
});

describe('审计日志 page', () => {
  it('shows the revoke and an upstream export made through the API, newest first, with exact text', async () => {
    const exported = await fetch(`${hall.url}/api/ratings/export?from=${today}&to=${today}&kind=upstream`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(exported.status).toBe(200);
    await exported.arrayBuffer();
    await page.getByRole('link', { name: '审计日志' }).click();
    await page.getByRole('heading', { name: '审计日志', level: 1 }).waitFor();
    await page.getByRole('status').filter({ hasText: /^共 \d+ 条/ }).waitFor();
    expect(await page.getByLabel('开始日期').inputValue()).toBe(today);
    expect(await page.getByLabel('结束日期').inputValue()).toBe(today);
    const [exportAt] = await auditTimes('ratings.export');
    const [revokeAt] = await auditTimes('terminal.revoked');
    const rows = await auditRows();
    expect(rows.slice(0, 2)).toEqual([
      [exportAt, '测试负责人（工号 T001）（管理台）', '导出评价数据', `上报格式（12列，含证件号码），${today} 至 ${today}，共 0 条`],
      [revokeAt, '测试负责人（工号 T001）（管理台）', '吊销终端', '终端：二楼取号机'],
    ]);
    expect(rows.map((r) => r[2])).toContain('生成配对码');
    expect(rows.map((r) => r[2])).toContain('终端配对');
    expect(await page.getByRole('columnheader').allTextContents()).toEqual(['时间', '操作人', '操作', '详情']);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-audit');
  });

  it('filters by action and by day', async () => {
    await page.getByLabel('操作').selectOption({ label: '吊销终端' });
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('status').filter({ hasText: '共 1 条，第 1 / 1 页' }).waitFor();
    expect((await auditRows()).map((r) => r.slice(1))).toEqual([['测试负责人（工号 T001）（管理台）', '吊销终端', '终端：二楼取号机']]);
    expect(await page.getByRole('heading', { level: 2 }).textContent()).toBe(`${today} 至 ${today} · 吊销终端`);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-audit-filtered');

    const yesterday = new Date(Date.parse(today) - 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('开始日期').fill(yesterday);
    await page.getByLabel('结束日期').fill(yesterday);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('status').filter({ hasText: '没有符合条件的记录。' }).waitFor();
    expect(await page.locator('.audit-table').count()).toBe(0);
  });

  it('pages through more than one page, newest first', async () => {
    const kiosk = await hall.pair('kiosk');
    const service = (await hall.api('GET', '/api/queue', undefined, kiosk)).body.services[0].code as string;
    let lastNumber = '';
    for (let i = 0; i < 55; i++) {
      const res = await hall.api('POST', '/api/tickets', { idempotencyKey: `audit-e2e-${i}-ticket`, serviceCode: service, identity: testIdentity() }, kiosk);
      expect(res.status).toBe(201);
      lastNumber = res.body.ticket.number;
    }
    await page.getByLabel('开始日期').fill(today);
    await page.getByLabel('结束日期').fill(today);
    await page.getByLabel('操作').selectOption({ label: '全部操作' });
    await page.getByRole('button', { name: '查询' }).click();
    const total = (await hall.api('GET', '/api/admin/audit', undefined, admin)).body.total as number;
    expect(total).toBeGreaterThan(55);
    await page.getByRole('status').filter({ hasText: `共 ${total} 条，第 1 / 2 页` }).waitFor();
    const first = await auditRows();
    expect(first).toHaveLength(50);
    expect(first[0]!.slice(1)).toEqual(['演示取号机', '取号', `号码 ${lastNumber}`]);
    expect(await page.getByRole('button', { name: '上一页' }).isDisabled()).toBe(true);

    await page.getByRole('button', { name: '下一页' }).click();
    await page.getByRole('status').filter({ hasText: `共 ${total} 条，第 2 / 2 页` }).waitFor();
    const second = await auditRows();
    expect(second).toHaveLength(total - 50);
    expect(second[second.length - 1]!.slice(1)).toEqual(['系统', '上传内容包', '内容包 ln-sample-county 第 1 版']);
    expect(await page.getByRole('button', { name: '下一页' }).isDisabled()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-audit-page-2');

    await page.getByRole('button', { name: '上一页' }).click();
    await page.getByRole('status').filter({ hasText: `共 ${total} 条，第 1 / 2 页` }).waitFor();
    expect(await auditRows()).toEqual(first);
  });
});
