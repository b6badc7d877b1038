// Building and signing packs must not stall the region: the zip and the signature of every site's pack are made on the
// pack worker thread, never on the region's event loop (how long a build takes is the bench's business, not a test's).
import { threadId } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair } from '../../content/validate/sign.ts';
import type { SiteLevel } from '../../protocol/region/sync.ts';
import { loadDemoRegionContent, seedDemoCatalogue } from '../../region-server/catalogue/demo.ts';
import { publishSitePack } from '../../region-server/catalogue/store.ts';
import { startTestRegion, type TestRegion } from '../support/region.ts';
import { createDemoSite } from './site-fixtures.ts';

const SITES = 120;
const LEVELS: SiteLevel[] = ['town', 'hospital', 'clinic', 'village'];
let region: TestRegion;
const regionKey = generateKeyPair();
const demo = loadDemoRegionContent();

beforeAll(async () => {
  region = await startTestRegion();
  await seedDemoCatalogue(region.pool, demo);
  for (let i = 0; i < SITES; i++) {
    const id = `pack-site-${i}`;
    const level = LEVELS[i % LEVELS.length]!;
    await createDemoSite(region.pool, demo, id, level);
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
