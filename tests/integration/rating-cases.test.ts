// 差评 follow-up, 未评价, statistics, exports and retention through the real hall-server, on a controlled clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN, TEST_ADMIN_PASSWORD, startTestHall, type TestHall } from '../support/hall.ts';
import { rating, serveAndFinish, terminals, type Terminals, readDb } from './rating-flow.helpers.ts';

let hall: TestHall;
let t: Terminals;
let clock = new Date('2026-09-29T02:00:00.000Z'); // Tuesday 10:00 in the hall, just before National Day
const at = (iso: string) => (clock = new Date(iso));

/** Manager sessions expire with the (moved) clock: log in again at the current time. */
async function admin(): Promise<string> {
  const res = await hall.api('POST', '/api/admin/login', { staffNo: TEST_ADMIN.staffNo, password: TEST_ADMIN_PASSWORD });
  return res.body.token as string;
}

let badCaseId = '';
let appealCaseId = '';

beforeAll(async () => {
  hall = await startTestHall({ now: () => clock });
  t = await terminals(hall, [1, 3]);
});
afterAll(async () => {
  await hall.close();
});

describe('差评 case', () => {
  it('opens with a 15-working-day deadline counted across National Day and its 调休 Saturday', async () => {
    const ticketId = await serveAndFinish(hall, t, 1, '20101');
    const res = await hall.api('POST', '/api/windows/1/ratings',
      rating('casetest0001', ticketId, 2, { reasons: ['等候时间过长'], phone: '13900001111', consent: true, ratedAt: clock.toISOString() }),
      t.pad[1]);
    expect(res.status).toBe(201);
    badCaseId = res.body.caseId;
    const c = await hall.api('GET', `/api/ratings/cases/${badCaseId}`, undefined, await admin());
    expect(c.body).toMatchObject({ openedOn: '2026-09-29', dueOn: '2026-10-26', flag: 'on_track', workingDaysLeft: 15, state: '待回访' });
  });

  it('flags due-soon at 2 working days left and overdue after the due date', async () => {
    at('2026-10-22T02:00:00.000Z');
    expect((await hall.api('GET', `/api/ratings/cases/${badCaseId}`, undefined, await admin())).body).toMatchObject({
      flag: 'due_soon', workingDaysLeft: 2,
    });
    at('2026-10-21T02:00:00.000Z');
    expect((await hall.api('GET', `/api/ratings/cases/${badCaseId}`, undefined, await admin())).body.flag).toBe('on_track');
    at('2026-10-27T02:00:00.000Z');
    const list = await hall.api('GET', '/api/ratings/cases?open=1', undefined, await admin());
    expect(list.body.today).toBe('2026-10-27');
    expect(list.body.cases.find((c: { id: string }) => c.id === badCaseId)).toMatchObject({ flag: 'overdue', workingDaysLeft: -1 });
  });

  it('DB21/T 4402 §11: runs 待回访 → 已回访核实 → 整改中 → 已反馈办结 with who, when and notes; refuses a skipped step', async () => {
    const skip = await hall.api('POST', `/api/ratings/cases/${badCaseId}/actions`, { action: 'feedback', note: '办结' }, await admin());
    expect(skip.status).toBe(409);
    expect(skip.body.error.message).toBe('当前状态“待回访”下不能反馈办结');
    const steps: [string, string][] = [['callback', '已电话回访，群众反映属实'], ['rectify', '增设引导岗'], ['feedback', '已告知群众整改结果']];
    let last;
    for (const [action, note] of steps) {
      last = await hall.api('POST', `/api/ratings/cases/${badCaseId}/actions`, { action, note }, await admin());
      expect(last.status).toBe(200);
    }
    expect(last!.body).toMatchObject({ state: '已反馈办结', closedOn: '2026-10-27', flag: 'closed_late', allowedActions: [] });
    expect(last!.body.steps.map((s: { from: string; to: string; note: string; at: string }) => [s.from, s.to, s.note, s.at])).toEqual([
      ['待回访', '已回访核实', '已电话回访，群众反映属实', '2026-10-27T02:00:00.000Z'],
      ['已回访核实', '整改中', '增设引导岗', '2026-10-27T02:00:00.000Z'],
      ['整改中', '已反馈办结', '已告知群众整改结果', '2026-10-27T02:00:00.000Z'],
    ]);
    expect(last!.body.steps[0].by).toEqual(expect.any(String));
    const audited = readDb(hall, (db) => db.prepare(`SELECT count(*) AS n FROM audit WHERE action LIKE 'ratings.case.%'`).get() as { n: number });
    expect(audited.n).toBe(3);
  });

  it('an appeal cannot be approved by the person who filed it; an approved appeal removes the 差评 from the statistics and keeps the reason', async () => {
    at('2026-10-27T03:00:00.000Z');
    const ticketId = await serveAndFinish(hall, t, 3, '20103');
    const res = await hall.api('POST', '/api/windows/3/ratings',
      rating('casetest0002', ticketId, 1, { comment: '误触', ratedAt: clock.toISOString() }), t.pad[3]);
    appealCaseId = res.body.caseId;
    const before = await hall.api('GET', '/api/ratings/stats?from=2026-10-27&to=2026-10-27&group=window', undefined, await admin());
    expect(before.body.rows.find((r: { key: string }) => r.key === '3')).toMatchObject({ rated: 1, bad: 1, satisfaction: 0 });
    const callback = await hall.staff('callback', 'H201', '回访员甲');
    const filed = await hall.api('POST', `/api/ratings/cases/${appealCaseId}/actions`, { action: 'appeal', note: '窗口申诉：群众误触' }, callback);
    expect(filed.body.steps.at(-1)).toMatchObject({ action: 'appeal', by: '回访员甲（工号 H201）' });
    const ownApproval = await hall.api('POST', `/api/ratings/cases/${appealCaseId}/actions`,
      { action: 'appeal_approve', note: '我自己批准' }, callback);
    expect(ownApproval.status).toBe(409);
    expect(ownApproval.body.error).toEqual({ code: 'case_transition', message: '申诉不能由提出人本人批准，请由其他负责人复核' });
    const approved = await hall.api('POST', `/api/ratings/cases/${appealCaseId}/actions`,
      { action: 'appeal_approve', note: '监控录像显示误触，撤销差评' }, await admin());
    expect(approved.body).toMatchObject({ state: '申诉撤销', flag: 'withdrawn' });
    expect(approved.body.steps.at(-1)).toMatchObject({ action: 'appeal_approve', note: '监控录像显示误触，撤销差评', by: '测试负责人（工号 T001）' });
    const after = await hall.api('GET', '/api/ratings/stats?from=2026-10-27&to=2026-10-27&group=window', undefined, await admin());
    expect(after.body.rows.find((r: { key: string }) => r.key === '3')).toMatchObject({ finished: 1, rated: 0, bad: 0, cases: 0 });
  });
});

describe('未评价', () => {
  it('国办发〔2019〕51号: 未评价 is recorded server-side when the timeout passes, never as a rating; a late press is refused', async () => {
    at('2026-10-28T02:00:00.000Z');
    const ticketId = await serveAndFinish(hall, t, 1, '20101');
    at('2026-10-28T02:02:01.000Z');
    // The hall's own periodic sweep may run first once the clock has moved; either way the prompt ends 未评价 exactly once.
    const sweep = await hall.api('POST', '/api/ratings/sweep', {}, await admin());
    expect(sweep.status).toBe(200);
    expect([0, 1]).toContain(sweep.body.unrated);
    const late = await hall.api('POST', '/api/windows/1/ratings',
      rating('casetest0003', ticketId, 5, { ratedAt: '2026-10-28T02:02:45.000Z' }), t.pad[1]);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('prompt_expired');
    readDb(hall, (db) => {
      expect(db.prepare('SELECT count(*) AS n FROM ratings WHERE ticket_id = ?').get(ticketId)).toEqual({ n: 0 });
      expect(db.prepare('SELECT outcome FROM rating_prompts WHERE ticket_id = ?').get(ticketId)).toEqual({ outcome: 'unrated' });
    });
    const stats = await hall.api('GET', '/api/ratings/stats?from=2026-10-28&to=2026-10-28&group=day', undefined, await admin());
    expect(stats.body.total).toMatchObject({ finished: 1, rated: 0, unrated: 1, coverage: 0, satisfaction: null });
  });
});

describe('statistics and export', () => {
  it('computes satisfaction, average, coverage and closure per month', async () => {
    const stats = await hall.api('GET', '/api/ratings/stats?from=2026-09-01&to=2026-10-31&group=month', undefined, await admin());
    expect(stats.status).toBe(200);
    expect(stats.body.target).toBe(0.9);
    expect(stats.body.rows.map((r: { key: string; label: string }) => [r.key, r.label])).toEqual([
      ['2026-09', '2026年9月'], ['2026-10', '2026年10月'],
    ]);
    expect(stats.body.rows[0]).toMatchObject({ finished: 1, rated: 1, bad: 1, satisfaction: 0, average: 2, coverage: 1, cases: 1, closure: 1, onTime: 0 });
    expect(stats.body.total).toMatchObject({ finished: 3, rated: 1, unrated: 1 });
    expect(stats.body.total.avgServiceSeconds).toEqual(expect.any(Number));
    const bad = await hall.api('GET', '/api/ratings/stats?from=2026-10-31&to=2026-10-01', undefined, await admin());
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('结束日期不能早于开始日期');
  });

  it('exports the 12-column upstream CSV with BOM for admins only, and audits every export', async () => {
    const res = await fetch(`${hall.url}/api/ratings/export?from=2026-09-01&to=2026-10-31&kind=upstream`, {
      headers: { authorization: `Bearer ${await admin()}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    expect(lines[0]).toBe('办件编号,事项实施编码,事项名称,证件类型,证件号码,姓名,联系电话,收件时间,承诺办结时间,法定办结时间,整体满意度,评价时间');
    expect(lines).toHaveLength(3); // header, the one counted rating, trailing empty line (the withdrawn 差评 is not sent)
    const cells = lines[1]!.split(',');
    expect(cells).toHaveLength(12);
    // 办件编号 = region 211223 + 001 + yyyyMMdd + 0 + the day's 6-digit sequence; 事项实施编码 = credit code + item code.
    expect(cells.slice(0, 3)).toEqual(['211223001202609290000001', '12211223000000000B212036001003', '居民参保登记']);
    expect(cells[6]).toBe('13900001111');
    expect(cells[10]).toBe('2');
    expect(cells[11]).toBe('2026-09-29 10:00:00');

    const full = await fetch(`${hall.url}/api/ratings/export?from=2026-09-01&to=2026-10-31&kind=full`, {
      headers: { authorization: `Bearer ${await admin()}` },
    });
    const text = (await full.text()).replace(/^\uFEFF/, '');
    expect(text).toContain('139****1111');
    expect(text).not.toContain('13900001111');
    expect(text).toContain('未评价');
    expect(text).toContain('否（申诉撤销）');

    const asCounter = await hall.api('GET', '/api/ratings/export?from=2026-09-01&to=2026-10-31&kind=upstream', undefined, t.counter[1]);
    expect(asCounter.status).toBe(403);
    const audits = readDb(hall, (db) => db.prepare(`SELECT details FROM audit WHERE action = 'ratings.export' ORDER BY id`).all() as { details: string }[]);
    expect(audits.map((a) => JSON.parse(a.details))).toEqual([
      { kind: 'upstream', from: '2026-09-01', to: '2026-10-31', rows: 1 },
      { kind: 'full', from: '2026-09-01', to: '2026-10-31', rows: 3 },
    ]);
  });
});

describe('retention', () => {
  it('purges the call-back phone after the retention period unless the 差评 case is still open', async () => {
    at('2026-11-02T02:00:00.000Z');
    const ticketId = await serveAndFinish(hall, t, 1, '20101');
    const open = await hall.api('POST', '/api/windows/1/ratings',
      rating('casetest0004', ticketId, 2, { reasons: ['其他原因'], phone: '13700002222', consent: true, ratedAt: clock.toISOString() }),
      t.pad[1]);
    expect(open.status).toBe(201);
    at('2027-05-03T02:00:00.000Z'); // 182 days after the open case, 216 after the closed one
    const sweep = await hall.api('POST', '/api/ratings/sweep', {}, await admin());
    // The appealed case is closed too: its applicant's ID number and name go with the retention period.
    expect(sweep.body.purged).toBe(2);
    readDb(hall, (db) => {
      const rows = db
        .prepare('SELECT id, personal_purged_at IS NOT NULL AS purged, phone_sealed IS NOT NULL AS phone FROM ratings WHERE bad = 1 ORDER BY id')
        .all();
      expect(rows).toEqual([
        { id: 'casetest0001', purged: 1, phone: 0 },
        { id: 'casetest0002', purged: 1, phone: 0 },
        { id: 'casetest0004', purged: 0, phone: 1 },
      ]);
    });
  });
});
