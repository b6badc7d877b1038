// A ticket's QR scanned at the kiosk (real Chromium, real hall, the bridge's simulated scanner): the home screen shows
// that ticket's progress in the same words as the phone page, in both modes, and 返回 closes it. Each mode scans a
// ticket of its own: the bridge drops the same code scanned again within 2 s (a held QR is read over and over), and the
// second test can start sooner than that after the first one's scan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testIdentity } from '../support/citizens.ts';
import { layoutProblems } from '../support/layout.ts';
import { checkScreen, ITEM_REQUIRED, startKioskRig, type KioskRig } from './kiosk-helpers.ts';

let rig: KioskRig;
/** Per mode, the ticket it scans and how many wait before it. */
let scanned: Record<'normal' | 'senior', { progressUrl: string; number: string; ahead: number }>;

beforeAll(async () => {
  rig = await startKioskRig({ hall: { config: { citizen: { hallUrl: 'http://192.168.10.2:4600' } } } });
  const kiosk = await rig.hall.pair('kiosk');
  const issued: { progressUrl: string; number: string }[] = [];
  for (let i = 0; i < 3; i++) {
    const res = await rig.hall.api('POST', '/api/tickets', { idempotencyKey: `kiosk-scan-${i}-xxxx`, serviceCode: ITEM_REQUIRED, identity: testIdentity() }, kiosk);
    expect(res.status).toBe(201);
    issued.push({ progressUrl: res.body.progressUrl, number: res.body.ticket.number });
  }
  scanned = { normal: { ...issued[1]!, ahead: 1 }, senior: { ...issued[2]!, ahead: 2 } };
});
afterAll(() => rig.close());

describe('scanning a ticket at the kiosk', () => {
  for (const mode of ['normal', 'senior'] as const) {
    it(`shows its progress and closes with 返回 (${mode})`, async () => {
      const { page } = await rig.open(mode);
      const { progressUrl, number, ahead } = scanned[mode];
      await rig.sim.sim({ action: 'scan', code: progressUrl });
      const shown = page.getByTestId('scanned-ticket');
      await shown.waitFor();
      expect(await shown.locator('h1').textContent()).toBe(`${number} 排队进度`);
      expect(await shown.textContent()).toContain(`前面还有 ${ahead} 人`);
      await checkScreen(page, 'scanned-ticket', mode);
      expect(await layoutProblems(page)).toEqual({ outside: [], overlapping: [], squeezed: [] });
      await page.getByTestId('scanned-ticket-close').tap();
      await shown.waitFor({ state: 'detached' });
    });
  }
});
