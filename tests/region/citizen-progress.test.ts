// The citizen's progress at the region (real PostgreSQL): a hall enrolled at the region prints the region's public URL
// in the ticket's QR; its `citizen.link` record (the token's hash only) and the ticket's events reach the region over
// the normal push, and `GET /api/citizen/tickets/:token` there answers waiting → called at window 1 → 过号, with
// 前面还有 N 人, nothing personal, and 404 in Chinese for an unknown token.
import { get } from 'node:http';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolmentCode, createSite } from '../../region-server/sites/enrol.ts';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { testIdentity } from '../support/citizens.ts';
import { freshDatabase, startTestRegion, type TestRegion } from '../support/region.ts';
import { progressPath, UNKNOWN_TOKEN_MESSAGE } from '../../protocol/citizen/progress.ts';
import { tokenOfProgressUrl } from '../../protocol/rules/citizen-token.ts';
import { waitForLink } from './link-helpers.ts';
import { regionOpenApi } from '../../region-server/console/openapi.ts';

const RESIDENT = '212036001003';
let now = Date.now();
let pool: pg.Pool;
let region: TestRegion;
let hall: TestHall;
let kiosk: string;
let counter: string;
let admin: string;

beforeAll(async () => {
  pool = (await freshDatabase()).pool;
  region = await startTestRegion({ pool });
  await createSite(pool, { id: 'dongcheng', name: '东城镇医保服务站', level: 'town' }, 'test');
  hall = await startTestHall({ now: () => new Date(now), config: { citizen: { publicUrl: region.url } } });
  kiosk = await hall.pair('kiosk');
  counter = await hall.pair('counter', 1);
  admin = await hall.admin();
});
afterAll(async () => {
  await hall.close(true);
  await region.close();
  await pool.end();
});

let k = 0;
async function issue(): Promise<{ body: any; token: string | null }> { // any: the test reads fields freely
  now += 1_000;
  const res = await hall.api('POST', '/api/tickets', { idempotencyKey: `region-citizen-${k++}`, serviceCode: RESIDENT, identity: testIdentity('李四') }, kiosk);
  expect(res.status).toBe(201);
  return { body: res.body, token: res.body.progressUrl ? tokenOfProgressUrl(res.body.progressUrl) : null };
}
const synced = () => waitForLink(hall, admin, (s) => s.headSeq > 0 && s.heldThrough === s.headSeq);
async function atRegion(token: string): Promise<{ status: number; body: any }> { // any: the test reads fields freely
  const res = await fetch(`${region.url}${progressPath(token)}`);
  return { status: res.status, body: await res.json() };
}

describe('the progress page\'s API at the region', () => {
  it('prints no link before enrolment (no hall Wi-Fi address configured), the region\'s URL once enrolled', async () => {
    expect((await issue()).token).toBeNull();
    const code = await createEnrolmentCode(pool, 'dongcheng', 'test');
    expect((await hall.api('POST', '/api/admin/region/enrol', { url: region.url, code }, admin)).status).toBe(200);
    const { body } = await issue();
    expect(body.progressUrl.startsWith(`${region.url}/t/`)).toBe(true);
  });

  it('follows a ticket from the pushed events: waiting with the people ahead, called at window 1, 过号', async () => {
    const { body, token } = await issue();
    await synced();
    const waiting = await atRegion(token!);
    expect(waiting.status).toBe(200);
    expect(waiting.body).toMatchObject({ number: body.ticket.number, itemName: '居民参保登记', state: 'waiting', peopleAhead: 2, estimateMinutes: 12, window: null, rating: null });
    expect(JSON.stringify(waiting.body)).not.toContain('李');
    const stored = await pool.query<{ token_hash: string }>('SELECT token_hash FROM citizen_links');
    expect(stored.rows.map((r) => r.token_hash)).not.toContain(token);

    expect((await hall.api('POST', '/api/windows/1/sign-in', { staffId: '20101' }, counter)).status).toBe(200);
    expect((await hall.api('POST', '/api/windows/1/call', { ticketId: body.ticket.id }, counter)).status).toBe(200);
    await synced();
    expect((await atRegion(token!)).body).toMatchObject({ state: 'called', window: 1, peopleAhead: 0, estimateMinutes: null, openWindows: 1 });

    for (let call = 2; call <= 3; call++) {
      now += 11_000;
      expect((await hall.api('POST', '/api/windows/1/recall', {}, counter)).status).toBe(200);
    }
    expect((await hall.api('POST', '/api/windows/1/no-show', {}, counter)).status).toBe(200);
    await synced();
    expect((await atRegion(token!)).body).toMatchObject({ state: 'missed', window: null });
  });

  it('answers 404 in Chinese for an unknown token', async () => {
    const res = await atRegion('AAAAAAAAAAAAAAAAAAAAAAAA');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe(UNKNOWN_TOKEN_MESSAGE);
  });
});

/** A phone's stream: every progress it was sent, in order. */
function openStream(token: string): Promise<{ messages: any[]; close(): void }> { // any: parsed progress, asserted by the test
  return new Promise((ok, fail) => {
    const req = get(`${region.url}${progressPath(token)}/stream`, (res) => {
      if (res.statusCode !== 200 || !String(res.headers['content-type']).startsWith('text/event-stream')) return fail(new Error(`stream refused: ${res.statusCode}`));
      const messages: any[] = []; // any: as above
      let buffered = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffered += chunk;
        let end: number;
        while ((end = buffered.indexOf('\n\n')) >= 0) {
          const block = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          for (const line of block.split('\n')) if (line.startsWith('data: ')) messages.push(JSON.parse(line.slice(6)));
        }
      });
      ok({ messages, close: () => req.destroy() });
    });
    req.on('error', fail);
  });
}

describe('the live stream', () => {
  it('sends the progress at once, then the call as soon as the hall\'s batch is ingested, and nothing when nothing changed', async () => {
    const { token, body } = await issue();
    await synced();
    const stream = await openStream(token!);
    await expect.poll(() => stream.messages.length).toBe(1);
    expect(stream.messages[0]).toMatchObject({ number: body.ticket.number, state: 'waiting' });
    await issue();
    await synced();
    expect((await hall.api('POST', '/api/windows/1/call', { ticketId: body.ticket.id }, counter)).status).toBe(200);
    await expect.poll(() => stream.messages.at(-1)?.state).toBe('called');
    expect(stream.messages.map((m) => m.state)).toEqual(['waiting', 'called']);
    expect(stream.messages.at(-1)).toMatchObject({ window: 1 });
    stream.close();
  });

  it('is refused for an unknown token', async () => {
    await expect(openStream('BBBBBBBBBBBBBBBBBBBBBBBB')).rejects.toThrow('stream refused: 404');
  });
});

describe('the region\'s API reference', () => {
  it('lists the citizen\'s progress endpoint and its live stream as public', () => {
    const doc = regionOpenApi() as { paths: Record<string, { get?: unknown }> };
    expect(doc.paths['/api/citizen/tickets/{token}']?.get).toMatchObject({ 'x-roles': 'public' });
    expect(doc.paths['/api/citizen/tickets/{token}/stream']?.get).toMatchObject({ 'x-roles': 'public', responses: { '200': { content: { 'text/event-stream': {} } } } });
  });
});
