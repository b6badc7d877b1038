// The demo region that `npm start` runs: the demo catalogue (once), the demo hall's site with the enrolment code
// `npm start` gave the hall, and the simulated network of sites pushing live.
import type { Pool } from 'pg';
import { loadDemoRegionContent, seedDemoCatalogue } from '../catalogue/demo.ts';
import type { RegionLogger } from '../http/server.ts';
import { RegionError } from '../http/errors.ts';
import { createEnrolmentCode, createSite } from '../sites/enrol.ts';
import { startSimulatedNetwork, type SimulatedNetwork } from './network.ts';
import { DEMO_SITES } from './sites.ts';

export const DEMO_HALL_SITE = { id: 'demo-hall', name: '示例县医疗保障服务大厅（示例数据）', level: 'city' } as const;
const UNIQUE_VIOLATION = '23505';

export interface DemoRegionOptions {
  regionUrl: string;
  /** The code `npm start` passes to the demo hall; registered for the demo hall's site until the hall enrols. */
  hallEnrolCode: string | undefined;
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

export async function startDemoRegion(pool: Pool, options: DemoRegionOptions): Promise<SimulatedNetwork> {
  const content = loadDemoRegionContent();
  const items = await pool.query<{ n: string }>('SELECT count(*) AS n FROM catalogue_items');
  if (Number(items.rows[0]!.n) === 0) await seedDemoCatalogue(pool, content);
  await ensureDemoHall(pool, options.hallEnrolCode);
  return startSimulatedNetwork(pool, {
    regionUrl: options.regionUrl,
    sites: DEMO_SITES,
    catalogue: content.catalogue,
    tickMs: options.tickMs,
    log: options.log,
  });
}
