// Counter finishes a ticket → the pad prompts → a 差评 with reasons and a call-back phone → the admin console shows the
// case with its deadline counted across National Day. Real hall-server, real Chromium; axe and screenshots on the way.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, screenshot } from '../support/browser.ts';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { adminContext, distReady, issueTicket, openCounter, openPad, padContext, signIn, waitFor } from './pad-helpers.ts';

// The hall's clock runs from Tuesday 2026-09-29 10:00 (UTC+8), three days before National Day.
const START = new Date('2026-09-29T02:00:00.000Z');
const startedAt = Date.now();
const hallNow = () => new Date(START.getTime() + (Date.now() - startedAt));

let hall: TestHall;
let browser: Browser;
let kiosk: string;

beforeAll(async () => {
  distReady();
  hall = await startTestHall({ now: hallNow });
  kiosk = await hall.pair('kiosk');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await hall?.close();
});

describe('counter → pad → 差评 → console', () => {
  it('rates a finished ticket as 非常不满意 with reasons and shows the case due 2026-10-26', async () => {
    // The pad's own clock is left two months ahead of the hall's: prompts and ratings follow the hall-server's time.
    const padCtx = await padContext(browser);
    const pad = await openPad(padCtx, hall.url, 1);
    await pad.getByText('工作人员暂未签到，请您稍候').waitFor();

    const { context: counterCtx, page: counter } = await openCounter(browser, hall.url, 1, '', hallNow());
    expect(await axeViolations(counter)).toEqual([]);
    await screenshot(counter, 'counter-sign-in');
    await signIn(counter, '20101');
    await expect.poll(() => counter.getByTestId('signed-in').textContent()).toBe('当班：李明华（工号 20101）');

    // The pad shows who serves: photo, name, 工号, 党员 mark, stars, slogan.
    await pad.getByText('李明华').waitFor();
    expect(await pad.locator('.pad-staff-id').textContent()).toBe('工号：20101');
    expect(await pad.locator('.pad-party').textContent()).toContain('共产党员');
    expect(await pad.locator('.pad-star-line').textContent()).toContain('五星级服务');
    expect(await pad.locator('.pad-slogan').textContent()).toBe('中国医保 一生守护');
    await expect.poll(() => pad.locator('.pad-photo').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect(await axeViolations(pad)).toEqual([]);
    await screenshot(pad, 'pad-idle');

    const ticket = await issueTicket(hall, kiosk);
    await counter.getByRole('button', { name: '呼叫下一位' }).click();
    await expect.poll(() => counter.getByTestId('current-number').textContent()).toBe(ticket.number);
    await expect.poll(() => pad.locator('.pad-serving-number').textContent()).toBe(ticket.number);
    expect(await axeViolations(counter)).toEqual([]);
    await screenshot(counter, 'counter-serving');
    await counter.getByLabel('办件编号（选填，来自业务系统）').fill('210102001202609290000001');
    await counter.getByRole('button', { name: '办结并请群众评价' }).click();
    await counter.getByText('已办结，请群众在评价器上评价').waitFor();

    await pad.getByRole('heading', { name: '请您对本次服务进行评价' }).waitFor();
    expect(await pad.locator('.pad-level-label').allTextContents()).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
    expect(await pad.locator('.pad-prompt-detail').textContent()).toContain(ticket.number);
    expect(await axeViolations(pad)).toEqual([]);
    await screenshot(pad, 'pad-rate');

    await pad.getByTestId('level-1').click();
    await pad.getByRole('heading', { name: '哪方面让您不满意？（可多选）' }).waitFor();
    await pad.getByTestId('reasons-done').click();
    expect(await pad.getByRole('alert').textContent()).toContain('请至少选择一项不满意的原因');
    await pad.getByRole('button', { name: '等候时间过长' }).click();
    await pad.getByRole('button', { name: /^更多原因/ }).click();
    await pad.getByRole('button', { name: '业务不熟练' }).click();
    expect(await axeViolations(pad)).toEqual([]);
    await screenshot(pad, 'pad-reasons');
    await pad.getByTestId('reasons-done').click();
    for (const d of '13812345678') await pad.locator(`.pad-key[data-key="${d}"]`).click();
    expect(await pad.getByTestId('phone-number').textContent()).toBe('13812345678');
    await screenshot(pad, 'pad-phone');
    await pad.getByTestId('phone-done').click();
    await pad.getByRole('heading', { name: '是否同意工作人员拨打 138****5678 回访您？' }).waitFor();
    expect(await axeViolations(pad)).toEqual([]);
    await screenshot(pad, 'pad-consent');
    await pad.getByTestId('consent-yes').click();
    await pad.getByRole('heading', { name: '感谢您的评价！' }).waitFor();
    await screenshot(pad, 'pad-thanks');

    const stored = await waitFor(async () => {
      const db = new Database(join(hall.dataDir, 'hall.sqlite'), { readonly: true });
      try {
        return db.prepare('SELECT * FROM ratings WHERE ticket_id = ?').get(ticket.id) as Record<string, unknown> | undefined;
      } finally {
        db.close();
      }
    });
    expect(stored).toMatchObject({
      window: 1, staff_id: '20101', score: 1, bad: 1, case_number: '210102001202609290000001',
      reasons: JSON.stringify(['等候时间过长', '业务不熟练']), source: 'touch',
    });
    await pad.getByText('李明华').waitFor({ timeout: 10_000 });

    const adminCtx = await adminContext(browser, hall, hallNow());
    const admin = await adminCtx.newPage();
    await admin.goto(`${hall.url}/admin/ratings`);
    const row = admin.locator('tr', { hasText: '210102001202609290000001' });
    await row.waitFor();
    expect(await row.locator('.rt-due').textContent()).toBe('2026-10-26');
    expect(await row.locator('.rt-flag').textContent()).toBe('正常（剩 15 个工作日）');
    expect(await admin.locator('.rt-summary').textContent()).toBe('共 1 条；即将到期 0 条；已超期 0 条');
    expect(await row.textContent()).toContain('138****5678');
    expect(await row.textContent()).not.toContain('13812345678');
    expect(await axeViolations(admin)).toEqual([]);
    await screenshot(admin, 'admin-ratings-cases');

    await row.getByRole('button', { name: `处理 ${ticket.number}` }).click();
    await admin.getByLabel('处理说明（必填）').fill('已电话回访，群众反映等候时间长属实');
    await admin.getByRole('button', { name: '回访核实' }).click();
    await expect.poll(() => row.locator('td').nth(7).textContent()).toBe('已回访核实');
    expect(await admin.locator('.rt-steps li').nth(1).textContent()).toMatch(
      /^2026-09-29 1\d:\d\d 测试负责人（工号 T001）：回访核实（待回访 → 已回访核实）— 已电话回访，群众反映等候时间长属实$/,
    );
    expect(await axeViolations(admin)).toEqual([]);
    await screenshot(admin, 'admin-ratings-case-detail');

    await admin.getByRole('button', { name: '评价统计' }).click();
    await admin.getByLabel('开始日期').fill('2026-09-01');
    await admin.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => admin.getByTestId('total-satisfaction').textContent()).toContain('0.0%');
    expect(await admin.getByTestId('target-line').count()).toBe(1);
    expect(await axeViolations(admin)).toEqual([]);
    await screenshot(admin, 'admin-ratings-stats');

    await admin.getByRole('button', { name: '导出' }).click();
    await admin.getByLabel('开始日期').fill('2026-09-01');
    const download = admin.waitForEvent('download');
    await admin.getByRole('button', { name: '导出上报格式（12列）' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^haochaping-upstream-2026-09-01-2026-\d\d-\d\d\.csv$/);
    expect(await axeViolations(admin)).toEqual([]);
    await screenshot(admin, 'admin-ratings-export');

    await Promise.all([padCtx.close(), counterCtx.close(), adminCtx.close()]);
  }, 180_000);
});
