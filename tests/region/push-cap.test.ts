// The cap on pushes in flight: 3,000 halls reconnecting at once must not exhaust the region's pool or memory. Past the
// cap a push is answered 503 with Retry-After before its body is read, and nothing of it is stored; once places free
// up, pushes are taken again.
import { request, type ClientRequest } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SYNC_SIGNATURE_HEADER } from '../../protocol/region/sync.ts';
import { createEnrolmentCode, createSite } from '../../region-server/sites/enrol.ts';
import { PushGate } from '../../region-server/sync/push-gate.ts';
import { StandInHall, startTestRegion, type TestRegion } from '../support/region.ts';

const gate = new PushGate(2);
let region: TestRegion;

beforeAll(async () => {
  region = await startTestRegion({ pushGate: gate });
});
afterAll(async () => {
  await region.close();
});

/** A push whose body never finishes arriving: it holds a place until destroyed. */
function slowPush(): ClientRequest {
  const req = request(`${region.url}/api/region/sync`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '100000' } });
  req.on('error', () => undefined);
  req.write('{"siteId":"slow"');
  return req;
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((ok) => setImmediate(ok));
}

it('answers 503 with Retry-After past the cap, stores nothing of that push, and takes pushes again when places free', async () => {
  await createSite(region.pool, { id: 'cap-town', name: '限流测试站', level: 'town' }, 'test');
  const hall = new StandInHall(region.url);
  expect((await hall.enrol(await createEnrolmentCode(region.pool, 'cap-town', 'test'))).status).toBe(200);
  hall.record(3);

  const slow = [slowPush(), slowPush()];
  await until(() => gate.inFlight === 2);
  const body = hall.batchBody(1, 3);
  const busy = await fetch(`${region.url}/api/region/sync`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SYNC_SIGNATURE_HEADER]: hall.signature(body) },
    body: new Uint8Array(body),
  });
  expect(busy.status).toBe(503);
  expect(busy.headers.get('retry-after')).toBe('2');
  expect(await busy.json()).toEqual({ error: { code: 'region_busy', message: '区域中心正忙，请稍后重试' } });
  const held = await region.pool.query<{ n: string }>("SELECT count(*) AS n FROM site_events WHERE site_id = 'cap-town'");
  expect(held.rows[0]!.n).toBe('0');

  for (const req of slow) req.destroy();
  await until(() => gate.inFlight === 0);
  const taken = await hall.push(1, 3);
  expect(taken).toEqual({ status: 200, body: { heldThrough: 3, stored: 3 } });
});
