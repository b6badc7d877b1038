// 容缺受理 through the real hall-server and SQLite: the counter records it against the ticket it serves, the console
// lists the open 补正 with due dates by the pack calendar, reminds before they lapse, marks them supplied, counts them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { testIdentity } from '../support/citizens.ts';

// Thursday 2026-12-03 10:00 in the hall (UTC+8).
let clock = Date.parse('2026-12-03T02:00:00Z');
let hall: TestHall;
let kiosk: string;
let counter1: string;
let counter2: string;
let admin: string;
let keys = 0;

async function serve(serviceCode: string, window: number, token: string): Promise<{ id: string; number: string }> {
  const issued = await hall.api('POST', '/api/tickets', { idempotencyKey: `deferral-${++keys}`, serviceCode, identity: testIdentity() }, kiosk);
  expect(issued.status).toBe(201);
  const called = await hall.api('POST', `/api/windows/${window}/call-next`, {}, token);
  expect(called.status).toBe(200);
  return { id: called.body.ticket.id, number: called.body.ticket.number };
}

beforeAll(async () => {
  // The clock moves days ahead: the console session must outlast it.
  hall = await startTestHall({ now: () => new Date(clock), adminSessionMs: 30 * 86_400_000 });
  kiosk = await hall.pair('kiosk');
  counter1 = await hall.pair('counter', 1);
  counter2 = await hall.pair('counter', 2);
  admin = await hall.admin();
  expect((await hall.api('POST', '/api/windows/1/sign-in', { staffId: '20101' }, counter1)).status).toBe(200);
});
afterAll(() => hall?.close());

describe('容缺受理 at the counter and in the console', () => {
  let deferralId = '';

  it('DB21/T 4402 §9.5: the counter records 容缺 against the ticket it serves, due in 5 working days by the pack calendar', async () => {
    const ticket = await serve('212036001003', 1, counter1);
    const wrong = await hall.api('POST', '/api/windows/1/deferrals', { ticketId: ticket.id, materials: ['居民身份证或户口簿'] }, counter1);
    expect(wrong).toMatchObject({ status: 422, body: { error: { code: 'not_deferrable', message: '「居民身份证或户口簿」不是本事项可以容缺的材料' } } });
    const otherWindow = await hall.api('POST', '/api/windows/1/deferrals', { ticketId: ticket.id, materials: ['居住证'] }, counter2);
    expect(otherWindow.status).toBe(403);
    const res = await hall.api('POST', '/api/windows/1/deferrals', { ticketId: ticket.id, materials: ['居住证'] }, counter1);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      ticketNumber: ticket.number, serviceName: '城乡居民参保登记', window: 1, materials: ['居住证'],
      acceptedOn: '2026-12-03', dueOn: '2026-12-10', state: 'open', workingDaysLeft: 5, remind: false,
    });
    expect(res.body.maskedName).toMatch(/\*/);
    deferralId = res.body.id;
    const again = await hall.api('POST', '/api/windows/1/deferrals', { ticketId: ticket.id, materials: ['居住证'] }, counter1);
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'already_recorded' } } });
    const audit = await hall.api('GET', '/api/admin/audit?action=deferral', undefined, admin);
    expect(audit.body.entries.map((e: { action: string }) => e.action)).toEqual(['deferral.accepted']);
    expect((await hall.api('POST', '/api/windows/1/finish', {}, counter1)).status).toBe(200);
  });

  it('DB21/T 4402 §9.5: an item without 容缺 cannot be recorded as one', async () => {
    const ticket = await serve('212036002003', 1, counter1);
    const res = await hall.api('POST', '/api/windows/1/deferrals', { ticketId: ticket.id, materials: ['居民身份证'] }, counter1);
    expect(res).toMatchObject({ status: 422, body: { error: { code: 'deferral_not_allowed', message: '本事项不适用容缺受理' } } });
    expect((await hall.api('POST', '/api/windows/1/finish', {}, counter1)).status).toBe(200);
  });

  it('DB21/T 4402 §9.5.10: the console lists the open 补正 and reminds 2 working days before it lapses', async () => {
    const now = await hall.api('GET', '/api/admin/deferrals', undefined, admin);
    expect(now.body.pending.map((d: { dueOn: string; remind: boolean }) => [d.dueOn, d.remind])).toEqual([['2026-12-10', false]]);
    expect(now.body.stats).toEqual({ month: '2026-12', accepted: 1, supplied: 0, lapsed: 0, open: 1 });
    clock = Date.parse('2026-12-08T02:00:00Z');
    const later = await hall.api('GET', '/api/admin/deferrals', undefined, admin);
    expect(later.body.pending[0]).toMatchObject({ workingDaysLeft: 2, remind: true, state: 'open' });
    expect((await hall.api('GET', '/api/admin/deferrals', undefined, counter1)).status).toBe(403);
  });

  it('DB21/T 4402 §9.5: supplied materials close the 补正; statistics count it', async () => {
    const res = await hall.api('POST', `/api/admin/deferrals/${deferralId}/supplied`, undefined, admin);
    expect(res.body).toMatchObject({ state: 'supplied', suppliedOn: '2026-12-08', remind: false });
    const list = await hall.api('GET', '/api/admin/deferrals', undefined, admin);
    expect(list.body.pending).toEqual([]);
    expect(list.body.stats).toEqual({ month: '2026-12', accepted: 1, supplied: 1, lapsed: 0, open: 0 });
  });
});
