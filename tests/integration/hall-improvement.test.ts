// The improvement loop (DB21/T 4402 §11.2) through the real hall-server and SQLite: the month's 差评 reasons offered as
// problems, a record with measure, responsible person and due date, its result, the audit trail and the roles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { rating, serveAndFinish, terminals, type Terminals } from './rating-flow.helpers.ts';

let hall: TestHall;
let t: Terminals;
const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

beforeAll(async () => {
  hall = await startTestHall();
  t = await terminals(hall, [1]);
});
afterAll(() => hall?.close());

describe('DB21/T 4402 §11.2 improvement records', () => {
  it('DB21/T 4402 §11.2: the month’s 差评 reasons and lowest items and windows are offered as the problems to improve', async () => {
    const reasons = (await hall.api('GET', '/api/packs/active', undefined, t.admin)).body.evaluation.badReasons as string[];
    const ticketId = await serveAndFinish(hall, t, 1, '20101');
    const bad = await hall.api('POST', '/api/windows/1/ratings', rating('impr-bad-1', ticketId, 1, { reasons: [reasons[0]] }), t.pad[1]);
    expect(bad.status).toBe(201);
    const list = await hall.api('GET', `/api/admin/improvement?month=${month}`, undefined, t.admin);
    expect(list.body).toEqual({
      month,
      records: [],
      badReasons: [{ reason: reasons[0], count: 1 }],
      lowest: [
        { kind: 'item', name: '城乡居民参保登记', rated: 1, bad: 1, satisfaction: 0 },
        { kind: 'window', name: expect.stringMatching(/^1号窗口（.+）$/), rated: 1, bad: 1, satisfaction: 0 },
      ],
    });
  });

  it('DB21/T 4402 §11.2.5: a record keeps problem, source, measure, responsible person, due date and result, audited; closed, it is published (整改公示)', async () => {
    const created = await hall.api('POST', '/api/admin/improvement', {
      month, problem: '高峰时段等候时间长', source: '差评原因：等候时间长（1 次）', measure: '上午 9—11 点开启潮汐窗口', responsible: '李明华', dueOn: `${month}-28`,
    }, t.admin);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ problem: '高峰时段等候时间长', responsible: '李明华', result: null, closedOn: null });
    const closed = await hall.api('POST', `/api/admin/improvement/${created.body.id}/result`, { result: '高峰平均等候由 25 分钟降到 12 分钟' }, t.admin);
    expect(closed.body.result).toBe('高峰平均等候由 25 分钟降到 12 分钟');
    expect(closed.body.closedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const published = await hall.api('GET', '/api/improvement/published', undefined, t.kiosk);
    expect(published.body).toEqual({
      records: [{ month, problem: '高峰时段等候时间长', measure: '上午 9—11 点开启潮汐窗口', result: '高峰平均等候由 25 分钟降到 12 分钟', closedOn: closed.body.closedOn }],
    });
    const again = await hall.api('POST', `/api/admin/improvement/${created.body.id}/result`, { result: '再改一次' }, t.admin);
    expect(again.status).toBe(409);
    const audit = await hall.api('GET', '/api/admin/audit?action=improvement', undefined, t.admin);
    expect(audit.body.entries.map((e: { action: string }) => e.action).sort()).toEqual(['improvement.closed', 'improvement.created']);
  });

  it('DB21/T 4402 §11.2: the 值班长 views the records but cannot write them', async () => {
    const lead = await hall.staff('shift_lead', 'S101', '值班长甲');
    const list = await hall.api('GET', `/api/admin/improvement?month=${month}`, undefined, lead);
    expect(list.status).toBe(200);
    expect(list.body.records).toHaveLength(1);
    const write = await hall.api('POST', '/api/admin/improvement', {
      month, problem: '无权写入', source: '测试', measure: '测试', responsible: '某人', dueOn: `${month}-28`,
    }, lead);
    expect(write.status).toBe(403);
  });
});
