// 扫码评价 through the region (real PostgreSQL, a real hall enrolled at it): the phone on 4G posts its rating to the
// region, which keeps it (call-back phone encrypted, a retry answered the same) and says 正在送达大厅; the hall pulls
// it over the signed link, settles it once through its ratings service, and the normal push brings the result back, so
// the region shows the final state: accepted (已评价（二维码）) or 已评价（窗口评价器） when the pad was first. Exactly once
// though the phone retries, the feed repeats, and the region is away for a while.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolmentCode, createSite } from '../../region-server/sites/enrol.ts';
import { generateRegionKeyFile, loadRegionKeys, writeRegionKeyFile, type RegionKeys } from '../../region-server/keys.ts';
import { openPhone } from '../../region-server/appointments/keys.ts';
import { regionOpenApi } from '../../region-server/console/openapi.ts';
import type { HallModule } from '../../hall-server/core/module.ts';
import type { RegionLinkModule } from '../../hall-server/region-link/module.ts';
import type { CitizenModule } from '../../hall-server/citizen/module.ts';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { testIdentity } from '../support/citizens.ts';
import { freshDatabase, serveRegion, type TestRegion } from '../support/region.ts';
import { progressPath } from '../../protocol/citizen/progress.ts';
import { phoneRatingPath } from '../../protocol/citizen/phone-rating.ts';
import { tokenOfProgressUrl } from '../../protocol/rules/citizen-token.ts';
import { waitForLink } from './link-helpers.ts';

const RESIDENT = '212036001003';
const SITE = 'xicheng';
const keyDir = mkdtempSync(join(tmpdir(), 'citizen-phone-rating-'));
let keys: RegionKeys;
let now = Date.now();
let pool: pg.Pool;
let region: TestRegion;
let regionPort = 0;
let hall: TestHall;
let link: RegionLinkModule;
let citizen: CitizenModule;
let kiosk: string;
let counter: string;
let pad: string;
let admin: string;
let reasons: string[];

beforeAll(async () => {
  writeRegionKeyFile(join(keyDir, 'region-keys.json'), generateRegionKeyFile());
  keys = loadRegionKeys(join(keyDir, 'region-keys.json'));
  pool = (await freshDatabase()).pool;
  region = await serveRegion(pool, { keys, ownPool: false });
  regionPort = Number(new URL(region.url).port);
  await createSite(pool, { id: SITE, name: '西城镇医保服务站', level: 'town' }, 'test');
  hall = await startTestHall({
    now: () => new Date(now),
    // Pulls only when the test asks (pullPhoneRatingsNow), so each step's order is the test's.
    config: { citizen: { publicUrl: region.url, phoneRatingPullSeconds: 300 } },
    onModules: (modules: HallModule[]) => {
      link = modules.find((m) => m.name === 'region-link') as RegionLinkModule;
      citizen = modules.find((m) => m.name === 'citizen') as CitizenModule;
    },
  });
  kiosk = await hall.pair('kiosk');
  counter = await hall.pair('counter', 1);
  pad = await hall.pair('pad', 1);
  admin = await hall.admin();
  reasons = (await hall.api('GET', '/api/packs/active', undefined, admin)).body.evaluation.badReasons as string[];
  const code = await createEnrolmentCode(pool, SITE, 'test');
  expect((await hall.api('POST', '/api/admin/region/enrol', { url: region.url, code }, admin)).status).toBe(200);
  expect((await hall.api('POST', '/api/windows/1/sign-in', { staffId: '20101' }, counter)).status).toBe(200);
});
afterAll(async () => {
  await hall.close(true);
  await region.close();
  await pool.end();
  rmSync(keyDir, { recursive: true, force: true });
});

const synced = () => waitForLink(hall, admin, (s) => s.headSeq > 0 && s.heldThrough === s.headSeq);

let k = 0;
async function finishedTicket(): Promise<{ token: string; ticketId: string; number: string }> {
  now += 1_000;
  const res = await hall.api('POST', '/api/tickets', { idempotencyKey: `region-phone-${k++}-xxxx`, serviceCode: RESIDENT, identity: testIdentity('王五') }, kiosk);
  expect(res.status).toBe(201);
  const ticketId = res.body.ticket.id as string;
  expect((await hall.api('POST', '/api/windows/1/call', { ticketId }, counter)).status).toBe(200);
  now += 60_000;
  expect((await hall.api('POST', '/api/windows/1/finish', {}, counter)).status).toBe(200);
  await synced();
  return { token: tokenOfProgressUrl(res.body.progressUrl)!, ticketId, number: res.body.ticket.number };
}

async function atRegion(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: any }> { // any: tests read fields freely
  const res = await fetch(`${region.url}${path}`, {
    method, ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return { status: res.status, body: await res.json() };
}
const progress = async (token: string) => (await atRegion('GET', progressPath(token))).body;
const rate = (token: string, body: unknown) => atRegion('POST', phoneRatingPath(token), body);
/** The hall's durable records of one type for a ticket, read from its SQLite file. */
async function hallRecords(type: string, ticketId: string): Promise<{ data: any }[]> { // any: the test reads fields freely
  const file = new Database(join(hall.dataDir, 'hall.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const rows = file.prepare('SELECT data FROM events WHERE type = ? ORDER BY seq').all(type) as { data: string }[];
    return rows.map((r) => ({ data: JSON.parse(r.data) })).filter((e) => e.data.ticketId === ticketId);
  } finally {
    file.close();
  }
}
const regionRatings = async (number: string) =>
  (await pool.query<{ channel: string; score: number }>('SELECT channel, score FROM site_ratings WHERE site_id = $1 AND ticket_number = $2', [SITE, number])).rows;

describe('DB21/T 4402 §11.1.3: 扫码评价 through the region', () => {
  let first: { token: string; ticketId: string; number: string };
  const body = () => ({ id: 'region-phone-rating-1', score: 1, reasons: [reasons[0]!], phone: '13800138000', consent: true });

  it('the region offers the hall\'s own reasons once the finish is pushed', async () => {
    first = await finishedTicket();
    expect(await progress(first.token)).toMatchObject({ state: 'finished', rating: null, canRate: true, badReasons: reasons, ratingPending: false });
  });

  it('keeps the phone\'s rating (phone encrypted, never in clear), answers a retry the same, and says 正在送达大厅', async () => {
    const kept = await rate(first.token, body());
    expect(kept).toEqual({ status: 202, body: { state: 'pending', rating: null } });
    expect(await rate(first.token, body())).toEqual({ status: 202, body: { state: 'pending', rating: null } });
    const other = await rate(first.token, { ...body(), id: 'region-phone-rating-2', score: 5, reasons: [], phone: '', consent: false });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('already_submitted');
    const row = await pool.query<{ phone_sealed: string; state: string }>('SELECT phone_sealed, state FROM citizen_phone_ratings');
    expect(row.rows).toHaveLength(1);
    expect(row.rows[0]!.state).toBe('pending');
    expect(row.rows[0]!.phone_sealed).not.toContain('13800138000');
    expect(openPhone(keys, row.rows[0]!.phone_sealed)).toBe('13800138000');
    expect(await progress(first.token)).toMatchObject({ rating: null, canRate: false, badReasons: [], ratingPending: true });
  });

  it('the region away: the hall\'s pull settles nothing; back again, the pull settles it once and the push brings it back', async () => {
    await region.close();
    expect(await link.pullPhoneRatingsNow()).toBe(0);
    region = await serveRegion(pool, { keys, ownPool: false, port: regionPort });
    // The phone retried meanwhile (offline) and now gets through: still the same answer.
    expect(await rate(first.token, body())).toEqual({ status: 202, body: { state: 'pending', rating: null } });
    expect(await link.pullPhoneRatingsNow()).toBe(1);
    expect(await hallRecords('citizen.rating.settled', first.ticketId)).toHaveLength(1);
    await synced();
    const settled = await progress(first.token);
    expect(settled).toMatchObject({ rating: { channel: '二维码' }, canRate: false, ratingPending: false });
    expect(await regionRatings(first.number)).toEqual([{ channel: '二维码', score: 1 }]);
    const row = await pool.query<{ phone_sealed: string | null; state: string }>('SELECT phone_sealed, state FROM citizen_phone_ratings');
    expect(row.rows).toEqual([{ phone_sealed: null, state: 'accepted' }]);
    // The phone asking again gets the final answer: accepted, 已评价（二维码）.
    const final = await rate(first.token, body());
    expect(final.status).toBe(200);
    expect(final.body).toEqual({ state: 'accepted', rating: settled.rating });
  });

  it('a feed repeated after the settlement changes nothing at the hall: one rating, one record, one case', async () => {
    const repeated = {
      ratings: [{ ...body(), ticketId: first.ticketId, ratedAt: new Date(now).toISOString() }],
    };
    expect(citizen.applyPhoneRatings(repeated)).toBe(0);
    expect(await hallRecords('rating.recorded', first.ticketId)).toHaveLength(1);
    expect(await hallRecords('citizen.rating.settled', first.ticketId)).toHaveLength(1);
    const cases = (await hall.api('GET', '/api/ratings/cases?open=1', undefined, admin)).body.cases as { ticketNumber: string; phone: string }[];
    expect(cases.filter((c) => c.ticketNumber === first.number).map((c) => c.phone)).toEqual(['138****8000']);
    const padRefused = await hall.api('POST', '/api/windows/1/ratings', {
      id: 'pad-after-region-phone', ticketId: first.ticketId, score: 5, reasons: [], comment: '', phone: '', consent: false, source: 'touch',
      ratedAt: new Date(now).toISOString(),
    }, pad);
    expect(padRefused.status).toBe(409);
    expect(padRefused.body.error.message).toMatch(/^已评价（二维码，\d\d:\d\d），每次服务只能评价一次$/);
  });

  it('the pad rated first at the hall (not yet at the region): the hall settles the phone\'s rating as rated, the region then shows the pad\'s', async () => {
    const t = await finishedTicket();
    const padRating = {
      id: 'pad-before-region-phone', ticketId: t.ticketId, score: 5, reasons: [], comment: '', phone: '', consent: false, source: 'touch',
      ratedAt: new Date(now).toISOString(),
    };
    // The phone reaches the region before the pad's rating was pushed: the region keeps it.
    const phoneBody = { id: 'region-phone-after-pad', score: 4, reasons: [], phone: '', consent: false };
    expect((await rate(t.token, phoneBody)).status).toBe(202);
    expect((await hall.api('POST', '/api/windows/1/ratings', padRating, pad)).status).toBe(201);
    expect(await link.pullPhoneRatingsNow()).toBe(1);
    const settled = await hallRecords('citizen.rating.settled', t.ticketId);
    expect(settled.map((e) => [e.data.outcome, e.data.channel])).toEqual([['rated', '窗口评价器']]);
    await synced();
    expect(await progress(t.token)).toMatchObject({ rating: { channel: '窗口评价器' }, canRate: false, ratingPending: false });
    expect(await regionRatings(t.number)).toEqual([{ channel: '窗口评价器', score: 5 }]);
    const answer = await rate(t.token, phoneBody);
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ state: 'rated', rating: { channel: '窗口评价器' } });
  });

  it('the region\'s API reference declares the phone\'s POST and the hall\'s pull', () => {
    const paths = Object.keys((regionOpenApi() as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/citizen/tickets/{token}/rating', '/api/region/sites/{id}/phone-ratings']));
  });
});
