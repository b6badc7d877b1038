// The hall's own counts behind the kiosk's 常办事项: tickets issued per item over the last 30 business days, from
// SQLite, most first; older days drop out; only a kiosk or an admin may read them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { testIdentity } from '../support/citizens.ts';
import { ItemCountEndpoints } from '../../protocol/hall/item-counts.ts';

const RESIDENT = '212036001003';
const EMPLOYEE = '212036001002';
const PATH = ItemCountEndpoints.itemCounts.path;

let now = Date.parse('2026-11-02T01:00:00Z'); // 09:00 in the hall, a Monday
let hall: TestHall;
let kiosk: string;

beforeAll(async () => {
  hall = await startTestHall({ now: () => new Date(now) });
  kiosk = await hall.pair('kiosk');
});
afterAll(() => hall.close());

let k = 0;
const issue = async (serviceCode: string) => {
  const res = await hall.api('POST', '/api/tickets', { idempotencyKey: `counts-${k++}-xxxx`, serviceCode, identity: testIdentity(`张${k}`) }, kiosk);
  expect(res.status).toBe(201);
};

describe('GET item counts', () => {
  it('counts the tickets issued per item over the last 30 business days, most first', async () => {
    await issue(EMPLOYEE);
    now = Date.parse('2026-11-20T01:00:00Z');
    await issue(RESIDENT);
    await issue(RESIDENT);
    await issue(EMPLOYEE);
    await issue(RESIDENT);
    const res = await hall.api('GET', PATH, undefined, kiosk);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      since: '2026-10-22',
      days: 30,
      counts: [
        { code: RESIDENT, issued: 3 },
        { code: EMPLOYEE, issued: 2 },
      ],
    });
  });

  it('drops days older than 30 business days', async () => {
    now = Date.parse('2026-12-02T01:00:00Z');
    const res = await hall.api('GET', PATH, undefined, kiosk);
    expect(res.body).toEqual({ since: '2026-11-03', days: 30, counts: [{ code: RESIDENT, issued: 3 }, { code: EMPLOYEE, issued: 1 }] });
  });

  it('is refused to a pad and to nobody in particular', async () => {
    expect((await hall.api('GET', PATH, undefined, await hall.pair('pad', 1))).status).toBe(403);
    expect((await hall.api('GET', PATH)).status).toBe(401);
  });
});
