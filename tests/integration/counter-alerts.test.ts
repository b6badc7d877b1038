// What the counter panels are told besides the queue: a citizen's help request from a kiosk or pad (not only the
// console), and a kiosk printer that ran out of paper, pushed to the console and the counters as it happens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHall, type TestHall, type TestSocket } from '../support/hall.ts';

let hall: TestHall;
let counter: TestSocket;
let admin: TestSocket;
let kiosk: string;

beforeAll(async () => {
  hall = await startTestHall();
  kiosk = await hall.pair('kiosk');
  counter = await hall.socket(await hall.pair('counter', 2));
  admin = await hall.socket(await hall.admin());
  await counter.waitFor((m) => m.type === 'snapshot');
  await admin.waitFor((m) => m.type === 'snapshot');
});
afterAll(async () => {
  counter.close();
  admin.close();
  await hall.close();
});

const event = (socket: TestSocket, type: string, pred: (data: any) => boolean = () => true) => // any: event data as sent
  socket.waitFor((m) => m.type === 'event' && m.event.type === type && pred(m.event.data));

describe('counter panel alerts', () => {
  it('a help request reaches the counter panels, in the event and in a fresh snapshot, and its resolution too', async () => {
    const raised = await hall.api('POST', '/api/help', { screen: 'identify' }, kiosk);
    expect(raised.status).toBe(201);
    const pushed = await event(counter, 'help.requested');
    expect(pushed.event.data.request).toMatchObject({ id: raised.body.request.id, screen: 'identify', resolvedAt: null });
    const fresh = await hall.socket(await hall.pair('counter', 3));
    const snap = await fresh.waitFor((m) => m.type === 'snapshot');
    expect(snap.snapshot.modules.identity.openHelpRequests.map((r: { id: number }) => r.id)).toEqual([raised.body.request.id]);
    fresh.close();
    expect((await hall.api('POST', `/api/admin/help/${raised.body.request.id}/resolve`, {}, await hall.admin())).status).toBe(200);
    expect((await event(counter, 'help.resolved')).event.data.request.resolvedAt).not.toBeNull();
  });

  it('a kiosk printer out of paper is pushed to the console and the counters once, and again when paper is loaded', async () => {
    const beat = (code: string | null) => hall.api('POST', '/api/terminals/heartbeat', {
      packVersion: 1,
      devices: [{ device: 'printer', state: code ? 'offline' : 'ok', reason: code ? '打印机缺纸，请更换打印纸' : '', ...(code ? { code } : {}) }],
    }, kiosk);
    expect((await beat(null)).status).toBe(200);
    expect((await beat('paper_out')).status).toBe(200);
    expect((await beat('paper_out')).status).toBe(200);
    for (const socket of [counter, admin]) {
      const out = await event(socket, 'device.alert', (d) => d.active === true);
      expect(out.event.data).toMatchObject({ device: 'printer', code: 'paper_out', active: true, reason: '打印机缺纸，请更换打印纸' });
    }
    expect((await beat(null)).status).toBe(200);
    const loaded = await event(counter, 'device.alert', (d) => d.active === false);
    expect(loaded.event.data.reason).toBe('打印机已装纸，恢复出票');
    expect(counter.messages.filter((m) => m.type === 'event' && m.event.type === 'device.alert').map((m) => m.event.data.active)).toEqual([true, false]);
  });
});
