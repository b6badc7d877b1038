// Building and signing packs must not stall the region: the zip and the signature of every site's pack are made on the
// pack worker thread, never on the region's event loop (how long a build takes is the bench's business, not a test's).
import { threadId } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair } from '../../content/validate/sign.ts';
import type { SiteProfile } from '../../protocol/region/catalogue.ts';
import type { SiteLevel } from '../../protocol/region/sync.ts';
import { loadDemoRegionContent, seedDemoCatalogue } from '../../region-server/catalogue/demo.ts';
import { publishSitePack, saveSiteFile, saveSiteProfile } from '../../region-server/catalogue/store.ts';
import { createSite } from '../../region-server/sites/enrol.ts';
import { startTestRegion, type TestRegion } from '../support/region.ts';

const SITES = 120;
const LEVELS: SiteLevel[] = ['town', 'hospital', 'clinic', 'village'];
let region: TestRegion;
const regionKey = generateKeyPair();
const demo = loadDemoRegionContent();

function profile(siteId: string, level: SiteLevel): SiteProfile {
  return {
    siteId,
    level,
    hall: {
      name: `${siteId}医保服务点（示例数据）`,
      region: '山东省济宁市邹城市',
      address: `邹城市${siteId}（示例地址）`,
      hours: ['周一至周五 8:30—11:30，13:30—17:00'],
      consultPhone: '0537-0000101',
      complaintPhone: '0537-0000102',
      duties: ['受理下放的医保经办事项'],
      commitments: ['一次性告知'],
      slogan: '中国医保 一生守护',
      tidalThreshold: 5,
      callRepeat: 2,
    },
    windows: [{ number: 1, name: '综合窗口', services: 'all', tidal: false }],
    staff: [{ id: '20101', name: '王*', photo: 'staff/20101.png', partyMember: false, stars: 4 }],
  };
}

beforeAll(async () => {
  region = await startTestRegion();
  await seedDemoCatalogue(region.pool, demo);
  for (let i = 0; i < SITES; i++) {
    const id = `pack-site-${i}`;
    const level = LEVELS[i % LEVELS.length]!;
    await createSite(region.pool, { id, name: `${id}医保服务点`, level }, 'test');
    await saveSiteProfile(region.pool, profile(id, level));
    await saveSiteFile(region.pool, id, 'staff/20101.png', demo.photos.get('staff/20101.png')!);
  }
});
afterAll(async () => {
  await region.close();
});

describe('packs built off the event loop', () => {
  it('120 packs build and sign at once, every one on the pack worker thread, never on the region\'s event loop', async () => {
    const published = await Promise.all(
      Array.from({ length: SITES }, (_, i) => publishSitePack(region.pool, `pack-site-${i}`, regionKey.privateKeyPem, 'test')),
    );
    expect(published.every((p) => p.changed && p.version === 1)).toBe(true);
    expect(new Set(published.map((p) => p.builtOnThread === threadId))).toEqual(new Set([false]));
  }, 600_000);
});
