// The kiosk on a statutory holiday: a hall whose clock is pinned to 国庆节 (2026-10-01, 10:00 in the hall) with the issuing
// schedule on. The home screen says why no tickets are issued, an item's guide shows the reason instead of 取号办理.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkScreen, ITEM_REQUIRED, startKioskRig, tap, type KioskRig } from './kiosk-helpers.ts';

const HOLIDAY_REASON = '今日为法定节假日，暂停取号，请于工作日前来办理';

let rig: KioskRig;
let page: Page;

beforeAll(async () => {
  rig = await startKioskRig({
    hall: { config: { queue: { enforceIssuingHours: true } }, now: () => new Date('2026-10-01T02:00:00Z') },
  });
  ({ page } = await rig.open('normal'));
});
afterAll(() => rig?.close());

describe('kiosk on a statutory holiday', () => {
  it('shows the closed state with the reason on the home screen and instead of 取号办理', async () => {
    await expect.poll(() => page.getByTestId('hall-closed').textContent(), { timeout: 10_000 }).toBe(HOLIDAY_REASON);
    await checkScreen(page, 'home-holiday', 'normal');
    await tap(page, `item-${ITEM_REQUIRED}`);
    await page.getByTestId('screen-guide').waitFor();
    expect(await page.getByTestId('service-closed').textContent()).toBe(HOLIDAY_REASON);
    expect(await page.getByTestId('take-ticket').count()).toBe(0);
    await checkScreen(page, 'guide-holiday', 'normal');
  });
});
