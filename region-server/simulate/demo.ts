// The demo region that `npm start` runs: the demo catalogue (once), the demo hall's site with the enrolment code
// `npm start` gave the hall, and the simulated network of sites pushing live.
import type { Pool } from 'pg';
import { loadDemoRegionContent, seedDemoCatalogue, type DemoRegionContent } from '../catalogue/demo.ts';
import { latestSitePack, publishSitePack, saveSiteFile, saveSiteProfile } from '../catalogue/store.ts';
import type { RegionLogger } from '../http/server.ts';
import { RegionError } from '../http/errors.ts';
import { createEnrolmentCode, createSite } from '../sites/enrol.ts';
import { startSimulatedNetwork, type SimulatedNetwork } from './network.ts';
import { DEMO_SITES } from './sites.ts';

export const DEMO_HALL_SITE = { id: 'demo-hall', name: '示例县医疗保障服务大厅（示例数据）', level: 'city' } as const;
const UNIQUE_VIOLATION = '23505';

export interface DemoPreparation {
  /** The code `npm start` passes to the demo hall; registered for the demo hall's site until the hall enrols. */
  hallEnrolCode: string | undefined;
  /** The region's pack-signing key (PEM): with it the demo hall's site gets its region-built pack. */
  signingKeyPem: string | null;
  log: RegionLogger;
}

export interface DemoRegionOptions {
  regionUrl: string;
  tickMs: number;
  log: RegionLogger;
}

async function ensureDemoHall(pool: Pool, code: string | undefined): Promise<void> {
  try {
    await createSite(pool, DEMO_HALL_SITE, 'demo');
  } catch (err) {
    if (!(err instanceof RegionError && err.code === 'site_exists')) throw err;
  }
  if (!code) return;
  const enrolled = await pool.query<{ public_key: string | null }>('SELECT public_key FROM sites WHERE id = $1', [DEMO_HALL_SITE.id]);
  if (enrolled.rows[0]?.public_key) return;
  try {
    await createEnrolmentCode(pool, DEMO_HALL_SITE.id, 'demo', new Date(), code);
  } catch (err) {
    // Restarted by the supervisor with the same code: it is registered already.
    if ((err as { code?: string }).code !== UNIQUE_VIOLATION) throw err;
  }
}

/** The demo hall's site profile (the sample hall's) and its first region-built pack, which the demo hall pulls and
 * activates after it enrols: nothing is configured by hand, the hall learns the signing key at enrolment. */
async function ensureDemoHallPack(pool: Pool, content: DemoRegionContent, signingKeyPem: string, log: RegionLogger): Promise<void> {
  if (await latestSitePack(pool, DEMO_HALL_SITE.id, 0)) return;
  await saveSiteProfile(pool, { siteId: DEMO_HALL_SITE.id, level: DEMO_HALL_SITE.level, ...content.sampleHall });
  for (const [path, bytes] of content.photos) await saveSiteFile(pool, DEMO_HALL_SITE.id, path, bytes);
  const published = await publishSitePack(pool, DEMO_HALL_SITE.id, signingKeyPem, 'demo');
  log.info('demo hall pack published', { siteId: DEMO_HALL_SITE.id, version: published.version });
}

/** Before the region listens: the demo catalogue, the demo hall's site with its code and its pack. The demo hall may
 * knock as soon as the port is open, so its code must already be registered then. */
export async function prepareDemoRegion(pool: Pool, options: DemoPreparation): Promise<void> {
  const content = loadDemoRegionContent();
  const items = await pool.query<{ n: string }>('SELECT count(*) AS n FROM catalogue_items');
  if (Number(items.rows[0]!.n) === 0) await seedDemoCatalogue(pool, content);
  await ensureDemoHall(pool, options.hallEnrolCode);
  if (options.signingKeyPem) await ensureDemoHallPack(pool, content, options.signingKeyPem, options.log);
}

/** Once the region listens: the simulated sites, enrolling and pushing through its real HTTP front. */
export async function startDemoRegion(pool: Pool, options: DemoRegionOptions): Promise<SimulatedNetwork> {
  const content = loadDemoRegionContent();
  return startSimulatedNetwork(pool, {
    regionUrl: options.regionUrl,
    sites: DEMO_SITES,
    catalogue: content.catalogue,
    tickMs: options.tickMs,
    log: options.log,
  });
}
