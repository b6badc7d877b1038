// The site profile's 可预约 items (DB21/T 4402 §10.1.2), edited through the region console's API by an account with the
// sites permission; the booking API then offers exactly those.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSite } from '../../region-server/sites/enrol.ts';
import { consoleCall, setUpAdmin, startConsoleRegion, type ConsoleRegion } from '../support/region-console.ts';

let region: ConsoleRegion;
let token = '';
const PATH = '/api/region/console/sites/beicun/slot-rules';

beforeAll(async () => {
  region = await startConsoleRegion({ signingKeyPem: null });
  token = await setUpAdmin(region);
  await createSite(region.pool, { id: 'beicun', name: '北村医保服务点', level: 'village' }, 'test');
});
afterAll(async () => {
  await region.close();
});

describe('DB21/T 4402 §10.1.2: slot rules in the site profile', () => {
  it('are saved and read back by the region administrator, and offered by the booking API', async () => {
    expect((await consoleCall(region.url, 'GET', PATH, token)).body).toEqual({ rules: [] });
    const rules = [{ serviceCode: '212036001003', capacity: 4, daysAhead: 5, cutoffMinutes: 120 }];
    const saved = await consoleCall(region.url, 'PUT', PATH, token, { rules });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ rules });
    const sites = await fetch(`${region.url}/api/booking/sites`).then((r) => r.json());
    expect(sites.sites.map((s: { id: string }) => s.id)).toEqual(['beicun']);
  });

  it('refuses a caller who is not signed in, and a rule out of range with a message, changing nothing', async () => {
    expect((await consoleCall(region.url, 'PUT', PATH, null, { rules: [] })).status).toBe(401);
    const bad = await consoleCall(region.url, 'PUT', PATH, token, { rules: [{ serviceCode: 'x', capacity: 0, daysAhead: 5, cutoffMinutes: 0 }] });
    expect(bad.status).toBe(400);
    expect((await consoleCall(region.url, 'GET', PATH, token)).body.rules).toHaveLength(1);
  });
});
