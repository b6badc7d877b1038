// Issue 11 item 14: bodies and query fields the hall must refuse with a clear JSON error instead of a reset or a silent accept.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHall, type TestHall } from '../support/hall.ts';

let hall: TestHall;
let kiosk: string;
let admin: string;
beforeAll(async () => {
  hall = await startTestHall();
  kiosk = await hall.pair('kiosk');
  admin = await hall.admin();
});
afterAll(() => hall.close());

/** Streams `total` bytes as a chunked body (no Content-Length) and resolves with the answer, or rejects on a reset. */
function postChunked(path: string, token: string, total: number): Promise<{ status: number; body: unknown; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    const url = new URL(hall.url + path);
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text), connection: res.headers.connection }));
      },
    );
    req.on('error', reject);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

describe('request limits', () => {
  it('answers a 10 MB chunked body with 413 and the JSON error', async () => {
    const res = await postChunked('/api/tickets', kiosk, 10 * 1024 * 1024);
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ error: { code: 'body_too_large', message: '请求内容过大（上限 65536 字节）' } });
    expect(res.connection).toBe('close');
    expect((await hall.api('GET', '/api/health')).status).toBe(200);
  });
});

describe('heartbeat fields', () => {
  it('refuses packVersion -1 and keeps the last good heartbeat', async () => {
    const ok = await hall.api('POST', '/api/terminals/heartbeat', { packVersion: 1, devices: [] }, kiosk);
    expect(ok.status).toBe(200);
    for (const packVersion of [-1, 0, 2 ** 40]) {
      const bad = await hall.api('POST', '/api/terminals/heartbeat', { packVersion, devices: [] }, kiosk);
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('invalid_body');
      expect(bad.body.error.message).toContain('packVersion');
    }
    const list = await hall.api('GET', '/api/admin/terminals', undefined, admin);
    const me = list.body.terminals.find((t: { role: string; packVersion: number | null }) => t.role === 'kiosk');
    expect(me.packVersion).toBe(1);
  });

  it('refuses a device name with control characters', async () => {
    const bad = await hall.api('POST', '/api/terminals/heartbeat', { packVersion: 1, devices: [{ device: 'printer\u0000\u202e', state: 'ok' }] }, kiosk);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('devices.0.device');
  });
});

describe('query fields', () => {
  it('refuses a garbage from= on the case list', async () => {
    for (const q of ['from=garbage', 'to=2026-13-45', 'from=2026-02-30', "from=2026-11-01'%20OR%201=1--", 'open=yes', 'from=2026-12-01&to=2026-11-01']) {
      const res = await hall.api('GET', `/api/ratings/cases?${q}`, undefined, admin);
      expect(res.status, q).toBe(400);
      expect(res.body.error.code, q).toBe('bad_range');
    }
    const fine = await hall.api('GET', '/api/ratings/cases?open=1&from=2026-11-01&to=2026-11-30', undefined, admin);
    expect(fine.status).toBe(200);
    expect(fine.body.cases).toEqual([]);
  });
});
