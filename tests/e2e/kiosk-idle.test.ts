// Idle reset: after 60 s without a touch (120 s in 长辈模式) a countdown with "继续"; at zero everything personal is gone
// from the screen and the DOM. Time is moved with Playwright's clock, the rest is real.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SIM_PRESETS } from '../../device-bridge/simulators/identities.ts';
import { checkScreen, expectNoPersonalData, ITEM_REQUIRED, openItem, startKioskRig, tap, type KioskRig } from './kiosk-helpers.ts';

let rig: KioskRig;

beforeAll(async () => {
  rig = await startKioskRig();
});
afterAll(() => rig?.close());

async function toConfirm(page: Page, preset: 'senior' | 'resident') {
  await openItem(page, ITEM_REQUIRED);
  await tap(page, 'take-ticket');
  await page.getByTestId('screen-identify').waitFor();
  await rig.sim.sim({ action: 'card.insert', reader: 'idcard', preset });
  await page.getByTestId('screen-confirm').waitFor({ timeout: 15_000 });
  await rig.sim.sim({ action: 'card.remove', reader: 'idcard' });
}

describe('idle reset', () => {
  it('counts down after 60 s, 继续 keeps the citizen, and at zero wipes everything personal', async () => {
    const { page } = await rig.open('normal', { clock: true });
    await toConfirm(page, 'resident');
    expect(await page.getByTestId('masked-name').textContent()).toBe('张*');

    await page.clock.fastForward(59_000);
    expect(await page.getByTestId('idle-overlay').count()).toBe(0);
    await page.clock.fastForward(2_000);
    await page.getByTestId('idle-overlay').waitFor();
    expect(Number(await page.getByTestId('idle-seconds').textContent())).toBeGreaterThanOrEqual(18);
    await checkScreen(page, 'idle-countdown', 'normal');

    await tap(page, 'idle-continue');
    await expect.poll(() => page.getByTestId('idle-overlay').count()).toBe(0);
    expect(await page.getByTestId('screen-confirm').count()).toBe(1);

    await page.clock.fastForward(61_000);
    await page.getByTestId('idle-overlay').waitFor();
    await page.clock.fastForward(21_000);
    await page.getByTestId('screen-home').waitFor();
    expect(await page.getByTestId('idle-overlay').count()).toBe(0);
    const html = await page.evaluate(() => document.documentElement.outerHTML);
    expect(html).not.toContain('张*');
    expect(html).not.toContain(SIM_PRESETS.resident.idNumber.slice(-4) + '<');
    await expectNoPersonalData(page, SIM_PRESETS.resident);
    // Going forward again shows a fresh flow, not the previous citizen.
    await openItem(page, ITEM_REQUIRED);
    await tap(page, 'take-ticket');
    await page.getByTestId('screen-identify').waitFor();
    expect(await page.getByTestId('identify-error').count()).toBe(0);
  });

  it('never sends the citizen home while a help request is open (staff are coming), for up to 10 minutes', async () => {
    const { page } = await rig.open('normal', { clock: true });
    await toConfirm(page, 'resident');
    await tap(page, 'help-button');
    await expect.poll(() => page.getByTestId('help-status').textContent()).toBe('工作人员马上就到，请您稍等');
    await page.clock.fastForward(5 * 60_000);
    expect(await page.getByTestId('idle-overlay').count()).toBe(0);
    expect(await page.getByTestId('screen-confirm').count()).toBe(1);
    // In 30 s steps, as the terminal's own ticks would see it: the hold ends at 10 minutes, the countdown follows 60 s later.
    for (let i = 0; i < 10; i++) await page.clock.fastForward(30_000);
    expect(await page.getByTestId('idle-overlay').count()).toBe(0);
    await page.clock.fastForward(31_000);
    await page.getByTestId('idle-overlay').waitFor();
    await page.clock.fastForward(21_000);
    await page.getByTestId('screen-home').waitFor();
  });

  it('waits 120 s in 长辈模式 before the countdown', async () => {
    const { page } = await rig.open('senior', { clock: true });
    await toConfirm(page, 'senior');
    await page.clock.fastForward(100_000);
    expect(await page.getByTestId('idle-overlay').count()).toBe(0);
    await page.clock.fastForward(21_000);
    await page.getByTestId('idle-overlay').waitFor();
    await checkScreen(page, 'idle-countdown', 'senior');
    await page.clock.fastForward(21_000);
    await page.getByTestId('screen-home').waitFor();
    await expectNoPersonalData(page, SIM_PRESETS.senior);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain('王*英');
    expect(await page.evaluate(() => document.documentElement.dataset.mode)).toBe('senior');
  });
});
