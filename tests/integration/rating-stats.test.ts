// Statistics through the real hall-server on a controlled clock: grouping by week, staff and item, and the wait, service
// and idle times read from the queue's own records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN, TEST_ADMIN_PASSWORD, startTestHall, type TestHall } from '../support/hall.ts';
import { rating, SERVICE_OF_WINDOW, terminals, type Terminals } from './rating-flow.helpers.ts';
import { testIdentity } from '../support/citizens.ts';

let hall: TestHall;
let t: Terminals;
let clock = new Date('2026-11-23T01:00:00.000Z'); // Monday 09:00 in the hall
const at = (hhmm: string) => (clock = new Date(`2026-11-23T${hhmm}:00.000+08:00`));

async function admin(): Promise<string> {
  return (await hall.api('POST', '/api/admin/login', { staffNo: TEST_ADMIN.staffNo, password: TEST_ADMIN_PASSWORD })).body.token as string;
}

beforeAll(async () => {
  hall = await startTestHall({ now: () => clock });
  t = await terminals(hall, [1, 2]);
  await hall.admin();
  const counter = t.counter[1];
  at('09:00');
  const issue = (n: number) =>
    hall.api('POST', '/api/tickets', { idempotencyKey: `stats-test-${n}-abcdefgh`, serviceCode: SERVICE_OF_WINDOW[1], identity: testIdentity() }, t.kiosk);
  await issue(1);
  await issue(2);
  await hall.api('POST', '/api/windows/1/sign-in', { staffId: '20101' }, counter);
  at('09:05');
  const first = (await hall.api('POST', '/api/windows/1/call-next', {}, counter)).body.ticket.id as string;
  at('09:15');
  await hall.api('POST', '/api/windows/1/finish', {}, counter);
  const r1 = await hall.api('POST', '/api/windows/1/ratings', rating('statstest01', first, 5, { ratedAt: clock.toISOString() }), t.pad[1]);
  if (r1.status !== 201) throw new Error(`rating refused: ${JSON.stringify(r1.body)}`);
  at('09:20');
  const second = (await hall.api('POST', '/api/windows/1/call-next', {}, counter)).body.ticket.id as string;
  at('09:30');
  await hall.api('POST', '/api/windows/1/finish', {}, counter);
  const r2 = await hall.api('POST', '/api/windows/1/ratings', rating('statstest02', second, 3, { ratedAt: clock.toISOString() }), t.pad[1]);
  if (r2.status !== 201) throw new Error(`rating refused: ${JSON.stringify(r2.body)}`);
});
afterAll(async () => {
  await hall.close();
});

describe('statistics', () => {
  it('reads wait, service and idle time per window from the queue', async () => {
    const res = await hall.api('GET', '/api/ratings/stats?from=2026-11-23&to=2026-11-23&group=window', undefined, await admin());
    expect(res.body.rows).toHaveLength(1);
    expect(res.body.rows[0]).toMatchObject({
      key: '1', label: '综合柜员窗口', finished: 2, rated: 2, satisfaction: 1, average: 4, coverage: 1,
      avgWaitSeconds: 750, avgServiceSeconds: 600, idleSeconds: 300,
    });
    expect(res.body.total).toMatchObject({ avgWaitSeconds: 750, avgServiceSeconds: 600, idleSeconds: null });
  });

  it('groups by ISO week, staff member and item with readable labels', async () => {
    const token = await admin();
    const week = await hall.api('GET', '/api/ratings/stats?from=2026-11-01&to=2026-11-30&group=week', undefined, token);
    expect(week.body.rows.map((r: { key: string; label: string; rated: number }) => [r.key, r.label, r.rated])).toEqual([
      ['2026-11-23', '2026-11-23 当周', 2],
    ]);
    const staff = await hall.api('GET', '/api/ratings/stats?from=2026-11-01&to=2026-11-30&group=staff', undefined, token);
    expect(staff.body.rows.map((r: { label: string; average: number }) => [r.label, r.average])).toEqual([['李明华（20101）', 4]]);
    const item = await hall.api('GET', '/api/ratings/stats?from=2026-11-01&to=2026-11-30&group=service', undefined, token);
    expect(item.body.rows[0]).toMatchObject({ key: SERVICE_OF_WINDOW[1], finished: 2 });
    expect(item.body.rows[0].label).not.toBe(SERVICE_OF_WINDOW[1]);
    const bad = await hall.api('GET', '/api/ratings/stats?from=2026-11-01&to=2026-11-30&group=hour', undefined, token);
    expect(bad.body.error).toEqual({ code: 'bad_group', message: '统计维度不正确' });
  });
});
