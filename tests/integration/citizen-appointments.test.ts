// Kiosk check-in of a region booking (DB21/T 4402 §10.1.2) on an in-process hall whose appointments module holds the
// feed the region link would pull: on time (a 预约 ticket called at its slot ahead of walk-ins), early, late, after a
// restart with no region at all, and 爽约.
import { createHmac, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointmentHashInput, type AppointmentFeed } from '../../protocol/citizen/appointments.ts';
import type { AppointmentsModule } from '../../hall-server/appointments/module.ts';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { testIdentity } from '../support/citizens.ts';
import { readDb, SERVICE_OF_WINDOW, terminals, type Terminals } from './rating-flow.helpers.ts';

const SERVICE = SERVICE_OF_WINDOW[1]!;
/** 10:00 hall time (UTC+8) on a Monday. */
const SLOT = Date.parse('2026-12-07T02:00:00Z');
const MIN = 60_000;
const key = randomBytes(32);
const hashOf = (idNumber: string) => createHmac('sha256', key).update(appointmentHashInput(idNumber)).digest('hex');

const onTime = testIdentity('李四');
const early = testIdentity('王五');
const late = testIdentity('赵六');
const missing = testIdentity('钱七');
const offline = testIdentity('孙八');

const feed: AppointmentFeed = {
  keyId: 'site-key-1',
  key: key.toString('base64'),
  appointments: [
    { code: '10000001', serviceCode: SERVICE, slotStart: new Date(SLOT).toISOString(), personHash: hashOf(onTime.idNumber), status: 'booked' },
    { code: '10000002', serviceCode: SERVICE, slotStart: new Date(SLOT + 60 * MIN).toISOString(), personHash: hashOf(early.idNumber), status: 'booked' },
    { code: '10000003', serviceCode: SERVICE, slotStart: new Date(SLOT - 60 * MIN).toISOString(), personHash: hashOf(late.idNumber), status: 'booked' },
    { code: '10000004', serviceCode: SERVICE, slotStart: new Date(SLOT - 30 * MIN).toISOString(), personHash: hashOf(missing.idNumber), status: 'booked' },
    { code: '10000005', serviceCode: SERVICE, slotStart: new Date(SLOT + 30 * MIN).toISOString(), personHash: hashOf(offline.idNumber), status: 'booked' },
  ],
};

let now = SLOT - 20 * MIN;
let hall: TestHall;
let appointments: AppointmentsModule;
let t: Terminals;

async function start(dataDir?: string): Promise<void> {
  hall = await startTestHall({
    ...(dataDir ? { dataDir } : {}),
    now: () => new Date(now),
    onModules: (modules) => {
      appointments = modules.find((m) => m.name === 'appointments') as AppointmentsModule;
    },
  });
  t = await terminals(hall, [1]);
}

const checkIn = (body: Record<string, unknown>) => hall.api('POST', '/api/appointments/check-in', body, t.kiosk);

beforeAll(async () => {
  await start();
  expect(appointments.applyFeed(feed)).toBe(5);
});
afterAll(async () => {
  await hall.close();
});

describe('DB21/T 4402 §10.1.2: check-in at the kiosk', () => {
  it('on time by ID card: a 预约 ticket, called at its slot before a walk-in who came first', async () => {
    const walkIn = await hall.api('POST', '/api/tickets', { idempotencyKey: 'walk-in-0001', serviceCode: SERVICE, identity: testIdentity() }, t.kiosk);
    expect(walkIn.status).toBe(201);
    const res = await checkIn({ idempotencyKey: 'check-in-0001', identity: onTime });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.timing).toBe('on_time');
    expect(res.body.ticket.ticket.appointmentAt).toBe(new Date(SLOT).toISOString());
    expect(res.body.message).toBe(`您好，预约签到成功。您预约的“${res.body.appointment.serviceName}”（10:00）已为您取号，请留意叫号。`);

    now = SLOT;
    expect((await hall.api('POST', '/api/windows/1/sign-in', { staffId: '20101' }, t.counter[1])).status).toBe(200);
    const call = await hall.api('POST', '/api/windows/1/call-next', { idempotencyKey: 'call-next-0001' }, t.counter[1]);
    expect(call.status).toBe(200);
    expect(call.body.window.current.id).toBe(res.body.ticket.ticket.id);
    expect(call.body.window.current.appointmentAt).toBe(new Date(SLOT).toISOString());
  });

  it('the kiosk\'s retry of a check-in gets the same ticket; a second check-in of the booking is refused with a clear message', async () => {
    const first = readDb(hall, (db) => db.prepare("SELECT ticket_id FROM appointments WHERE code = '10000001'").get()) as { ticket_id: string };
    const retry = await checkIn({ idempotencyKey: 'check-in-0001', identity: onTime });
    expect(retry.status, JSON.stringify(retry.body)).toBe(200);
    expect([retry.body.timing, retry.body.ticket.ticket.id, retry.body.ticket.reused]).toEqual(['on_time', first.ticket_id, 'idempotent']);
    const res = await checkIn({ idempotencyKey: 'check-in-0002', code: '10000001', identity: onTime });
    expect([res.status, res.body.error.message]).toEqual([409, '该预约已签到取号，请留意叫号']);
  });

  it('early by 预约码: no ticket, and when to come back', async () => {
    const res = await checkIn({ idempotencyKey: 'check-in-0003', code: '10000002', identity: early });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ timing: 'early', ticket: null, comeBackFrom: new Date(SLOT + 30 * MIN).toISOString() });
    expect(res.body.message).toContain('时间是 11:00，请您于 10:30 以后再来签到');
  });

  it('late: an ordinary ticket with the explanation, and the booking counts as 爽约', async () => {
    const res = await checkIn({ idempotencyKey: 'check-in-0004', identity: late });
    expect(res.status).toBe(200);
    expect(res.body.timing).toBe('late');
    expect(res.body.ticket.ticket.appointmentAt).toBeNull();
    expect(res.body.message).toBe('您好，您预约的 09:00 时段已超过签到时间（预约时段开始后 15 分钟内签到有效），已为您取普通号，请按顺序等候，谢谢您的理解。');
    const row = readDb(hall, (db) => db.prepare("SELECT status FROM appointments WHERE code = '10000003'").get());
    expect(row).toEqual({ status: 'no_show' });
  });

  it('an unknown 预约码 is answered in Chinese and changes nothing', async () => {
    const res = await checkIn({ idempotencyKey: 'check-in-0005', code: '99999999', identity: testIdentity() });
    expect([res.status, res.body.error.code, res.body.error.message]).toEqual([404, 'appointment_not_found', '没有找到您的预约，请核对预约码，或直接取号办理']);
  });

  it('爽约: a booking not checked in by slot + 15 min is recorded once, for the statistics and the region, without the person', async () => {
    expect(appointments.sweepNow()).toBe(1);
    expect(appointments.sweepNow()).toBe(0);
    const records = readDb(hall, (db) => db.prepare("SELECT data FROM events WHERE type = 'appointment.recorded' ORDER BY seq").all()) as Array<{ data: string }>;
    const parsed = records.map((r) => JSON.parse(r.data));
    expect(parsed.map((r) => [r.code, r.status])).toEqual([['10000001', 'checked_in'], ['10000003', 'no_show'], ['10000004', 'no_show']]);
    for (const r of records) expect(r.data).not.toContain(missing.idNumber);
    const stats = await hall.api('GET', '/api/admin/appointments/stats', undefined, t.admin);
    expect(stats.body).toEqual({ day: '2026-12-07', booked: 5, checkedIn: 1, noShow: 2 });
  });

  it('late after the 爽约 sweep: the card still finds the booking and gets an ordinary ticket with the explanation, once', async () => {
    const res = await checkIn({ idempotencyKey: 'check-in-0007', identity: missing });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect([res.body.timing, res.body.appointment.code, res.body.ticket.ticket.appointmentAt]).toEqual(['late', '10000004', null]);
    const again = await checkIn({ idempotencyKey: 'check-in-0008', identity: missing });
    expect([again.status, again.body.error.code]).toEqual([404, 'appointment_not_found']);
    const records = readDb(hall, (db) => db.prepare("SELECT count(*) AS n FROM events WHERE type = 'appointment.recorded'").get());
    expect(records).toEqual({ n: 3 });
  });

  it('with no region at all, after a restart, check-in still works from the hall\'s own copy', async () => {
    const dataDir = hall.dataDir;
    await hall.close(false);
    await start(dataDir);
    const res = await checkIn({ idempotencyKey: 'check-in-0006', identity: offline });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.timing).toBe('on_time');
    expect(res.body.ticket.ticket.appointmentAt).toBe(new Date(SLOT + 30 * MIN).toISOString());
  });
});
