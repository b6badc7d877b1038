// One hall day for every statistic: the queue and the ratings count a ticket taken at 23:50 and finished at 00:01 on
// the same day (the hall day starts at queue.dailyResetAt, 03:00), and the statistics carry the walk-to-window time
// and figures per 好差评 channel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { rating, SERVICE_OF_WINDOW, terminals, type Terminals } from './rating-flow.helpers.ts';
import { testIdentity } from '../support/citizens.ts';

let hall: TestHall;
let t: Terminals;
let clock = new Date('2026-11-23T23:50:00.000+08:00');
const at = (iso: string) => (clock = new Date(`${iso}+08:00`));

beforeAll(async () => {
  hall = await startTestHall({ now: () => clock });
  t = await terminals(hall, [1]);
  const counter = t.counter[1];
  const issued = await hall.api('POST', '/api/tickets', { idempotencyKey: 'hall-day-ticket-0001', serviceCode: SERVICE_OF_WINDOW[1], identity: testIdentity() }, t.kiosk);
  expect(issued.status).toBe(201);
  expect((await hall.api('POST', '/api/windows/1/sign-in', { staffId: '20101' }, counter)).status).toBe(200);
  at('2026-11-23T23:55:00');
  expect((await hall.api('POST', '/api/windows/1/call-next', {}, counter)).body.ticket.id).toBe(issued.body.ticket.id);
  at('2026-11-23T23:58:00');
  expect((await hall.api('POST', '/api/windows/1/start', {}, counter)).status).toBe(200);
  at('2026-11-24T00:01:00');
  expect((await hall.api('POST', '/api/windows/1/finish', {}, counter)).status).toBe(200);
  const rated = await hall.api('POST', '/api/windows/1/ratings', rating('hallday0001', issued.body.ticket.id, 5, { ratedAt: clock.toISOString() }), t.pad[1]);
  expect(rated.status).toBe(201);
});
afterAll(() => hall.close());

const stats = async (group: string) =>
  (await hall.api('GET', `/api/ratings/stats?from=2026-11-22&to=2026-11-25&group=${group}`, undefined, t.admin)).body;

describe('the hall day', () => {
  it('at 00:01 the wait and the finish land on the same hall day as the ticket, with the walk-to-window time', async () => {
    const byDay = await stats('day');
    expect(byDay.rows.map((r: { key: string; finished: number; rated: number; avgWaitSeconds: number; avgWalkSeconds: number; avgServiceSeconds: number }) =>
      [r.key, r.finished, r.rated, r.avgWaitSeconds, r.avgWalkSeconds, r.avgServiceSeconds])).toEqual([['2026-11-23', 1, 1, 300, 180, 180]]);
    expect((await hall.api('GET', '/api/queue', undefined, t.admin)).body.businessDay).toBe('2026-11-23');
  });

  it('gives the figures per 好差评 channel', async () => {
    const byChannel = await stats('channel');
    expect(byChannel.rows.map((r: { key: string; label: string; rated: number; satisfaction: number; coverage: number | null }) =>
      [r.key, r.label, r.rated, r.satisfaction, r.coverage])).toEqual([['touch', '评价器（触屏）', 1, 1, null]]);
  });
});
