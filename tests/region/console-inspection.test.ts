// A site's 示范点自查 in the region console over real HTTP and real PostgreSQL: the hall pushes `inspection.reported` in
// its signed event log, the region keeps the newest report per site and month, and the site's page reads it back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InspectionReport } from '../../protocol/hall/inspection.ts';
import { StandInHall } from '../support/region.ts';
import { consoleCall, setUpAdmin, startConsoleRegion, type ConsoleRegion } from '../support/region-console.ts';

const C = '/api/region/console';
let region: ConsoleRegion;
let admin: string;
let hall: StandInHall;

function report(month: string, generatedAt: string, satisfaction: { figure: string; status: 'pass' | 'fail'; detail: string }): InspectionReport {
  const indicators: InspectionReport['indicators'] = [
    { id: 'windows', clause: '示范点标准 二（六）· 窗口设置', title: '服务窗口数量', target: '不少于 3 个', figure: '3 个（其中潮汐窗口 1 个）', status: 'pass', detail: '' },
    { id: 'satisfaction', clause: '示范点指标 19 · 满意度', title: '月度满意率', target: '不低于 90%', ...satisfaction },
    { id: 'tidal', clause: 'DB21/T 4402 §7.1.6', title: '潮汐窗口开启', target: '等候超过 5 人时开启潮汐窗口', figure: '本月等候人数未超过 5 人', status: 'no_data', detail: '' },
  ];
  return {
    month, hallName: '太平镇医保服务站', packVersion: 7, generatedAt, indicators,
    passed: indicators.filter((i) => i.status === 'pass').length, failed: indicators.filter((i) => i.status === 'fail').length,
  };
}

const november = report('2026-11', '2026-11-30T09:00:00.000Z', { figure: '86.0%（250 次评价，差评 35 次）', status: 'fail', detail: '满意率低于目标，请在整改记录中制定措施' });
const novemberEarlier = report('2026-11', '2026-11-28T09:00:00.000Z', { figure: '97.0%（200 次评价，差评 6 次）', status: 'pass', detail: '' });
const december = report('2026-12', '2026-12-31T09:00:00.000Z', { figure: '95.2%（310 次评价，差评 15 次）', status: 'pass', detail: '' });
const october = report('2026-10', '2026-10-31T09:00:00.000Z', { figure: '93.1%（290 次评价，差评 20 次）', status: 'pass', detail: '' });

async function push(...events: Array<{ type: string; data: unknown; at: string }>): Promise<void> {
  const from = hall.log.length + 1;
  for (const e of events) hall.log.push({ seq: hall.log.length + 1, ...e });
  const answer = await hall.push(from, events.length);
  expect([answer.status, (answer.body as { heldThrough: number }).heldThrough]).toEqual([200, hall.log.length]);
}

const reported = (data: unknown) => ({ type: 'inspection.reported', data, at: '2026-12-01T01:00:00.000Z' });
const inspection = (siteId: string, token: string | null, month?: string) =>
  consoleCall(region.url, 'GET', `${C}/sites/${siteId}/inspection${month ? `?month=${month}` : ''}`, token);

async function signIn(staffNo: string, role: string): Promise<string> {
  const password = 'Zi-cha-cha-kan-2026';
  expect((await consoleCall(region.url, 'POST', `${C}/accounts`, admin, { name: `测试${staffNo}`, staffNo, role, password })).status).toBe(200);
  return (await consoleCall(region.url, 'POST', `${C}/login`, null, { staffNo, password })).body.token;
}

beforeAll(async () => {
  region = await startConsoleRegion();
  admin = await setUpAdmin(region);
  for (const [id, name] of [['taiping', '太平镇医保服务站'], ['dongguo', '东故村医保服务点']]) {
    expect((await consoleCall(region.url, 'POST', `${C}/sites`, admin, { id, name, level: id === 'taiping' ? 'town' : 'village' })).status).toBe(200);
  }
  const code = await consoleCall(region.url, 'POST', `${C}/sites/taiping/enrol-code`, admin);
  hall = new StandInHall(region.url);
  expect((await hall.enrol(code.body.code, '太平镇医保服务站')).status).toBe(200);
});
afterAll(async () => {
  await region.close();
});

describe('a site’s 示范点自查 in the region console', () => {
  it('示范点标准: the report a hall pushes is read back on the site’s page exactly as the hall computed it', async () => {
    await push(reported(november));
    const answer = await inspection('taiping', admin, '2026-11');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(november);
    expect((await inspection('taiping', admin)).body).toEqual(november);
    const row = (await region.pool.query("SELECT month, generated_at, received_at FROM site_inspections WHERE site_id = 'taiping'")).rows;
    expect(row).toEqual([{ month: '2026-11', generated_at: new Date('2026-11-30T09:00:00.000Z'), received_at: expect.any(Date) }]);
  });

  it('示范点标准: a report of the same month generated earlier, arriving later, does not replace the newer one', async () => {
    await push(reported(novemberEarlier));
    expect((await inspection('taiping', admin, '2026-11')).body).toEqual(november);
  });

  it('示范点标准: without a month the page shows the newest month the site reported; each month stays readable', async () => {
    await push(reported(december), reported(october));
    expect((await inspection('taiping', admin)).body).toEqual(december);
    expect((await inspection('taiping', admin, '2026-10')).body).toEqual(october);
    expect((await inspection('taiping', admin, '2026-11')).body).toEqual(november);
  });

  it('leaves a malformed report out without refusing the batch', async () => {
    await push(reported({ ...report('2026-09', '2026-09-30T09:00:00.000Z', { figure: '92.0%', status: 'pass', detail: '' }), passed: '一' }));
    expect((await inspection('taiping', admin, '2026-09')).status).toBe(404);
  });

  it('answers 404 with a Chinese message for an unknown site, a site without reports and a month not reported', async () => {
    const unknown = await inspection('nowhere', admin);
    expect([unknown.status, unknown.body.error]).toEqual([404, { code: 'no_site', message: '没有这个站点' }]);
    const none = await inspection('dongguo', admin);
    expect([none.status, none.body.error]).toEqual([404, { code: 'no_inspection', message: '该站点尚未上报自查结果' }]);
    const month = await inspection('taiping', admin, '2026-08');
    expect([month.status, month.body.error]).toEqual([404, { code: 'no_inspection', message: '该站点没有 2026-08 的自查结果' }]);
    const bad = await inspection('taiping', admin, '2026-13');
    expect([bad.status, bad.body.error.message]).toEqual([400, '月份格式应为 YYYY-MM，例如 2026-11']);
  });

  it('is for signed-in roles that may open a site’s day: 401 without a session, 403 for 回访督办, 200 for 统计查看', async () => {
    const anonymous = await inspection('taiping', null);
    expect([anonymous.status, anonymous.body.error.message]).toEqual([401, '请先登录区域管理台']);
    expect((await inspection('taiping', await signIn('V01', 'case_supervisor'))).status).toBe(403);
    expect((await inspection('taiping', await signIn('S01', 'statistician'))).body).toEqual(december);
  });

  it('is listed in the API reference with its optional month', async () => {
    const doc = await consoleCall(region.url, 'GET', '/api/openapi.json', null);
    const get = doc.body.paths[`${C}/sites/{id}/inspection`].get;
    expect(get['x-permission']).toBe('site_day');
    expect(get.parameters.map((p: { name: string; in: string; required: boolean }) => [p.name, p.in, p.required])).toEqual([['id', 'path', true], ['month', 'query', false]]);
    expect(doc.body.paths[`${C}/satisfaction`].get.parameters).toEqual([expect.objectContaining({ name: 'month', required: true })]);
  });
});
