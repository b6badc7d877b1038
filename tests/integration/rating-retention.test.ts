// Retention of the applicant's data for the upstream export: the ratings module keeps its own sealed copy, so an open
// 差评 outlives the queue's shorter retention, and purges it after its own period once the case is closed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN, TEST_ADMIN_PASSWORD, startTestHall, type TestHall } from '../support/hall.ts';
import { SERVICE_OF_WINDOW, rating, terminals, type Terminals, readDb } from './rating-flow.helpers.ts';

let hall: TestHall;
let t: Terminals;
let clock = new Date('2026-03-02T02:00:00.000Z'); // Monday 10:00 in the hall
const at = (iso: string) => (clock = new Date(iso));

const OPEN_ID = '210102198803150015';
const CLOSED_ID = '210102197511230027';
const GOOD_ID = '210102199001010031';

async function admin(): Promise<string> {
  return (await hall.api('POST', '/api/admin/login', { staffNo: TEST_ADMIN.staffNo, password: TEST_ADMIN_PASSWORD })).body.token as string;
}

let keySeq = 0;
/** Issues a ticket for a citizen who read their ID card, serves and finishes it at window 1. */
async function serveCitizen(idNumber: string, name: string): Promise<string> {
  const issued = await hall.api('POST', '/api/tickets', {
    idempotencyKey: `retention-${process.pid}-${++keySeq}`,
    serviceCode: SERVICE_OF_WINDOW[1],
    identity: { idNumber, name, birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`, source: 'id_card' },
  }, t.kiosk);
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  expect((await hall.api('POST', '/api/windows/1/sign-in', { staffId: '20101' }, t.counter[1])).status).toBe(200);
  const called = await hall.api('POST', '/api/windows/1/call-next', {}, t.counter[1]);
  expect(called.body.ticket.id).toBe(issued.body.ticket.id);
  expect((await hall.api('POST', '/api/windows/1/finish', {}, t.counter[1])).status).toBe(200);
  return called.body.ticket.id as string;
}

/** The upstream CSV rows for March 2026, split into their 12 cells. */
async function upstreamMarch(): Promise<string[][]> {
  const res = await fetch(`${hall.url}/api/ratings/export?from=2026-03-01&to=2026-03-31&kind=upstream`, {
    headers: { authorization: `Bearer ${await admin()}` },
  });
  expect(res.status).toBe(200);
  const lines = (await res.text()).replace(/^\uFEFF/, '').split('\r\n').slice(1, -1);
  return lines.map((l) => l.split(','));
}

let openCase = '';

beforeAll(async () => {
  hall = await startTestHall({ now: () => clock });
  t = await terminals(hall, [1]);
});
afterAll(async () => {
  await hall.close();
});

describe('applicant data for the upstream export', () => {
  it('is copied into the rating when it is stored', async () => {
    const a = await serveCitizen(OPEN_ID, '张三');
    const open = await hall.api('POST', '/api/windows/1/ratings',
      rating('retain000001', a, 1, { reasons: ['等候时间过长'], phone: '13900003333', consent: true, ratedAt: clock.toISOString() }), t.pad[1]);
    expect(open.status).toBe(201);
    openCase = open.body.caseId;
    const b = await serveCitizen(CLOSED_ID, '李四');
    const closed = await hall.api('POST', '/api/windows/1/ratings',
      rating('retain000002', b, 2, { reasons: ['工作人员态度不好'], phone: '13900004444', consent: true, ratedAt: clock.toISOString() }), t.pad[1]);
    expect(closed.status).toBe(201);
    for (const action of ['callback', 'rectify', 'feedback']) {
      const res = await hall.api('POST', `/api/ratings/cases/${closed.body.caseId}/actions`, { action, note: '已处理' }, await admin());
      expect(res.status).toBe(200);
    }
    const c = await serveCitizen(GOOD_ID, '王五');
    expect((await hall.api('POST', '/api/windows/1/ratings', rating('retain000003', c, 5, { ratedAt: clock.toISOString() }), t.pad[1])).status).toBe(201);
    readDb(hall, (db) => {
      const sealed = db.prepare('SELECT id_type, id_sealed FROM ratings ORDER BY id').all() as { id_type: string; id_sealed: string }[];
      expect(sealed.map((r) => r.id_type)).toEqual(['111', '111', '111']);
      for (const r of sealed) expect(r.id_sealed).not.toContain(OPEN_ID.slice(0, 6));
      // Copied sealed, not opened and sealed again: the rating's fields are the ticket's own ciphertexts.
      const copies = db.prepare(`SELECT r.id_sealed = q.person_sealed AS same_id, r.name_sealed = q.name_sealed AS same_name
        FROM ratings r JOIN queue_tickets q ON q.id = r.ticket_id ORDER BY r.id`).all();
      expect(copies).toEqual(Array(3).fill({ same_id: 1, same_name: 1 }));
    });
  });

  it('an open 差评 older than the queue retention (90 days) still exports its applicant', async () => {
    at('2026-06-15T02:00:00.000Z'); // 105 days later: the queue's daily reset erases its own sealed copy
    const issued = await hall.api('POST', '/api/tickets', { idempotencyKey: `retention-${process.pid}-roll`, serviceCode: SERVICE_OF_WINDOW[2] }, t.kiosk);
    expect(issued.status).toBe(201);
    readDb(hall, (db) => {
      expect(db.prepare('SELECT count(*) AS n FROM queue_tickets WHERE person_sealed IS NOT NULL').get()).toEqual({ n: 0 });
    });
    const rows = await upstreamMarch();
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      ['211223001202603020000001', '12211223000000000B212036001003'],
      ['211223001202603020000002', '12211223000000000B212036001003'],
      ['211223001202603020000003', '12211223000000000B212036001003'],
    ]);
    expect(rows.map((r) => [r[3], r[4], r[5], r[6], r[10]])).toEqual([
      ['111', OPEN_ID, '张三', '13900003333', '1'],
      ['111', CLOSED_ID, '李四', '13900004444', '2'],
      ['111', GOOD_ID, '王五', '', '5'],
    ]);
  });

  it('after the ratings retention (180 days) it is purged unless the 差评 case is still open', async () => {
    at('2026-08-31T02:00:00.000Z'); // 182 days
    const sweep = await hall.api('POST', '/api/ratings/sweep', {}, await admin());
    expect(sweep.body.purged).toBe(2);
    const rows = await upstreamMarch();
    expect(rows.map((r) => [r[3], r[4], r[5], r[6], r[10]])).toEqual([
      ['111', OPEN_ID, '张三', '13900003333', '1'],
      ['111', '', '', '', '2'],
      ['111', '', '', '', '5'],
    ]);
    readDb(hall, (db) => {
      expect(db.prepare('SELECT id, id_sealed IS NULL AS gone, name_sealed IS NULL AS name_gone FROM ratings ORDER BY id').all()).toEqual([
        { id: 'retain000001', gone: 0, name_gone: 0 },
        { id: 'retain000002', gone: 1, name_gone: 1 },
        { id: 'retain000003', gone: 1, name_gone: 1 },
      ]);
    });
  });

  it('is purged at the next sweep once the open case closes', async () => {
    for (const action of ['callback', 'rectify', 'feedback']) {
      expect((await hall.api('POST', `/api/ratings/cases/${openCase}/actions`, { action, note: '已回访整改' }, await admin())).status).toBe(200);
    }
    const sweep = await hall.api('POST', '/api/ratings/sweep', {}, await admin());
    expect(sweep.body.purged).toBe(1);
    const rows = await upstreamMarch();
    expect(rows[0]!.slice(3, 7)).toEqual(['111', '', '', '']);
  });
});
