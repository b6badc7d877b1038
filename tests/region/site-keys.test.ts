// The region keeps each site's enrolled key in memory for speed; a re-enrolment (a hall's new key) must take effect at
// once, so a batch signed with the key the site had before is refused and audited, and the new key is accepted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolmentCode, createSite } from '../../region-server/sites/enrol.ts';
import { StandInHall, startTestRegion, type TestRegion } from '../support/region.ts';

let region: TestRegion;

beforeAll(async () => {
  region = await startTestRegion();
});
afterAll(async () => {
  await region.close();
});

describe('the cached site key', () => {
  it('refuses the old key and accepts the new one after the hall re-enrols', async () => {
    await createSite(region.pool, { id: 'rekeyed', name: '换了服务器的站点', level: 'town' }, 'test');
    const before = new StandInHall(region.url);
    await before.enrol(await createEnrolmentCode(region.pool, 'rekeyed', 'test'));
    before.record(20);
    expect((await before.push(1, 10)).body).toEqual({ heldThrough: 10, stored: 10 });

    const after = new StandInHall(region.url);
    expect((await after.enrol(await createEnrolmentCode(region.pool, 'rekeyed', 'test'))).body.heldThrough).toBe(10);
    const stale = await before.push(11, 10);
    expect(stale.status).toBe(401);
    expect(stale.body.error.code).toBe('bad_signature');

    after.batchId = before.batchId;
    after.log.push(...before.log);
    expect((await after.push(11, 10)).body).toEqual({ heldThrough: 20, stored: 10 });
    const refused = await region.pool.query("SELECT count(*)::int AS n FROM region_audit WHERE site_id = 'rekeyed' AND details->>'code' = 'bad_signature'");
    expect(refused.rows[0].n).toBe(1);
  });
});
