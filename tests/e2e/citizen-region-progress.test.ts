// The citizen's progress page as a phone on 4G sees it: served by the REGION at the ticket's QR address /t/<token>, in
// real Chromium at 390×844, with a real region (throwaway PostgreSQL 15) and a real hall enrolled at it pushing its
// events. In both text sizes (大字 by default, with 长辈模式 figures; the citizen's 标准字号): waiting with the people ahead
// and the estimate and nothing personal; the call at window 1 made at the hall shows on the open page from the region's
// stream; after the finish the five 好差评 levels, then 已评价（窗口评价器） with the time once the pad rated first; and
// 扫码评价 (DB21/T 4402 §11.1.3) pressed on the region's page reaches the hall exactly once. Axe clean, every control
// visible whole and none overlapping, a screenshot of every step.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallModule } from '../../hall-server/core/module.ts';
import type { RegionLinkModule } from '../../hall-server/region-link/module.ts';
import { progressPath } from '../../protocol/citizen/progress.ts';
import { tokenOfProgressUrl } from '../../protocol/rules/citizen-token.ts';
import { migrate } from '../../region-server/db/migrate.ts';
import { createEnrolmentCode, createSite } from '../../region-server/sites/enrol.ts';
import { axeViolations, launchBrowser, newTerminalContext, screenshot, textSizes } from '../support/browser.ts';
import { testIdentity } from '../support/citizens.ts';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { scrollingLayoutProblems } from '../support/layout.ts';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/postgres.ts';
import { serveRegion, type TestRegion } from '../support/region.ts';
import { waitForLink } from '../region/link-helpers.ts';
import { distReady } from './board-helpers.ts';

const PHONE = { width: 390, height: 844 };
const SITE = 'beicheng';
const CITIZEN = '赵六';
/** Each text size follows its own item, so the estimate it shows rests on no service measured today (the prior alone). */
const MODES = [
  { name: 'senior', label: '大字（长辈模式）', minPx: 36, service: '212036001003', item: '居民参保登记' },
  { name: 'standard', label: '标准字号', minPx: 24, service: '212036001002', item: '职工参保登记' },
] as const;
type Mode = (typeof MODES)[number];

let postgres: ThrowawayPostgres;
let pool: pg.Pool;
let region: TestRegion;
let hall: TestHall;
let link: RegionLinkModule;
let browser: Browser;
let kiosk: string;
let counter: string;
let pad: string;
let admin: string;

beforeAll(async () => {
  distReady();
  postgres = await startThrowawayPostgres();
  pool = new pg.Pool({ connectionString: postgres.createDatabase('citizen_region_progress_e2e'), max: 4 });
  await migrate(pool);
  region = await serveRegion(pool, { ownPool: false });
  await createSite(pool, { id: SITE, name: '北城街道医保服务站', level: 'town' }, 'test');
  hall = await startTestHall({
    config: { citizen: { publicUrl: region.url, phoneRatingPullSeconds: 1 } },
    onModules: (modules: HallModule[]) => {
      link = modules.find((m) => m.name === 'region-link') as RegionLinkModule;
    },
  });
  kiosk = await hall.pair('kiosk');
  counter = await hall.pair('counter', 1);
  pad = await hall.pair('pad', 1);
  admin = await hall.admin();
  const code = await createEnrolmentCode(pool, SITE, 'test');
  expect((await hall.api('POST', '/api/admin/region/enrol', { url: region.url, code }, admin)).status).toBe(200);
  expect((await hall.api('POST', '/api/windows/1/sign-in', { staffId: '20101' }, counter)).status).toBe(200);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await hall?.close(true);
  await region?.close();
  await pool?.end();
  postgres?.destroy();
});

/** China Standard Time HH:MM, as the page says 评价时间. */
const clock = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(11, 16);
const statusLines = (page: Page) => page.getByTestId('status').locator('h2, p').allTextContents();
/** Everything the hall logged so far is held at the region. */
const synced = () => waitForLink(hall, admin, (s) => s.headSeq > 0 && s.heldThrough === s.headSeq);

interface Issued { ticketId: string; number: string; url: string; idNumber: string }

let k = 0;
async function issue(mode: Mode): Promise<Issued> {
  const identity = testIdentity(CITIZEN);
  const res = await hall.api('POST', '/api/tickets', { idempotencyKey: `region-page-${k++}-xxxx`, serviceCode: mode.service, identity }, kiosk);
  expect(res.status).toBe(201);
  return { ticketId: res.body.ticket.id, number: res.body.ticket.number, url: res.body.progressUrl, idNumber: identity.idNumber };
}

/** Each open page's API requests (method and path), in order. */
const apiRequests = new WeakMap<Page, string[]>();

/** The ticket's QR address, opened on a fresh phone once the region holds the ticket, in the mode's text size. */
async function openAtRegion(ticket: Issued, mode: Mode): Promise<Page> {
  expect(ticket.url).toBe(`${region.url}/t/${tokenOfProgressUrl(ticket.url)}`);
  await synced();
  const page = await (await newTerminalContext(browser, PHONE)).newPage();
  const asked: string[] = [];
  page.on('request', (req) => {
    const path = new URL(req.url()).pathname;
    if (path.startsWith('/api/')) asked.push(`${req.method()} ${path}`);
  });
  apiRequests.set(page, asked);
  await page.goto(ticket.url);
  await page.getByTestId('status').waitFor();
  if (mode.name === 'standard') {
    await page.getByRole('button', { name: '切换为标准字号' }).click();
    await page.getByRole('button', { name: '切换为大字' }).waitFor();
  }
  return page;
}

async function checkScreen(page: Page, mode: Mode, step: string): Promise<void> {
  await screenshot(page, `citizen-region-progress-${mode.name}-${step}`, { fullPage: true });
  expect(await axeViolations(page)).toEqual([]);
  expect(await scrollingLayoutProblems(page)).toEqual({ outside: [], overlapping: [], squeezed: [] });
  expect((await textSizes(page)).filter((t) => t.px < mode.minPx)).toEqual([]);
}

async function callAndFinish(ticketId: string): Promise<void> {
  expect((await hall.api('POST', '/api/windows/1/call', { ticketId }, counter)).status).toBe(200);
  expect((await hall.api('POST', '/api/windows/1/finish', {}, counter)).status).toBe(200);
}

/** The hall's durable records of one type for a ticket, read from its SQLite file. */
function hallRecords(type: string, ticketId: string): Record<string, unknown>[] {
  const file = new Database(join(hall.dataDir, 'hall.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const rows = file.prepare('SELECT data FROM events WHERE type = ? ORDER BY seq').all(type) as { data: string }[];
    return rows.map((r) => JSON.parse(r.data) as Record<string, unknown>).filter((d) => d['ticketId'] === ticketId);
  } finally {
    file.close();
  }
}

const RATE_LINES = ['已办结', '感谢您的办理，请您评价本次服务'];
const LEVELS = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'];

describe.each(MODES)('the progress page served by the region on a phone, $label', (mode) => {
  let page: Page;
  let mine: Issued;

  it('waiting: the number, the item, 前面还有 1 人 and the estimate; no name or ID number anywhere', async () => {
    const ahead = await issue(mode);
    mine = await issue(mode);
    page = await openAtRegion(mine, mode);
    expect(await page.locator('.number').textContent()).toBe(mine.number);
    expect(await page.locator('.item').textContent()).toBe(mode.item);
    // One waiting ahead, one window open, nothing of the item measured today: 1 × 6 minutes (the prior) / 1 window.
    expect(await statusLines(page)).toEqual(['前面还有 1 人', '预计等候约 6 分钟', '1 个窗口正在办理']);
    const text = await page.locator('body').innerText();
    const html = await page.content();
    for (const personal of [CITIZEN, mine.idNumber, ahead.idNumber]) {
      expect(text).not.toContain(personal);
      expect(html).not.toContain(personal);
    }
    await checkScreen(page, mode, 'waiting');
  });

  it('called at window 1 through the hall: the open page shows 请到 1 号窗口 from the region\'s stream', async () => {
    expect((await hall.api('POST', '/api/windows/1/call', { ticketId: mine.ticketId }, counter)).status).toBe(200);
    await expect.poll(() => statusLines(page), { timeout: 60_000 }).toEqual(['请到 1 号窗口', '已叫到您的号，请尽快前往']);
    // One look, then the stream: the call came over it, not by asking again.
    const progress = progressPath(tokenOfProgressUrl(mine.url)!);
    expect(apiRequests.get(page)).toEqual([`GET ${progress}`, `GET ${progress}/stream`]);
    await checkScreen(page, mode, 'called');
  });

  it('finished: the five 好差评 levels; the pad rates first and the page says 已评价（窗口评价器） with the time, no levels', async () => {
    expect((await hall.api('POST', '/api/windows/1/finish', {}, counter)).status).toBe(200);
    await expect.poll(() => statusLines(page), { timeout: 60_000 }).toEqual(RATE_LINES);
    expect(await page.getByTestId('rate').getByRole('button').allTextContents()).toEqual(LEVELS);
    await checkScreen(page, mode, 'rate-levels');

    const rating = {
      id: `pad-first-region-${mode.name}`, ticketId: mine.ticketId, score: 5, reasons: [], comment: '', phone: '', consent: false,
      source: 'touch', ratedAt: new Date().toISOString(),
    };
    expect((await hall.api('POST', '/api/windows/1/ratings', rating, pad)).status).toBe(201);
    const recorded = hallRecords('rating.recorded', mine.ticketId);
    expect(recorded.map((r) => r['channel'])).toEqual(['窗口评价器']);
    const at = Date.parse(recorded[0]!['ratedAt'] as string);
    await expect.poll(() => statusLines(page), { timeout: 60_000 }).toEqual(['已办结', '已评价（窗口评价器）', `评价时间 ${clock(at)}`]);
    expect(await page.getByTestId('rate').count()).toBe(0);
    expect(await page.getByRole('button', { name: '非常满意' }).count()).toBe(0);
    await checkScreen(page, mode, 'rated-at-pad');
    await page.context().close();
  });

  it('DB21/T 4402 §11.1.3: 扫码评价 pressed on the region\'s page reaches the hall exactly once, and the page says 已评价（二维码）', async () => {
    const ticket = await issue(mode);
    const phone = await openAtRegion(ticket, mode);
    await callAndFinish(ticket.ticketId);
    await expect.poll(() => statusLines(phone), { timeout: 60_000 }).toEqual(RATE_LINES);
    await phone.getByRole('button', { name: '非常满意', exact: true }).click();
    await expect.poll(async () => (await statusLines(phone)).slice(0, 2), { timeout: 60_000 }).toEqual(['已办结', '已评价（二维码）']);

    const recorded = hallRecords('rating.recorded', ticket.ticketId);
    expect(recorded.map((r) => [r['channel'], r['score']])).toEqual([['二维码', 5]]);
    const at = Date.parse(recorded[0]!['ratedAt'] as string);
    expect(await statusLines(phone)).toEqual(['已办结', '已评价（二维码）', `评价时间 ${clock(at)}`]);
    expect(await phone.getByTestId('rate').count()).toBe(0);
    await checkScreen(phone, mode, 'rated-by-phone');

    // Another pull finds nothing left to settle; the hall holds one rating, one settlement; the region one rating.
    expect(await link.pullPhoneRatingsNow()).toBe(0);
    expect(hallRecords('rating.recorded', ticket.ticketId)).toHaveLength(1);
    expect(hallRecords('citizen.rating.settled', ticket.ticketId).map((s) => s['outcome'])).toEqual(['accepted']);
    const atRegion = await pool.query<{ channel: string; score: number }>(
      'SELECT channel, score FROM site_ratings WHERE site_id = $1 AND ticket_number = $2', [SITE, ticket.number],
    );
    expect(atRegion.rows).toEqual([{ channel: '二维码', score: 5 }]);
    const progress = await (await fetch(`${region.url}${progressPath(tokenOfProgressUrl(ticket.url)!)}`)).json();
    expect(progress).toMatchObject({ state: 'finished', canRate: false, ratingPending: false, rating: { channel: '二维码' } });
    const padLate = await hall.api('POST', '/api/windows/1/ratings', {
      id: `pad-after-region-phone-${mode.name}`, ticketId: ticket.ticketId, score: 5, reasons: [], comment: '', phone: '', consent: false,
      source: 'touch', ratedAt: new Date().toISOString(),
    }, pad);
    expect(padLate.status).toBe(409);
    expect(padLate.body.error.message).toBe(`已评价（二维码，${clock(at)}），每次服务只能评价一次`);
    await phone.context().close();
  });
});
