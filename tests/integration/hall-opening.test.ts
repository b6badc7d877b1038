// Items open and close with the clock (issuing hours, the pack calendar) without any command: the queue module's minute
// timer tells the screens with queue.changed, and the ticket API follows the same schedule.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { testIdentity } from '../support/citizens.ts';

const HOLIDAY_REASON = '今日为法定节假日，暂停取号，请于工作日前来办理';
let now = new Date('2026-10-07T02:00:00Z'); // 10:00 on the last day of 国庆节
let hall: TestHall;
let kiosk: string;
let service: string;

beforeAll(async () => {
  // Only the interval timers are fake: the module's minute timer runs when the test says so.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  hall = await startTestHall({ config: { queue: { enforceIssuingHours: true } }, now: () => now });
  kiosk = await hall.pair('kiosk');
  service = (await hall.api('GET', '/api/queue', undefined, kiosk)).body.services[0].code;
});
afterAll(async () => {
  await hall.close();
  vi.useRealTimers();
});

let key = 0;
const issue = () => hall.api('POST', '/api/tickets', { idempotencyKey: `opening-${key++}-xxxx`, serviceCode: service, identity: testIdentity() }, kiosk);

describe('opening with the clock', () => {
  it('is closed on a holiday, and tells the kiosk when the next working day opens the items', async () => {
    const socket = await hall.socket(kiosk);
    const snap = await socket.waitFor((m) => m.type === 'snapshot');
    const first = snap.snapshot.modules.queue.services[0];
    expect([first.open, first.closedReason]).toEqual([false, HOLIDAY_REASON]);
    const refused = await issue();
    expect([refused.status, refused.body.error.code, refused.body.error.message]).toEqual([409, 'service_closed', HOLIDAY_REASON]);

    now = new Date('2026-10-08T00:00:00Z'); // 08:00 on a working day: before the issuing hours
    vi.advanceTimersByTime(60_000);
    const early = await socket.waitFor((m) => m.type === 'event' && m.event.type === 'queue.changed');
    expect(early.event.data.services[0].closedReason).toBe('当前不在取号时间（08:30—11:20，13:00—16:40）');

    now = new Date('2026-10-08T01:00:00Z'); // 09:00
    vi.advanceTimersByTime(60_000);
    const open = await socket.waitFor((m) => m.type === 'event' && m.event.type === 'queue.changed' && m.event.data.services[0].open);
    expect(open.event.data.services[0].closedReason).toBeNull();
    const changes = socket.messages.filter((m) => m.type === 'event' && m.event.type === 'queue.changed').length;
    vi.advanceTimersByTime(60_000); // nothing changed: no new event
    expect((await issue()).status).toBe(201);
    await socket.waitFor((m) => m.type === 'event' && m.event.type === 'queue.changed' && m.event.data.services[0].issuedToday === 1);
    expect(socket.messages.filter((m) => m.type === 'event' && m.event.type === 'queue.changed').length).toBe(changes + 1);
    socket.close();
  });

  it('opens on a 调休 working Saturday and closes on an ordinary Sunday', async () => {
    now = new Date('2026-10-10T01:00:00Z'); // Saturday 09:00, 调休上班
    const res = await issue();
    expect(res.status).toBe(201);
    now = new Date('2026-10-11T01:00:00Z'); // Sunday 09:00
    expect((await issue()).body.error.message).toBe('今日为休息日，暂停取号，请于工作日前来办理');
  });
});
