// The progress page served by the hall itself (a hall without a region link, on its Wi-Fi): /t/<token> answers the
// page's HTML, which loads only its own small script and CSS from dist/citizen/ (built here into a temp dist).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCitizenPages } from '../../scripts/citizen-pages.ts';
import { startTestHall, type TestHall } from '../support/hall.ts';

const dist = mkdtempSync(join(tmpdir(), 'citizen-dist-'));
let hall: TestHall;

beforeAll(async () => {
  await buildCitizenPages(dist);
  hall = await startTestHall({ distDir: dist });
});
afterAll(async () => {
  await hall.close(true);
  rmSync(dist, { recursive: true, force: true });
});

describe('the hall-served progress page', () => {
  it('answers /t/<token> with the page, its script and its CSS, under the hall\'s CSP', async () => {
    const page = await fetch(`${hall.url}/t/AbCdEfGhIjKlMnOpQrStUv_-`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<script defer src="/citizen/progress.js"></script>');
    const script = await fetch(`${hall.url}/citizen/progress.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const js = await script.text();
    expect(js).toContain('/api/citizen/tickets/');
    expect(js).not.toMatch(/\?\.|\?\?/);
    expect((await fetch(`${hall.url}/citizen/citizen.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('serves nothing else under /t/', async () => {
    expect((await fetch(`${hall.url}/t/`)).status).toBe(404);
    expect((await fetch(`${hall.url}/t/a/b`)).status).toBe(404);
  });
});
