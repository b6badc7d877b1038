// The pad's whole flow in both modes (idle → serving → rate → the 差评 path → thanks), checked on every step: axe, contrast
// (7:1 in 长辈模式), text ≥ 24/36 px, targets ≥ 72/96 px, every control inside the viewport and none overlapping, at most
// 4 choices a screen in 长辈模式 (the five 好差评 levels excepted: the national scale has five), no step advancing by
// itself, and the step's voice prompt started (the pad speaks in both modes; the idle screen before a citizen arrives
// has nothing to say). Also: the countdown with 继续 keeps what was chosen, and the pad turns to 长辈模式 by itself for a
// 绿色通道 ticket and for a ticket issued in 长辈模式.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, screenshot, tapTargets, textSizes } from '../support/browser.ts';
import { testIdentity } from '../support/citizens.ts';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { choiceCount, enhancedContrastViolations, layoutProblems } from '../support/layout.ts';
import { distReady, issueTicket, openPad, padContext, waitFor } from './pad-helpers.ts';
import { expectPromptStarted, heard, recordVoiceIn } from './voice-helpers.ts';

type Mode = 'normal' | 'senior';

let hall: TestHall;
let browser: Browser;
let kiosk: string;

beforeAll(async () => {
  distReady();
  hall = await startTestHall();
  kiosk = await hall.pair('kiosk');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await hall?.close();
});

async function checkPad(
  page: Page,
  name: string,
  mode: Mode,
  choices: { max: number } = { max: 4 },
  opts: { axe: boolean } = { axe: true },
): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await screenshot(page, `pad-${name}-${mode}`);
  expect(await page.evaluate(() => document.documentElement.dataset.mode), `mode on ${name}`).toBe(mode);
  if (opts.axe) {
    expect(await axeViolations(page), `axe on ${name} (${mode})`).toEqual([]);
    if (mode === 'senior') expect(await enhancedContrastViolations(page), `7:1 contrast on ${name}`).toEqual([]);
  }
  const minFont = mode === 'senior' ? 36 : 24;
  const minTarget = mode === 'senior' ? 96 : 72;
  expect((await textSizes(page)).filter((t) => t.px < minFont), `text below ${minFont}px on ${name} (${mode})`).toEqual([]);
  expect(
    (await tapTargets(page)).filter((t) => t.width < minTarget || t.height < minTarget),
    `targets below ${minTarget}px on ${name} (${mode})`,
  ).toEqual([]);
  expect(await layoutProblems(page), `layout of ${name} (${mode})`).toEqual({ outside: [], overlapping: [], squeezed: [] });
  if (mode === 'senior') expect(await choiceCount(page), `choices on ${name}`).toBeLessThanOrEqual(choices.max);
}

function ratingOf(ticketId: string): Record<string, unknown> | undefined {
  const db = new Database(join(hall.dataDir, 'hall.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT score, reasons, phone_sealed, rated_at FROM ratings WHERE ticket_id = ?').get(ticketId) as
      | Record<string, unknown>
      | undefined;
  } finally {
    db.close();
  }
}

const WALKS: Array<{ mode: Mode; window: number; staffId: string; service: string }> = [
  { mode: 'normal', window: 3, staffId: '20103', service: '212036008001' },
  { mode: 'senior', window: 4, staffId: '20104', service: '212036010001' },
];

describe('pad flow in both modes', () => {
  for (const walk of WALKS) {
    it(`${walk.mode}: rate → 差评 one question a screen → thanks, every step checked`, async () => {
      const { mode } = walk;
      const context = await padContext(browser);
      await recordVoiceIn(context);
      // A clock the test moves forward: the path's countdown is reached by fast-forwarding, not by waiting.
      await context.clock.install();
      const pad = await openPad(context, hall.url, walk.window, mode === 'senior' ? '?mode=senior' : '');
      const counter = await hall.pair('counter', walk.window);
      await hall.api('POST', `/api/windows/${walk.window}/sign-in`, { staffId: walk.staffId }, counter);
      await pad.locator('.pad-staff-name').waitFor();
      await checkPad(pad, 'idle', mode);
      expect(await heard(pad), 'nothing to say before a citizen arrives').toEqual([]);

      const ticket = await issueTicket(hall, kiosk, walk.service);
      await hall.api('POST', `/api/windows/${walk.window}/call-next`, {}, counter);
      await expect.poll(() => pad.locator('.pad-serving-number').textContent()).toBe(ticket.number);
      await checkPad(pad, 'serving', mode);
      await expectPromptStarted(pad, 'pad-serving');

      await hall.api('POST', `/api/windows/${walk.window}/finish`, {}, counter);
      await pad.getByRole('heading', { name: '请您对本次服务进行评价' }).waitFor();
      await checkPad(pad, 'rate', mode, { max: 5 });
      expect(await choiceCount(pad)).toBe(5);
      await expectPromptStarted(pad, 'pad-rate');

      await pad.getByTestId('level-1').click();
      await pad.getByRole('heading', { name: '哪方面让您不满意？（可多选）' }).waitFor();
      expect(await pad.locator('.pad-choice').allTextContents()).toEqual(['☐等候时间过长', '☐工作人员态度不好', '☐一次性告知不清楚，需要多次跑', '☐办理时间超过承诺时限']);
      expect(await pad.locator('textarea').count()).toBe(0);
      await checkPad(pad, 'bad-reasons', mode);
      await expectPromptStarted(pad, 'pad-bad-reasons');
      await pad.getByTestId('reasons-done').click();
      expect(await pad.getByRole('alert').textContent()).toContain('请至少选择一项不满意的原因');
      await pad.getByRole('button', { name: '等候时间过长' }).click();
      await pad.getByRole('button', { name: /^更多原因/ }).click();
      await pad.getByRole('button', { name: '业务不熟练' }).waitFor();
      expect(await pad.locator('.pad-choice').count()).toBe(4);
      await checkPad(pad, 'bad-reasons-more', mode);
      // Nobody touches the pad after this choice: the path does not move on by itself; 20 s before its end a countdown
      // offers 继续. The clock jumps right after the touch; the countdown screen gets the checks that take no axe run
      // (its colours are the warning pair checked with the error message), since real time runs its last 19 s meanwhile.
      await pad.getByRole('button', { name: '业务不熟练' }).click();
      await context.clock.fastForward(41_000);
      await pad.getByTestId('bad-countdown').waitFor();
      expect(await pad.locator('.pad-bad').getAttribute('data-step')).toBe('reasons');
      await checkPad(pad, 'bad-countdown', mode, { max: 4 }, { axe: false });
      await expectPromptStarted(pad, 'pad-countdown');
      await pad.getByTestId('keep-going').click();
      await pad.getByTestId('bad-countdown').waitFor({ state: 'detached' });
      expect(await pad.locator('.pad-choice[aria-pressed="true"]').allTextContents()).toEqual(['☑业务不熟练']);

      await pad.getByTestId('reasons-done').click();
      await pad.getByRole('heading', { name: '需要工作人员回访您吗？' }).waitFor();
      await checkPad(pad, 'bad-phone', mode);
      await expectPromptStarted(pad, 'pad-bad-phone');
      for (const d of '13812345678') await pad.locator(`.pad-key[data-key="${d}"]`).click();
      expect(await pad.getByTestId('phone-number').textContent()).toBe('13812345678');
      await checkPad(pad, 'bad-phone-typed', mode);
      await pad.getByTestId('phone-done').click();
      await pad.getByRole('heading', { name: '是否同意工作人员拨打 138****5678 回访您？' }).waitFor();
      await checkPad(pad, 'bad-consent', mode);
      await expectPromptStarted(pad, 'pad-bad-consent');
      await pad.getByTestId('consent-yes').click();
      await pad.getByRole('heading', { name: '感谢您的评价！' }).waitFor();
      await checkPad(pad, 'thanks', mode);
      await expectPromptStarted(pad, 'pad-thanks-bad');
      // Every prompt was the pack's clip, never the browser's speech, and each step's was said once.
      expect((await heard(pad)).map((h) => /prompt-(.+)\.wav$/.exec(h)?.[1] ?? h)).toEqual([
        'pad-serving', 'pad-rate', 'pad-bad-reasons', 'pad-countdown', 'pad-bad-phone', 'pad-bad-consent', 'pad-thanks-bad',
      ]);

      const stored = await waitFor(async () => ratingOf(ticket.id));
      expect(stored).toMatchObject({ score: 1, reasons: JSON.stringify(['等候时间过长', '业务不熟练']) });
      expect(stored['phone_sealed']).not.toBeNull();
      await context.close();
    }, 300_000);
  }

  it('turns to 长辈模式 by itself for a 绿色通道 ticket and back after the rating; the idle screen has the switch', async () => {
    const context = await padContext(browser);
    const pad = await openPad(context, hall.url, 5);
    const counter = await hall.pair('counter', 5);
    await hall.api('POST', '/api/windows/5/sign-in', { staffId: '20105' }, counter);
    await pad.locator('.pad-staff-name').waitFor();
    const mode = () => pad.evaluate(() => document.documentElement.dataset.mode);
    expect(await mode()).toBe('normal');
    await pad.getByTestId('senior-switch').click();
    expect(await mode()).toBe('senior');
    await checkPad(pad, 'idle-switched', 'senior');
    await pad.getByTestId('senior-switch').click();
    expect(await mode()).toBe('normal');

    const admin = await hall.admin();
    const issued = await hall.api('POST', '/api/tickets', { idempotencyKey: `pad-senior-${process.pid}-green`, serviceCode: '212036009001', priority: 'elderly', identity: testIdentity() }, admin);
    expect(issued.status).toBeLessThan(300);
    await hall.api('POST', '/api/windows/5/call-next', {}, counter);
    await expect.poll(() => pad.locator('.pad-serving-number').textContent()).toBe(issued.body.ticket.number);
    await hall.api('POST', '/api/windows/5/finish', {}, counter);
    await pad.getByRole('heading', { name: '请您对本次服务进行评价' }).waitFor();
    expect(await mode()).toBe('senior');
    await checkPad(pad, 'rate-green', 'senior', { max: 5 });
    await pad.getByTestId('level-5').click();
    await pad.getByRole('heading', { name: '感谢您的评价！' }).waitFor();
    await pad.locator('.pad-staff-name').waitFor({ timeout: 15_000 });
    expect(await mode()).toBe('normal');
    await context.close();
  }, 180_000);

  it('turns to 长辈模式 by itself for a ticket issued in 长辈模式 (the kiosk\'s senior flag), and back after the rating', async () => {
    const context = await padContext(browser);
    await recordVoiceIn(context);
    const pad = await openPad(context, hall.url, 2);
    const counter = await hall.pair('counter', 2);
    await hall.api('POST', '/api/windows/2/sign-in', { staffId: '20102' }, counter);
    await pad.locator('.pad-staff-name').waitFor();
    const mode = () => pad.evaluate(() => document.documentElement.dataset.mode);
    expect(await mode()).toBe('normal');

    const issued = await hall.api('POST', '/api/tickets', {
      idempotencyKey: `pad-senior-${process.pid}-senior-flag`, serviceCode: '212036001002', identity: testIdentity(), senior: true,
    }, kiosk);
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    expect(issued.body.ticket).toMatchObject({ priority: 'normal', senior: true });
    await hall.api('POST', '/api/windows/2/call-next', {}, counter);
    await expect.poll(() => pad.locator('.pad-serving-number').textContent()).toBe(issued.body.ticket.number);
    expect(await mode()).toBe('normal');
    await hall.api('POST', '/api/windows/2/finish', {}, counter);
    await pad.getByRole('heading', { name: '请您对本次服务进行评价' }).waitFor();
    expect(await mode()).toBe('senior');
    await checkPad(pad, 'rate-senior-ticket', 'senior', { max: 5 });
    await expectPromptStarted(pad, 'pad-rate');
    await pad.getByTestId('level-5').click();
    await pad.getByRole('heading', { name: '感谢您的评价！' }).waitFor();
    await expectPromptStarted(pad, 'pad-thanks');
    await pad.locator('.pad-staff-name').waitFor({ timeout: 15_000 });
    expect(await mode()).toBe('normal');
    await context.close();
  }, 180_000);
});
