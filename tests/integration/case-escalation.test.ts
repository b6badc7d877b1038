// Overdue 差评 escalation through the real hall-server and SQLite on a moved clock: a case still open after its
// working-day deadline is escalated once to the 大厅负责人 (console list, audit) and to the counter panel of its window
// (event and snapshot), and cleared when the case is closed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN, TEST_ADMIN_PASSWORD, startTestHall, type TestHall, type TestSocket } from '../support/hall.ts';
import { rating, readDb, serveAndFinish, terminals, type Terminals } from './rating-flow.helpers.ts';

let hall: TestHall;
let t: Terminals;
let clock = new Date('2026-09-29T02:00:00.000Z'); // Tuesday 10:00 in the hall
let caseId = '';
let counter1: TestSocket;

/** Manager sessions expire with the moved clock: sign in again at the current time. */
async function owner(): Promise<string> {
  return (await hall.api('POST', '/api/admin/login', { staffNo: TEST_ADMIN.staffNo, password: TEST_ADMIN_PASSWORD })).body.token as string;
}

async function snapshotOf(token: string) {
  const socket = await hall.socket(token);
  const snap = await socket.waitFor((m) => m.type === 'snapshot');
  socket.close();
  return snap.snapshot.modules.escalation;
}

const escalated = (m: { type: string; event?: { type: string } }) => m.type === 'event' && m.event?.type === 'case.escalated';

beforeAll(async () => {
  hall = await startTestHall({ now: () => clock });
  t = await terminals(hall, [1, 3]);
  const ticketId = await serveAndFinish(hall, t, 1, '20101');
  const res = await hall.api('POST', '/api/windows/1/ratings',
    rating('escalation-1', ticketId, 1, { reasons: ['等候时间过长'], ratedAt: clock.toISOString() }), t.pad[1]);
  caseId = res.body.caseId;
  counter1 = await hall.socket(t.counter[1]!);
  await counter1.waitFor((m) => m.type === 'snapshot');
});
afterAll(async () => {
  counter1?.close();
  await hall?.close();
});

describe('overdue 差评 escalation', () => {
  it('国办发〔2019〕51号: a case within its deadline is not escalated', async () => {
    expect((await hall.api('GET', '/api/admin/escalations', undefined, await owner())).body).toEqual({ escalations: [] });
    expect(await snapshotOf(t.counter[1]!)).toEqual({ open: [] });
  });

  it('国办发〔2019〕51号: a 差评 case past its working-day deadline is escalated once to the 大厅负责人 and the counter of its window', async () => {
    clock = new Date('2026-10-27T02:00:00.000Z'); // the case was due 2026-10-26 (15 working days across National Day)
    const message = await counter1.waitFor(escalated);
    const expected = {
      caseId, window: 1, ticketNumber: expect.stringMatching(/^[A-Z]\d{3}$/), serviceName: '居民参保登记', dueOn: '2026-10-26',
      escalatedAt: '2026-10-27T02:00:00.000Z',
    };
    expect(message.event.data).toEqual(expected);
    expect(message.event.window).toBe(1);
    expect((await hall.api('GET', '/api/admin/escalations', undefined, await owner())).body).toEqual({ escalations: [expected] });
    expect(await snapshotOf(t.counter[1]!)).toEqual({ open: [expected] });
    expect(await snapshotOf(t.counter[3]!)).toEqual({ open: [] });
    const audited = readDb(hall, (db) => db.prepare(`SELECT count(*) AS n FROM audit WHERE action = 'rating.case.escalated'`).get() as { n: number });
    expect(audited.n).toBe(1);
  });

  it('国办发〔2019〕51号: only the 大厅负责人 reads the escalations (least privilege)', async () => {
    const lead = await hall.staff('shift_lead', 'S201', '值班长乙');
    expect((await hall.api('GET', '/api/admin/escalations', undefined, lead)).status).toBe(403);
    expect((await hall.api('GET', '/api/admin/escalations', undefined, t.counter[1]!)).status).toBe(403);
  });

  it('国办发〔2019〕51号: closing the case clears the escalation on the console and the counter', async () => {
    for (const [action, note] of [['callback', '已电话回访'], ['rectify', '增设引导岗'], ['feedback', '已告知群众整改结果']]) {
      const step = await hall.api('POST', `/api/ratings/cases/${caseId}/actions`, { action, note }, await owner());
      expect(step.status).toBe(200);
    }
    const cleared = await counter1.waitFor((m) => m.type === 'event' && m.event.type === 'case.escalation.cleared');
    expect(cleared.event.data).toEqual({ caseId, window: 1 });
    expect((await hall.api('GET', '/api/admin/escalations', undefined, await owner())).body).toEqual({ escalations: [] });
    expect(await snapshotOf(t.counter[1]!)).toEqual({ open: [] });
    expect(counter1.messages.filter(escalated)).toHaveLength(1);
  });
});
