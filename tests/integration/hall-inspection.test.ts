// The 示范点 self-inspection through a real hall-server and SQLite on a controlled clock: the month's indicators from
// tickets served and rated, a 差评 case and a tidal episode; who may read the report; and the `inspection.reported`
// records the hall writes to its durable log for the region (once per change, none after a restart, each month's final
// state once the month is over).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InspectionModule } from '../../hall-server/inspection/module.ts';
import { InspectionReport, type Indicator, type IndicatorId } from '../../protocol/hall/inspection.ts';
import { TEST_ADMIN, TEST_ADMIN_PASSWORD, startTestHall, type TestHall } from '../support/hall.ts';
import { testIdentity } from '../support/citizens.ts';
import { SERVICE_OF_WINDOW, rating, readDb, serveAndFinish, terminals, type Terminals } from './rating-flow.helpers.ts';

const MINUTE = 60_000;
/** Tuesday 1 December 2026, 10:00 in the hall (UTC+8). */
let clock = new Date('2026-12-01T02:00:00.000Z');
const at = (iso: string) => (clock = new Date(iso));
const DECEMBER = '2026-12';
const TIDAL_WINDOW = 6;

let hall: TestHall;
let inspection: InspectionModule;
let t: Terminals;

async function start(dataDir?: string): Promise<void> {
  hall = await startTestHall({
    ...(dataDir ? { dataDir } : {}),
    now: () => clock,
    onModules: (modules) => {
      inspection = modules.find((m) => m.name === 'inspection') as InspectionModule;
    },
  });
}

/** Manager sessions expire with the (moved) clock: log in again at the current time (after the first-use setup). */
async function admin(): Promise<string> {
  await hall.admin();
  const res = await hall.api('POST', '/api/admin/login', { staffNo: TEST_ADMIN.staffNo, password: TEST_ADMIN_PASSWORD });
  return res.body.token as string;
}

async function report(month = DECEMBER): Promise<InspectionReport> {
  const res = await hall.api('GET', `/api/admin/inspection?month=${month}`, undefined, await admin());
  expect(res.status).toBe(200);
  return InspectionReport.parse(res.body);
}

const indicator = (r: InspectionReport, id: IndicatorId): Pick<Indicator, 'figure' | 'status' | 'detail'> => {
  const found = r.indicators.find((i) => i.id === id)!;
  return { figure: found.figure, status: found.status, detail: found.detail };
};

/** The `inspection.reported` records in the durable log, in order, with the roles they were published for. */
function reported(): Array<{ roles: string | null; report: InspectionReport }> {
  const rows = readDb(hall, (db) => db.prepare(`SELECT roles, data FROM events WHERE type = 'inspection.reported' ORDER BY seq`).all()) as Array<{
    roles: string | null;
    data: string;
  }>;
  return rows.map((r) => ({ roles: r.roles, report: InspectionReport.parse(JSON.parse(r.data)) }));
}

/** What the region compares: the report without the instant it was computed. */
const content = ({ generatedAt: _generatedAt, ...rest }: InspectionReport) => rest;

async function rate(window: number, ticketId: string, id: string, score: number, extra: Record<string, unknown> = {}) {
  const res = await hall.api('POST', `/api/windows/${window}/ratings`, rating(id, ticketId, score, { ratedAt: clock.toISOString(), ...extra }), t.pad[window]);
  expect(res.status).toBe(201);
  return res.body as { caseId?: string };
}

beforeAll(async () => {
  await start();
});
afterAll(() => hall?.close());

describe('inspection.reported at start', () => {
  it('at start the month’s report goes to the durable log once, for the region only (roles: [])', async () => {
    expect(inspection.publishNow()).toBe(0);
    const records = reported();
    expect(records).toHaveLength(1);
    expect(records[0]!.roles).toBe('[]');
    expect(content(records[0]!.report)).toEqual(content(await report()));
    expect(indicator(records[0]!.report, 'satisfaction')).toEqual({ figure: '本月没有评价', status: 'no_data', detail: '' });
  });
});

describe('示范点自查 from the month’s records', () => {
  let caseId = '';
  beforeAll(async () => {
    t = await terminals(hall, [1, 3]);
  });

  it('示范点指标 19: three ratings with one 差评 give 66.7% satisfaction, below the 90% target', async () => {
    for (const [i, score] of [5, 5, 1].entries()) {
      const ticketId = await serveAndFinish(hall, t, 1, '20101');
      const rated = await rate(1, ticketId, `insp-rating-${i}`, score, score === 1 ? { reasons: ['等候时间过长'] } : {});
      if (score === 1) caseId = rated.caseId!;
    }
    expect(caseId).not.toBe('');
    await serveAndFinish(hall, t, 3, '20103');
    // Takes the finished ticket into the statistics now instead of on the next periodic sweep.
    expect((await hall.api('POST', '/api/ratings/sweep', {}, await admin())).status).toBe(200);
    const r = await report();
    expect(indicator(r, 'satisfaction')).toEqual({
      figure: '66.7%（3 次评价，差评 1 次）', status: 'fail', detail: '满意率低于目标，请在整改记录中制定措施',
    });
  });

  it('示范点指标 18: an item, a window and a staff member served but never rated are named as not covered', async () => {
    const r = await report();
    expect(indicator(r, 'coverage-items')).toEqual({
      figure: '1/2 有评价，评价率 75.0%', status: 'fail', detail: '没有评价：长期异地就医备案',
    });
    expect(indicator(r, 'coverage-people')).toEqual({
      figure: '2/4 有评价，评价率 75.0%', status: 'fail', detail: '没有评价：3号窗口、张国庆',
    });
  });

  it('DB21/T 4402 §11.2: a 差评 case still open and not yet due counts for nothing; closed within its deadline, 1/1 on time', async () => {
    expect(indicator(await report(), 'cases-on-time')).toEqual({ figure: '本月没有到期的差评', status: 'no_data', detail: '' });
    for (const [action, note] of [['callback', '已电话回访'], ['rectify', '高峰时段增开窗口'], ['feedback', '已告知群众整改结果']]) {
      const res = await hall.api('POST', `/api/ratings/cases/${caseId}/actions`, { action, note }, await admin());
      expect(res.status).toBe(200);
    }
    const c = await hall.api('GET', `/api/ratings/cases/${caseId}`, undefined, await admin());
    expect(c.body).toMatchObject({ state: '已反馈办结', closedOn: '2026-12-01', dueOn: '2026-12-22' });
    expect(indicator(await report(), 'cases-on-time')).toEqual({ figure: '1/1 件按时办结', status: 'pass', detail: '' });
  });

  it('the report is the 大厅负责人’s alone: a 值班长 and a 回访员 are refused', async () => {
    const lead = await hall.staff('shift_lead', 'S301', '值班长丙');
    const callback = await hall.staff('callback', 'H301', '回访员丙');
    expect((await hall.api('GET', '/api/admin/inspection', undefined, lead)).status).toBe(403);
    expect((await hall.api('GET', '/api/admin/inspection', undefined, callback)).status).toBe(403);
    const own = await hall.api('GET', '/api/admin/inspection', undefined, await admin());
    expect(own.status).toBe(200);
    expect(own.body.month).toBe(DECEMBER);
  });
});

describe('示范点自查 of a tidal episode', () => {
  it('DB21/T 4402 §7.1.6: 6 waiting for 3号窗口 raise the alert; the tidal window opened 12 minutes later answers it', async () => {
    for (let i = 0; i < 6; i++) {
      const issued = await hall.api('POST', '/api/tickets', {
        idempotencyKey: `insp-tidal-${i}-xxxxxxxx`, serviceCode: SERVICE_OF_WINDOW[3], identity: testIdentity(),
      }, t.kiosk);
      expect(issued.status).toBe(201);
    }
    const alerts = async () =>
      (await hall.api('GET', '/api/queue', undefined, await admin())).body.tidalAlerts.map((a: { group: string; waiting: number }) => [a.group, a.waiting]);
    expect(await alerts()).toEqual([['3号窗口', 6]]);
    expect(indicator(await report(), 'tidal')).toEqual({
      figure: '超过 1 次，开启潮汐窗口 0 次', status: 'fail', detail: '1 次超过阈值后没有开启潮汐窗口',
    });

    at(new Date(clock.getTime() + 12 * MINUTE).toISOString());
    const tidal = await hall.pair('counter', TIDAL_WINDOW);
    expect((await hall.api('POST', `/api/windows/${TIDAL_WINDOW}/sign-in`, { staffId: '20106' }, tidal)).status).toBe(200);
    expect((await hall.api('POST', `/api/windows/${TIDAL_WINDOW}/resume`, {}, tidal)).status).toBe(200);
    expect(await alerts()).toEqual([]);
    expect(indicator(await report(), 'tidal')).toEqual({
      figure: '超过 1 次，开启潮汐窗口 1 次，平均 12 分钟、最长 12 分钟开窗', status: 'pass', detail: '',
    });
  });
});

describe('inspection.reported for the region', () => {
  it('the changed report is published once with the indicators the endpoint answers; triggering again adds none', async () => {
    expect(inspection.publishNow()).toBe(1);
    const records = reported();
    expect(records).toHaveLength(2);
    expect(records.map((r) => r.report.month)).toEqual([DECEMBER, DECEMBER]);
    expect(records[1]!.roles).toBe('[]');
    expect(content(records[1]!.report)).toEqual(content(await report()));
    expect(records[1]!.report.generatedAt).toBe(clock.toISOString());
    expect(inspection.publishNow()).toBe(0);
    expect(reported()).toHaveLength(2);
  });

  it('another rating changes the report: one more record, again the endpoint’s', async () => {
    const ticketId = await serveAndFinish(hall, t, 3, '20103');
    await rate(3, ticketId, 'insp-rating-3', 5);
    expect(inspection.publishNow()).toBe(1);
    expect(inspection.publishNow()).toBe(0);
    const records = reported();
    expect(records).toHaveLength(3);
    expect(content(records[2]!.report)).toEqual(content(await report()));
  });

  it('a restart on the same data dir publishes nothing for an unchanged report', async () => {
    const dataDir = hall.dataDir;
    await hall.close(false);
    await start(dataDir);
    expect(inspection.publishNow()).toBe(0);
    expect(reported()).toHaveLength(3);
  });

  it('when the hall month changes, the ended month’s final report is published once, then the new month’s', async () => {
    const ticketId = await serveAndFinish(hall, t, 1, '20101');
    await rate(1, ticketId, 'insp-rating-4', 4);
    at('2027-01-04T02:00:00.000Z');
    expect(inspection.publishNow()).toBe(2);
    expect(inspection.publishNow()).toBe(0);
    const records = reported();
    expect(records.map((r) => r.report.month)).toEqual([DECEMBER, DECEMBER, DECEMBER, DECEMBER, '2027-01']);
    expect(content(records[3]!.report)).toEqual(content(await report(DECEMBER)));
    expect(indicator(records[3]!.report, 'satisfaction').figure).toBe('80.0%（5 次评价，差评 1 次）');
    expect(content(records[4]!.report)).toEqual(content(await report('2027-01')));
  });
});
