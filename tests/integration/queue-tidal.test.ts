// DB21/T 4402 §7.1.6 against a real hall on the sample pack: the tidal window (6号) serves 居民参保登记, 异地就医备案 and
// 异地住院报销 but not 医疗救助 报销, so opening it adds no capacity for 医疗救助 tickets piling up at 4号窗口.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { testIdentity } from '../support/citizens.ts';

const MEDICAL_ASSISTANCE = '212036012001';
const TIDAL_WINDOW = 6;

let hall: TestHall;
beforeAll(async () => {
  hall = await startTestHall();
});
afterAll(() => hall.close());

describe('tidal alert with a tidal window that cannot serve the piled-up item', () => {
  it('DB21/T 4402 §7.1.6: 60 医疗救助 tickets waiting, the tidal window opens, the alert stays up', async () => {
    const kiosk = await hall.pair('kiosk');
    for (let i = 0; i < 60; i++) {
      const issued = await hall.api('POST', '/api/tickets', { idempotencyKey: `tidal-${i}-xxxxxxxx`, serviceCode: MEDICAL_ASSISTANCE, identity: testIdentity() }, kiosk);
      expect(issued.status).toBe(201);
    }
    const admin = await hall.admin();
    const alerts = async () => (await hall.api('GET', '/api/queue', undefined, admin)).body.tidalAlerts.map((a: { group: string; waiting: number }) => [a.group, a.waiting]);
    expect(await alerts()).toEqual([['4号窗口', 60]]);

    const tidal = await hall.pair('counter', TIDAL_WINDOW);
    expect((await hall.api('POST', `/api/windows/${TIDAL_WINDOW}/sign-in`, { staffId: '20106' }, tidal)).status).toBe(200);
    expect((await hall.api('POST', `/api/windows/${TIDAL_WINDOW}/resume`, {}, tidal)).status).toBe(200);
    const snapshot = (await hall.api('GET', '/api/queue', undefined, admin)).body;
    expect(snapshot.windows.find((w: { number: number }) => w.number === TIDAL_WINDOW).paused).toBe(false);
    expect(await alerts()).toEqual([['4号窗口', 60]]);
  });
});
