// The queue rules peers have and halls ask for, against a real hall on the sample pack: 过号重排 (a late citizen's 过号
// ticket rejoins behind N waiting tickets, N from the hall config) and a paused window that is never called.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHall, type TestHall } from '../support/hall.ts';

const EMPLOYEE_REGISTRATION = '212036001002'; // 职工参保登记, served at 2号窗口, identity optional
const REJOIN_AFTER = 2;

let hall: TestHall;
let counter: string;
let kiosk: string;
beforeAll(async () => {
  hall = await startTestHall({ config: { queue: { noShowAfterCalls: 1, recallCooldownSeconds: 0, rejoinAfter: REJOIN_AFTER } } });
  kiosk = await hall.pair('kiosk');
  counter = await hall.pair('counter', 2);
  expect((await hall.api('POST', '/api/windows/2/sign-in', { staffId: '20102' }, counter)).status).toBe(200);
});
afterAll(() => hall.close());

let k = 0;
const issue = async () => {
  const res = await hall.api('POST', '/api/tickets', { idempotencyKey: `rules-${k++}-xxxxxxxx`, serviceCode: EMPLOYEE_REGISTRATION }, kiosk);
  expect(res.status).toBe(201);
  return res.body.ticket as { id: string; number: string };
};
const act = (name: string, body: object = {}) => hall.api('POST', `/api/windows/2/${name}`, body, counter);

describe('queue rules', () => {
  it('过号重排: a 过号 ticket whose citizen comes back is called after the next N waiting tickets, N from the config', async () => {
    const late = await issue();
    const others = [await issue(), await issue(), await issue()];
    expect((await act('call-next')).body.ticket.number).toBe(late.number);
    expect((await act('no-show')).body.ticket).toBeNull();
    const rejoined = await act('rejoin', { ticketId: late.id });
    expect(rejoined.status).toBe(200);
    expect((await act('rejoin', { ticketId: late.id })).body.error.code).toBe('not_no_show');
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      order.push((await act('call-next')).body.ticket.number);
      expect((await act('finish')).status).toBe(200);
    }
    expect(order).toEqual([others[0]!.number, others[1]!.number, late.number, others[2]!.number]);
  });

  it('a paused window is never called: neither the next ticket nor one by number', async () => {
    const waiting = await issue();
    expect((await act('pause')).status).toBe(200);
    for (const [name, body] of [['call-next', {}], ['call', { ticketId: waiting.id }]] as const) {
      const res = await act(name, body);
      expect([res.status, res.body.error.code, res.body.error.message]).toEqual([409, 'window_paused', '本窗口已暂停服务，请先恢复服务']);
    }
    expect((await act('resume')).status).toBe(200);
    expect((await act('call', { ticketId: waiting.id })).body.ticket.number).toBe(waiting.number);
  });
});
