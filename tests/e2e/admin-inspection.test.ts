// 示范点自查 in real Chromium against a real hall-server: a rated ticket and the sample pack give the month's
// indicators with their clauses and figures; the page prints to an A4 PDF whose text carries every indicator.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, newTerminalContext, screenshot, VIEWPORTS } from '../support/browser.ts';
import { startTestHall, TEST_ADMIN, TEST_ADMIN_PASSWORD, type TestHall } from '../support/hall.ts';
import { layoutProblems } from '../support/layout.ts';
import { rating, serveAndFinish, terminals } from '../integration/rating-flow.helpers.ts';

let hall: TestHall;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  hall = await startTestHall();
  const t = await terminals(hall, [1]);
  const ticketId = await serveAndFinish(hall, t, 1, '20101');
  const rated = await hall.api('POST', '/api/windows/1/ratings', rating('insp-rating-1', ticketId, 5), t.pad[1]);
  expect(rated.status).toBe(201);
  browser = await launchBrowser();
  page = await (await newTerminalContext(browser, VIEWPORTS.admin)).newPage();
  await page.goto(hall.url + '/admin/inspection');
  await page.getByLabel('工号').fill(TEST_ADMIN.staffNo);
  await page.getByLabel('密码', { exact: true }).fill(TEST_ADMIN_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
});
afterAll(async () => {
  await browser?.close();
  await hall?.close();
});

async function row(id: string): Promise<string[]> {
  return page.locator(`tr[data-indicator="${id}"]`).evaluate((r) => Array.from(r.querySelectorAll('th, td')).map((c) => (c.textContent ?? '').trim()));
}

describe('示范点自查 page', () => {
  it('示范点指标 9, 14, 19: shows each indicator with its clause, the hall figure and 达标', async () => {
    await page.getByRole('heading', { name: '示范点自查', level: 1 }).waitFor();
    await page.locator('tr[data-indicator="slogan"]').waitFor();
    expect(await row('channels')).toEqual([
      '开通服务渠道', '示范点指标 9 · 服务渠道', '至少 4 种：窗口、网络、电话、移动终端', '5 种（窗口办理、网上办理、掌上办理、电话办理、自助办理）', '达标',
    ]);
    expect(await row('online-share')).toEqual(['可网办掌办事项占比', '示范点指标 14 · 掌办网办率', '不低于 80%', '88.2%（15/17 项）', '达标']);
    expect(await row('satisfaction')).toEqual(['月度满意率', '示范点指标 19 · 满意度', '不低于 90%', '100.0%（1 次评价，差评 0 次）', '达标']);
    expect(await row('coverage-items')).toEqual([
      '好差评覆盖服务事项', '示范点指标 18 · 评价覆盖面', '办过业务的每一项都收到评价', '1/1 有评价，评价率 100.0%', '达标',
    ]);
    // Only window 1 has a paired pad in this hall.
    expect((await row('coverage-channels'))[4]).toBe('未达标');
    expect((await row('tidal'))[4]).toBe('本月无数据');
    expect(await page.getByRole('status').filter({ hasText: '共 11 项' }).textContent()).toBe('共 11 项：达标 8 项，未达标 1 项，本月无数据 2 项。');
    expect(await axeViolations(page)).toEqual([]);
    expect(await layoutProblems(page)).toEqual({ outside: [], overlapping: [], squeezed: [] });
    await screenshot(page, 'admin-inspection');
  });

  it('示范点 self-inspection report: prints on A4 with every indicator and no console navigation', async () => {
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    const dir = mkdtempSync(join(tmpdir(), 'inspection-pdf-'));
    writeFileSync(join(dir, 'report.pdf'), pdf);
    // Table cells wrap on paper: compare the text with its line breaks and spaces taken out.
    const text = execFileSync('pdftotext', [join(dir, 'report.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    const info = execFileSync('pdfinfo', [join(dir, 'report.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+59\d\.\d+ x 841\.\d+ pts \(A4\)/);
    for (const title of ['开通服务渠道', '可网办掌办事项占比', '服务窗口数量', '月度满意率', '好差评覆盖服务事项', '好差评覆盖窗口和人员',
      '好差评覆盖服务渠道', '差评回访整改按时办结', '潮汐窗口开启', '公开信息变更及时公开', '服务理念标语']) {
      expect(text).toContain(title);
    }
    expect(text).toContain('医疗保障服务窗口示范点自查报告');
    expect(text).toContain('自查负责人（签字）');
    expect(text).toContain('88.2%（15/17项）');
    expect(text).not.toContain('管理台导航');
    expect(text).not.toContain('打印自查报告');
  });
});
