// The region console's API over real HTTP and real PostgreSQL: enrolment of a new site from the console, the network
// page, the month's satisfaction, every 差评 case with its deadline, the upstream export with audited openings of the
// sealed fields, the catalogue editor reaching exactly the sites that offer the item, one site's day, the API reference.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair } from '../../content/validate/sign.ts';
import type { SiteProfile } from '../../protocol/region/catalogue.ts';
import type { SiteLevel } from '../../protocol/region/sync.ts';
import { loadDemoRegionContent, seedDemoCatalogue } from '../../region-server/catalogue/demo.ts';
import { saveSiteFile, saveSiteProfile } from '../../region-server/catalogue/store.ts';
import { StandInHall } from '../support/region.ts';
import { caseRecorded, consoleCall, ratingRecorded, seal, setUpAdmin, startConsoleRegion, ticketView, type ConsoleRegion } from '../support/region-console.ts';

let region: ConsoleRegion;
let admin: string;
const C = '/api/region/console';
const demo = loadDemoRegionContent();
const halls = new Map<string, StandInHall>();

function profile(siteId: string, level: SiteLevel): SiteProfile {
  return {
    siteId,
    level,
    hall: {
      name: `${siteId}医保服务点（示例数据）`, region: '山东省济宁市邹城市', address: `邹城市${siteId}（示例地址）`,
      hours: ['周一至周五 8:30—11:30，13:30—17:00'], consultPhone: '0537-0000101', complaintPhone: '0537-0000102',
      duties: ['受理下放的医保经办事项'], commitments: ['一次性告知'], slogan: '中国医保 一生守护', tidalThreshold: 5, callRepeat: 2,
    },
    windows: [{ number: 1, name: '综合窗口', services: 'all', tidal: false }],
    staff: [{ id: '20101', name: '王*', photo: 'staff/20101.png', partyMember: false, stars: 4 }],
  };
}

async function enrolFromConsole(id: string, name: string, level: SiteLevel): Promise<StandInHall> {
  const created = await consoleCall(region.url, 'POST', `${C}/sites`, admin, { id, name, level });
  expect(created.status).toBe(200);
  const code = await consoleCall(region.url, 'POST', `${C}/sites/${id}/enrol-code`, admin);
  expect(code.status).toBe(200);
  const hall = new StandInHall(region.url);
  expect((await hall.enrol(code.body.code, name)).status).toBe(200);
  halls.set(id, hall);
  return hall;
}

function append(hall: StandInHall, type: string, data: unknown, at: string): void {
  hall.log.push({ seq: hall.log.length + 1, type, at, data });
}

async function pushAll(hall: StandInHall): Promise<void> {
  const from = Number((await region.pool.query('SELECT held_through FROM sites WHERE id = $1', [hall.siteId])).rows[0].held_through) + 1;
  const answer = await hall.push(from, hall.log.length - from + 1);
  expect(answer.status).toBe(200);
}

beforeAll(async () => {
  region = await startConsoleRegion({ signingKeyPem: generateKeyPair().privateKeyPem });
  admin = await setUpAdmin(region);
  await seedDemoCatalogue(region.pool, demo);
});
afterAll(async () => {
  await region.close();
});

describe('site enrolment from the console', () => {
  it('creates a site with its level, shows a one-time code once, and the hall enrols with it', async () => {
    const hall = await enrolFromConsole('town-east', '东城镇街医保服务站', 'town');
    expect(hall.siteId).toBe('town-east');
    const network = await consoleCall(region.url, 'GET', `${C}/network`, admin);
    expect(network.body.sites).toEqual([expect.objectContaining({ id: 'town-east', level: 'town', enrolled: true, heldThrough: 0, fenced: false })]);
    const duplicate = await consoleCall(region.url, 'POST', `${C}/sites`, admin, { id: 'town-east', name: '重复', level: 'town' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.message).toBe('站点编号 town-east 已存在');
    const bad = await consoleCall(region.url, 'POST', `${C}/sites`, admin, { id: 'Bad Id', name: '某站', level: 'town' });
    expect(bad.body.error.message).toBe('站点编号只能用小写字母、数字和短横线（2–40 位）');
  });
});

describe('the network, statistics and cases', () => {
  it('shows waiting, windows, faults, lag, skew and a fence on the network page', async () => {
    const hall = await enrolFromConsole('village-north', '北村村居医保服务点', 'village');
    const at = new Date(Date.now() - 90_000).toISOString();
    append(hall, 'queue.changed', { services: [{ code: '001', name: '参保登记', prefix: 'A', waiting: 4, issuedToday: 9, dailyCap: null, open: true, closedReason: null }] }, at);
    append(hall, 'terminal.seen', { terminal: { id: 'pad-1', role: 'pad', window: 1, name: '1号窗评价器', pairedAt: at, lastSeen: at, online: false, packVersion: 1,
      devices: [{ device: '评价按键', state: 'offline', reason: '未连接' }], revoked: false } }, at);
    await pushAll(hall);
    await region.pool.query("UPDATE sites SET fenced_at = now(), fence_reason = '事件序号回退' WHERE id = 'town-east'");
    const network = await consoleCall(region.url, 'GET', `${C}/network`, admin);
    const north = network.body.sites.find((s: { id: string }) => s.id === 'village-north');
    expect(north).toMatchObject({ waitingNow: 4, windowsOpen: 0, deviceFaults: [{ terminal: '1号窗评价器', device: '评价按键', state: 'offline', reason: '未连接' }] });
    expect(north.syncLagMs).toBeGreaterThanOrEqual(90_000);
    expect(typeof north.clockSkewMs).toBe('number');
    const east = network.body.sites.find((s: { id: string }) => s.id === 'town-east');
    expect(east).toMatchObject({ fenced: true, fenceReason: '事件序号回退' });
    await region.pool.query("UPDATE sites SET fenced_at = NULL, fence_reason = NULL WHERE id = 'town-east'");
  });

  it('gives the month by site, level, item and staff against the 90 % line, with coverage', async () => {
    const east = halls.get('town-east')!;
    for (let i = 1; i <= 10; i++) {
      const at = `2026-11-10T0${i % 8}:00:00.000Z`;
      append(east, 'ticket.finished', { ticketId: `e${i}`, number: `A${i}`, serviceCode: '001', serviceName: '参保登记', window: 1, staffId: '20101', caseNumber: null, finishedAt: at }, at);
    }
    for (let i = 1; i <= 8; i++) append(east, 'rating.recorded', ratingRecorded({ ratingId: `e00000${i}`, day: '2026-11-10', score: i === 1 ? 1 : 5 }), '2026-11-10T05:00:00.000Z');
    const north = halls.get('village-north')!;
    for (let i = 1; i <= 4; i++) append(north, 'rating.recorded', ratingRecorded({ ratingId: `n00000${i}`, day: '2026-11-11', serviceCode: '002', serviceName: '异地就医备案', staffId: '30101', staffName: '张*', score: i <= 2 ? 2 : 4 }), '2026-11-11T05:00:00.000Z');
    append(north, 'rating.recorded', ratingRecorded({ ratingId: 'n000009', day: '2026-10-31', score: 1 }), '2026-10-31T05:00:00.000Z');
    await pushAll(east);
    await pushAll(north);
    const month = await consoleCall(region.url, 'GET', `${C}/satisfaction?month=2026-11`, admin);
    expect(month.status).toBe(200);
    expect(month.body.target).toBe(0.9);
    expect(month.body.region).toMatchObject({ rated: 12, bad: 3, satisfaction: 0.75, belowTarget: true });
    expect(month.body.bySite.map((r: { key: string; satisfaction: number; coverage: number | null; belowTarget: boolean }) => [r.key, r.satisfaction, r.coverage, r.belowTarget]))
      .toEqual([['village-north', 0.5, null, true], ['town-east', 0.875, 0.8, true]]);
    expect(month.body.byLevel.map((r: { key: string; rated: number }) => [r.key, r.rated])).toEqual([['town', 8], ['village', 4]]);
    expect(month.body.byItem.map((r: { label: string; rated: number }) => [r.label, r.rated])).toEqual([['异地就医备案', 4], ['参保登记', 8]]);
    expect(month.body.byStaff.map((r: { label: string; siteName: string }) => [r.label, r.siteName])).toEqual([['张*', '北村村居医保服务点'], ['王*', '东城镇街医保服务站']]);
    const bad = await consoleCall(region.url, 'GET', `${C}/satisfaction?month=2026-13`, admin);
    expect(bad.body.error.message).toBe('月份格式应为 YYYY-MM');
  });

  it('lists every 差评 case of every site, overdue first, with working days left', async () => {
    const east = halls.get('town-east')!;
    const north = halls.get('village-north')!;
    append(east, 'rating.case.recorded', caseRecorded({ caseId: 'ce1', ratingId: 'e000001', state: '待回访', openedOn: '2026-11-10', dueOn: '2026-11-13' }), '2026-11-10T05:01:00.000Z');
    append(north, 'rating.case.recorded', caseRecorded({ caseId: 'cn1', ratingId: 'n000001', state: '整改中', openedOn: '2026-11-11', dueOn: '2099-01-05' }), '2026-11-11T05:01:00.000Z');
    append(north, 'rating.case.recorded', caseRecorded({ caseId: 'cn2', ratingId: 'n000002', state: '已反馈办结', openedOn: '2026-11-11', dueOn: '2026-11-14', closedOn: '2026-11-12' }), '2026-11-11T05:02:00.000Z');
    await pushAll(east);
    await pushAll(north);
    const cases = await consoleCall(region.url, 'GET', `${C}/cases`, admin);
    expect(cases.body.cases.map((c: { caseId: string; overdue: boolean; siteName: string }) => [c.caseId, c.siteName, c.overdue]))
      .toEqual([['ce1', '东城镇街医保服务站', true], ['cn1', '北村村居医保服务点', false], ['cn2', '北村村居医保服务点', false]]);
    const [overdue, open, closed] = cases.body.cases;
    expect(overdue.workingDaysLeft).toBeLessThan(0);
    expect(overdue).toMatchObject({ serviceName: '参保登记', score: 1, reasons: ['态度不好'], maskedComment: '等太久，电话 138****0000' });
    expect(open.workingDaysLeft).toBeGreaterThan(0);
    expect(closed.workingDaysLeft).toBeNull();
  });
});

describe('the upstream export', () => {
  it('writes the 12 columns for the whole region, opening each sealed box through the injected opener and auditing each opening', async () => {
    const east = halls.get('town-east')!;
    const box = seal({ name: '张三', phone: '13800000000', comment: '等太久，电话 13800000000', idType: '111', idNumber: '11010519491231002X' }, region.sealing);
    append(east, 'rating.recorded', ratingRecorded({ ratingId: 'e000100', day: '2026-11-20', score: 2, sealed: box, at: '2026-11-20T01:30:00.000Z' }), '2026-11-20T01:30:00.000Z');
    await pushAll(east);
    const res = await consoleCall(region.url, 'GET', `${C}/export?from=2026-11-20&to=2026-11-20`, admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="haochaping-upstream-2026-11-20-2026-11-20.csv"');
    expect(res.body).toBe(
      '\uFEFF办件编号,事项实施编码,事项名称,证件类型,证件号码,姓名,联系电话,收件时间,承诺办结时间,法定办结时间,整体满意度,评价时间\r\n' +
      '370883001202611200000100,001,参保登记,111,11010519491231002X,张三,13800000000,2026-11-20 09:30:00,2026-11-20 09:30:00,2026-11-20 09:30:00,2,2026-11-20 09:30:00\r\n',
    );
    const audit = (await region.pool.query("SELECT actor, action, site_id, details FROM region_audit WHERE action IN ('sealed.opened', 'export.upstream') ORDER BY id")).rows;
    expect(audit).toEqual([
      { actor: '李区管（工号 R001）', action: 'sealed.opened', site_id: 'town-east', details: { ratingId: 'e000100', purpose: 'upstream_export' } },
      { actor: '李区管（工号 R001）', action: 'export.upstream', site_id: null, details: { from: '2026-11-20', to: '2026-11-20', rows: 1, opened: 1 } },
    ]);
    // The sealed box rests sealed: nothing of the phone is in the region's tables in the clear.
    const clear = await region.pool.query("SELECT count(*)::int AS n FROM site_ratings r WHERE r::text LIKE '%13800000000%' OR r::text LIKE '%11010519491231002X%'");
    expect(clear.rows[0].n).toBe(0);
  });
});

describe('the catalogue editor', () => {
  it('an edited item reaches exactly the sites that offer it as a new pack version', async () => {
    const sites: Array<[string, SiteLevel]> = [['cat-city', 'city'], ['cat-town', 'town'], ['cat-hospital', 'hospital']];
    for (const [id, level] of sites) {
      await enrolFromConsole(id, `${id}站`, level);
      await saveSiteProfile(region.pool, profile(id, level));
      await saveSiteFile(region.pool, id, 'staff/20101.png', demo.photos.get('staff/20101.png')!);
    }
    const first = await consoleCall(region.url, 'POST', `${C}/catalogue/publish`, admin);
    expect(first.status).toBe(200);
    expect(first.body.packs).toEqual(['cat-city', 'cat-hospital', 'cat-town'].map((id) => ({ siteId: id, version: 1, changed: true })));
    const catalogue = await consoleCall(region.url, 'GET', `${C}/catalogue`, admin);
    const item = catalogue.body.items.find((i: { code: string }) => i.code === '212036010001');
    expect(item.levels).toEqual(['city', 'town']);
    const edited = await consoleCall(region.url, 'PUT', `${C}/catalogue/212036010001`, admin, {
      materials: [...item.materials, { name: '医保电子凭证截图', form: 'copy', count: 1, deferrable: true }],
      conditions: item.conditions,
    });
    expect(edited.status).toBe(200);
    expect(edited.body.updatedBy).toBe('李区管（工号 R001）');
    const second = await consoleCall(region.url, 'POST', `${C}/catalogue/publish`, admin);
    expect(second.body.packs).toEqual([
      { siteId: 'cat-city', version: 2, changed: true },
      { siteId: 'cat-hospital', version: 1, changed: false },
      { siteId: 'cat-town', version: 2, changed: true },
    ]);
    const versions = await consoleCall(region.url, 'GET', `${C}/catalogue`, admin);
    expect(versions.body.sites.filter((s: { siteId: string }) => s.siteId.startsWith('cat-')).map((s: { siteId: string; latestVersion: number }) => [s.siteId, s.latestVersion]))
      .toEqual([['cat-city', 2], ['cat-hospital', 1], ['cat-town', 2]]);
    const invalid = await consoleCall(region.url, 'PUT', `${C}/catalogue/212036010001`, admin, { materials: [{ name: '', form: 'copy', count: 1, deferrable: false }], conditions: [] });
    expect(invalid.status).toBe(400);
  });
});

describe('one site’s day and the API reference', () => {
  it('drills down to a site’s tickets with waits, its ratings and cases', async () => {
    const east = halls.get('town-east')!;
    const issued = '2026-11-25T01:00:00.000Z';
    append(east, 'ticket.issued', { ticket: ticketView({ id: 'd1', number: 'A101', status: 'waiting', issuedAt: issued }) }, issued);
    append(east, 'ticket.updated', { ticket: ticketView({ id: 'd1', number: 'A101', status: 'called', issuedAt: issued, calledAt: '2026-11-25T01:07:30.000Z', window: 1 }), action: 'call' }, '2026-11-25T01:07:30.000Z');
    append(east, 'rating.recorded', ratingRecorded({ ratingId: 'e000200', day: '2026-11-25', score: 4 }), '2026-11-25T01:20:00.000Z');
    await pushAll(east);
    const day = await consoleCall(region.url, 'GET', `${C}/sites/town-east/day?date=2026-11-25`, admin);
    expect(day.status).toBe(200);
    expect(day.body.tickets).toEqual([expect.objectContaining({ number: 'A101', status: 'called', window: 1, waitSeconds: 450 })]);
    expect(day.body.averageWaitSeconds).toBe(450);
    expect(day.body.ratings).toEqual([expect.objectContaining({ score: 4, bad: false, staffName: '王*' })]);
    expect((await consoleCall(region.url, 'GET', `${C}/sites/nowhere/day?date=2026-11-25`, admin)).status).toBe(404);
  });

  it('GET /api/openapi.json describes enrolment, sync, pack, sealing key and the console', async () => {
    const doc = await consoleCall(region.url, 'GET', '/api/openapi.json', null);
    expect(doc.body.openapi).toBe('3.1.0');
    const paths = Object.keys(doc.body.paths);
    for (const p of ['/api/region/enrol', '/api/region/sync', '/api/region/sites/{id}/pack', '/api/region/sealing-key', `${C}/network`, `${C}/export`, `${C}/catalogue/{code}`]) {
      expect(paths).toContain(p);
    }
    expect(doc.body.paths[`${C}/satisfaction`].get.parameters).toEqual([expect.objectContaining({ name: 'month', in: 'query' })]);
  });
});
