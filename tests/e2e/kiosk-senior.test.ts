// 长辈模式 (?mode=senior) in real Chromium: every screen with axe, computed text ≥ 36 px and targets ≥ 96×96 px,
// at most 4 item choices per screen, and the 绿色通道 for an elderly citizen identified by ID card.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SIM_PRESETS } from '../../device-bridge/simulators/identities.ts';
import { backHome, checkScreen, openItem, expectNoPersonalData, ITEM_OPTIONAL, ITEM_REQUIRED, startKioskRig, tap, type KioskRig } from './kiosk-helpers.ts';

let rig: KioskRig;
let page: Page;

beforeAll(async () => {
  rig = await startKioskRig();
  ({ page } = await rig.open('senior'));
});
afterAll(() => rig?.close());
beforeEach(() => backHome(page));

describe('kiosk in 长辈模式', () => {
  it('starts with the pack\'s one question of 4 answers, then at most 4 items a screen, and passes the size and axe checks', async () => {
    expect(await page.evaluate(() => document.documentElement.dataset.mode)).toBe('senior');
    expect(await page.getByTestId('senior-question').textContent()).toBe('请问您要办哪一类事？');
    expect(await page.locator('[data-testid^="answer-"]').count()).toBe(4);
    expect(await page.locator('[data-testid^="item-"]').count()).toBe(0);
    expect(await page.getByTestId('senior-switch').count()).toBe(0);
    await checkScreen(page, 'home', 'senior');
    await tap(page, 'answer-other');
    await expect.poll(() => page.getByTestId('page-status').textContent()).toBe('1 / 2');
    expect(await page.locator('[data-testid^="item-"]').count()).toBe(4);
    await checkScreen(page, 'home-items', 'senior');
    await tap(page, 'page-next');
    await expect.poll(() => page.getByTestId('page-status').textContent()).toBe('2 / 2');
    expect(await page.locator('[data-testid^="item-"]').count()).toBe(2);
    await tap(page, 'back');
    await page.getByTestId('senior-question').waitFor();
    await tap(page, 'open-info');
    await page.getByTestId('screen-info').waitFor();
    await checkScreen(page, 'info', 'senior');
    await tap(page, 'back');
  });

  it('offers the 绿色通道 to a citizen aged 70 or more and issues an elderly-priority ticket', async () => {
    const person = SIM_PRESETS.senior;
    await openItem(page, ITEM_REQUIRED);
    await page.getByTestId('screen-guide').waitFor();
    await checkScreen(page, 'guide', 'senior');
    await tap(page, 'take-ticket');
    await page.getByTestId('screen-identify').waitFor();
    await checkScreen(page, 'identify', 'senior');
    await rig.sim.sim({ action: 'card.insert', reader: 'idcard', preset: 'senior' });
    await page.getByTestId('screen-confirm').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('masked-name').textContent()).toBe('王*英');
    expect(await page.getByTestId('green-offer').textContent()).toContain('您已年满70周岁，可以走绿色通道优先办理');
    await expectNoPersonalData(page, person);
    await checkScreen(page, 'confirm-green', 'senior');
    // A decision screen never advances by itself.
    await page.waitForTimeout(3000);
    expect(await page.getByTestId('screen-confirm').count()).toBe(1);
    await rig.sim.sim({ action: 'card.remove', reader: 'idcard' });
    await tap(page, 'green-yes');
    await page.getByTestId('screen-notice').waitFor();
    expect(await page.locator('main').textContent()).toContain('您已选择绿色通道');
    await checkScreen(page, 'notice', 'senior');
    await tap(page, 'issue');
    await page.getByTestId('screen-ticket').waitFor();
    await expect.poll(() => page.getByTestId('print-status').getAttribute('data-print'), { timeout: 15_000 }).toBe('printed');
    await checkScreen(page, 'ticket', 'senior');
    const number = await page.getByTestId('ticket-number').textContent();
    const admin = await rig.hall.admin();
    const queue = await rig.hall.api('GET', '/api/queue', undefined, admin);
    const ticket = (queue.body.waiting as Array<{ number: string; priority: string }>).find((t) => t.number === number);
    expect(ticket?.priority).toBe('elderly');
    await tap(page, 'finish');
    await page.getByTestId('thanks').waitFor();
    await checkScreen(page, 'thanks', 'senior');
    await page.getByTestId('screen-home').waitFor({ timeout: 10_000 });
  });

  it('lets an elderly citizen decline the 绿色通道 and issues a normal ticket', async () => {
    // Another item than the test above: the same person's waiting ticket for the same item would be reused.
    await openItem(page, ITEM_OPTIONAL);
    await tap(page, 'take-ticket');
    await page.getByTestId('screen-identify').waitFor();
    await rig.sim.sim({ action: 'card.insert', reader: 'idcard', preset: 'senior' });
    await page.getByTestId('screen-confirm').waitFor({ timeout: 15_000 });
    await rig.sim.sim({ action: 'card.remove', reader: 'idcard' });
    await page.getByTestId('green-offer').waitFor();
    await tap(page, 'green-no');
    await page.getByTestId('screen-notice').waitFor();
    expect(await page.locator('main').textContent()).not.toContain('您已选择绿色通道');
    await tap(page, 'issue');
    await page.getByTestId('screen-ticket').waitFor();
    const number = await page.getByTestId('ticket-number').textContent();
    const admin = await rig.hall.admin();
    const queue = await rig.hall.api('GET', '/api/queue', undefined, admin);
    const ticket = (queue.body.waiting as Array<{ number: string; priority: string }>).find((t) => t.number === number);
    expect(ticket?.priority).toBe('normal');
    await expect.poll(() => page.getByTestId('print-status').getAttribute('data-print'), { timeout: 15_000 }).toBe('printed');
    await tap(page, 'finish');
    await page.getByTestId('screen-home').waitFor({ timeout: 10_000 });
  });

  it('offers no 绿色通道 below the item\'s age', async () => {
    await openItem(page, ITEM_REQUIRED);
    await tap(page, 'take-ticket');
    await rig.sim.sim({ action: 'card.insert', reader: 'idcard', preset: 'longTerm' });
    await page.getByTestId('screen-confirm').waitFor({ timeout: 15_000 });
    await rig.sim.sim({ action: 'card.remove', reader: 'idcard' });
    // Born 1960: 66, below the item's 70.
    expect(await page.getByTestId('green-offer').count()).toBe(0);
    await checkScreen(page, 'confirm', 'senior');
    await tap(page, 'confirm-identity');
    await tap(page, 'issue');
    await page.getByTestId('screen-ticket').waitFor();
    await expect.poll(() => page.getByTestId('print-status').getAttribute('data-print'), { timeout: 15_000 }).toBe('printed');
    await tap(page, 'finish');
    await page.getByTestId('screen-home').waitFor({ timeout: 10_000 });
  });
});
