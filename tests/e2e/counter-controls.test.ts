// The counter panel drives the real queue engine: sign in with 工号, call, recall, start, hold and return, pause and
// resume, no-show, undo, finish with a 办件编号; a wrong 工号 gets a clear message. Axe and screenshots on the way.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, screenshot, tapTargets, textSizes } from '../support/browser.ts';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { distReady, issueTicket, openCounter, signIn } from './pad-helpers.ts';

let hall: TestHall;
let browser: Browser;
let kiosk: string;

beforeAll(async () => {
  distReady();
  // No recall cool-down and no-show after two calls, so the test walks every control without waiting.
  hall = await startTestHall({ config: { queue: { recallCooldownSeconds: 0, noShowAfterCalls: 2 } } });
  kiosk = await hall.pair('kiosk');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await hall?.close();
});

describe('counter panel', () => {
  it('runs the call controls of the queue engine for its window', async () => {
    const { context, page } = await openCounter(browser, hall.url, 1);
    await page.getByLabel('工号').fill('99999');
    await page.getByRole('button', { name: '签到' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/工号|工作人员/);
    await signIn(page, '20101');

    const first = await issueTicket(hall, kiosk);
    const second = await issueTicket(hall, kiosk);
    const notice = () => page.locator('.counter-notice').textContent();
    const current = () => page.getByTestId('current-number').textContent();

    await page.getByRole('button', { name: '呼叫下一位' }).click();
    await expect.poll(current).toBe(first.number);
    await page.getByRole('button', { name: '重呼' }).click();
    await expect.poll(notice).toBe('✓ 已重呼');
    await page.getByRole('button', { name: '开始办理' }).click();
    await expect.poll(() => page.locator('.counter-facts').textContent()).toContain('正在办理');
    // Window staff are often not young either: text ≥ 24 px, every action ≥ 64 px.
    expect((await textSizes(page)).filter((t) => t.px < 24)).toEqual([]);
    expect((await tapTargets(page)).filter((t) => t.height < 64 || t.width < 64)).toEqual([]);
    await page.getByRole('button', { name: '挂起' }).click();
    await page.getByText('已挂起的号码').waitFor();
    expect(await page.locator('.counter-empty').textContent()).toBe('当前没有正在办理的号码');

    await page.getByRole('button', { name: '呼叫下一位' }).click();
    await expect.poll(current).toBe(second.number);
    await page.getByRole('button', { name: '重呼' }).click();
    await expect.poll(notice).toBe('✓ 已重呼');
    await page.getByRole('button', { name: '过号' }).click();
    await expect.poll(notice).toContain('已标记过号');
    await page.getByRole('button', { name: '撤销上一步' }).click();
    await expect.poll(current).toBe(second.number);
    await page.getByRole('button', { name: '办结并请群众评价' }).click();
    await expect.poll(notice).toContain('已办结');

    await page.getByRole('button', { name: `恢复办理 ${first.number}` }).click();
    await expect.poll(current).toBe(first.number);
    await page.getByLabel('办件编号（选填，来自业务系统）').fill('BJ-2026-000123');
    await page.getByRole('button', { name: '办结并请群众评价' }).click();
    await expect.poll(notice).toContain('已办结');
    const prompt = await hall.api('GET', '/api/windows/1/rating-prompt', undefined, await hall.pair('pad', 1));
    expect(prompt.body.prompt).toMatchObject({ number: first.number, caseNumber: 'BJ-2026-000123' });

    await page.getByRole('button', { name: '暂停服务' }).click();
    await page.locator('.counter-paused').waitFor();
    expect(await page.getByRole('button', { name: '呼叫下一位' }).isDisabled()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'counter-paused');
    await page.getByRole('button', { name: '恢复服务' }).click();
    await expect.poll(() => page.locator('.counter-paused').count()).toBe(0);
    await page.getByRole('button', { name: '签退' }).click();
    await page.getByRole('heading', { name: '请先签到' }).waitFor();
    await context.close();
  });
});
