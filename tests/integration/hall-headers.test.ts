// Every answer of a real hall-server process carries the security headers (issue 11 item 8): a strict CSP without
// inline script and with frame-ancestors 'none', nosniff, no referrer, no framing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnTestHall, type SpawnedHall } from '../support/hall.ts';

let hall: SpawnedHall;
beforeAll(async () => {
  hall = await spawnTestHall({ demo: false });
});
afterAll(() => hall.close());

describe('security headers', () => {
  it('are on pages, files, API answers, errors and refusals alike', async () => {
    const requests: Array<[string, RequestInit?]> = [
      ['/admin'], ['/kiosk'], ['/sw.js'], ['/assets/none.js'], ['/api/health'], ['/api/openapi.json'], ['/api/no-such-route'],
      ['/api/admin/audit'], ['/api/admin/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }],
    ];
    for (const [path, init] of requests) {
      const res = await fetch(hall.url + path, init);
      await res.arrayBuffer();
      const csp = res.headers.get('content-security-policy') ?? '';
      expect([path, res.headers.get('x-content-type-options')]).toEqual([path, 'nosniff']);
      expect([path, res.headers.get('referrer-policy')]).toEqual([path, 'no-referrer']);
      expect([path, res.headers.get('x-frame-options')]).toEqual([path, 'DENY']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
    }
  });
});
