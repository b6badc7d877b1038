// The public site page served by a hall without a region link, on its own Wi-Fi: /s/hall answers the page (its own
// small script), and GET /api/citizen/sites/hall answers the hall's name, hours (open now, until the session ends),
// windows open and waiting per item from its queue — counts only, nothing personal. Any other site: 404 in Chinese.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCitizenPages } from '../../scripts/citizen-pages.ts';
import { UNKNOWN_SITE_MESSAGE, siteNowPath } from '../../protocol/citizen/site-now.ts';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { testIdentity } from '../support/citizens.ts';

const dist = mkdtempSync(join(tmpdir(), 'citizen-site-dist-'));
/** Monday 2 November 2026, 10:00 in the hall: the sample items issue 08:30–11:20 and 13:00–16:40. */
const NOW = new Date('2026-11-02T02:00:00Z');
const RESIDENT = '212036001003';
let hall: TestHall;
let kiosk: string;
let counter: string;

beforeAll(async () => {
  await buildCitizenPages(dist);
  hall = await startTestHall({ distDir: dist, now: () => NOW });
  kiosk = await hall.pair('kiosk');
  counter = await hall.pair('counter', 1);
});
afterAll(async () => {
  await hall.close(true);
  rmSync(dist, { recursive: true, force: true });
});

describe('the hall-served site page', () => {
  it('answers /s/hall with the page and its script', async () => {
    const page = await fetch(`${hall.url}/s/hall`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<script defer src="/citizen/site.js"></script>');
    const js = await (await fetch(`${hall.url}/citizen/site.js`)).text();
    expect(js).toContain('/api/citizen/sites/');
    expect(js).not.toMatch(/\?\.|\?\?/);
  });

  it('answers the hall now from its queue: open until 11:20, windows open, waiting per item of today', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await hall.api('POST', '/api/tickets', { idempotencyKey: `site-page-${i}-xxxx`, serviceCode: RESIDENT, identity: testIdentity('王五') }, kiosk);
      expect(res.status).toBe(201);
    }
    expect((await hall.api('POST', '/api/windows/1/sign-in', { staffId: '20101' }, counter)).status).toBe(200);
    expect((await hall.api('POST', '/api/windows/1/call-next', {}, counter)).status).toBe(200);
    const res = await fetch(`${hall.url}${siteNowPath('hall')}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({
      siteId: 'hall', name: '示例县医疗保障服务大厅（示例数据）', levelName: '县区医保经办大厅',
      address: '辽宁省示例市示例县政务服务中心一楼（示例地址）',
      hours: ['周一至周五 8:30—11:30，13:00—17:00', '午间 11:30—13:00 设值班窗口', '法定节假日休息，调休上班日正常办公'],
      open: true, closesAt: '2026-11-02T03:20:00.000Z', opensAt: null, live: true, lastReportAt: NOW.toISOString(),
      windowsOpen: 1, waiting: [{ itemName: '居民参保登记', waiting: 2 }], neighbours: [], at: NOW.toISOString(),
    });
    expect(JSON.stringify(body)).not.toContain('王');
  });

  it('any other site: 404 with a Chinese message', async () => {
    const res = await fetch(`${hall.url}${siteNowPath('gangshan')}`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toBe(UNKNOWN_SITE_MESSAGE);
  });
  it('throttles an address past 60 requests a minute (429 in Chinese)', async () => {
    let status = 200;
    let body: { error?: { message: string } } = {};
    for (let i = 0; i < 61 && status !== 429; i++) {
      const res = await fetch(`${hall.url}${siteNowPath('hall')}`);
      status = res.status;
      body = await res.json();
    }
    expect(status).toBe(429);
    expect(body.error?.message).toMatch(/^查询过于频繁，请 \d+ 秒后再试$/);
  });
});
