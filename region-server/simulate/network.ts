// The demo's simulated sites, all in the region's process and light on memory: each enrols with a one-time code like
// a real hall (a fresh key at every start, so a restarted demo re-enrols), then every tick appends its hall's activity
// to its log and pushes what the region does not hold yet as a signed batch over real HTTP, letting go of what the
// region acknowledged. A refused or failed push is logged and retried at the next tick. At enrolment each hall also
// reports its 示范点自查 for the current month.
import type { Pool } from 'pg';
import type { CatalogueItem } from '../../protocol/region/catalogue.ts';
import { MAX_BATCH_EVENTS } from '../../protocol/region/sync.ts';
import type { RegionLogger } from '../http/server.ts';
import { RegionError } from '../http/errors.ts';
import { createEnrolmentCode, createSite } from '../sites/enrol.ts';
import { newActivity, seededRandom, step, type ActivityState, type SimulatedHall } from './activity.ts';
import { simulatedInspection } from './inspection.ts';
import { SiteLink } from './site-link.ts';
import type { DemoSite } from './sites.ts';

export interface SimulatedNetworkOptions {
  regionUrl: string;
  sites: readonly DemoSite[];
  catalogue: readonly CatalogueItem[];
  /** Time between two steps of every site's hall. */
  tickMs: number;
  log: RegionLogger;
}

export interface SimulatedNetwork {
  siteIds: string[];
  stop(): Promise<void>;
}

interface RunningSite {
  site: DemoSite;
  hall: SimulatedHall;
  link: SiteLink;
  activity: ActivityState;
  random: () => number;
  pushing: Promise<void> | null;
  reported: boolean;
}

async function ensureSite(pool: Pool, site: DemoSite): Promise<void> {
  try {
    await createSite(pool, { id: site.id, name: site.name, level: site.level }, 'demo');
  } catch (err) {
    if (!(err instanceof RegionError && err.code === 'site_exists')) throw err;
  }
}

async function enrolSite(pool: Pool, site: DemoSite, options: SimulatedNetworkOptions, index: number): Promise<RunningSite> {
  await ensureSite(pool, site);
  const link = new SiteLink(options.regionUrl);
  const answer = await link.enrol(await createEnrolmentCode(pool, site.id, 'demo'), site.name);
  if (answer.status !== 200) throw new Error(`simulated site ${site.id} could not enrol: ${JSON.stringify(answer.body)}`);
  // Resume after what the region holds; batch ids stay above every earlier run's (they only need to increase).
  link.seqOffset = (answer.body as { heldThrough: number }).heldThrough;
  link.batchId = Date.now();
  const items = options.catalogue.filter((item) => item.levels.includes(site.level)).map((item) => ({ code: item.service.code, name: item.service.name }));
  const hall: SimulatedHall = { siteId: site.id, windows: site.windows, items, staff: site.staff, busy: site.busy };
  const random = seededRandom(Date.now() + index);
  const now = new Date();
  link.append({ type: 'inspection.reported', at: now.toISOString(), data: simulatedInspection(hall, site.name, now, random) });
  return { site, hall, link, activity: newActivity(), random, pushing: null, reported: false };
}

async function pushPending(running: RunningSite, log: RegionLogger): Promise<void> {
  const { link } = running;
  if (link.log.length === 0) return;
  const answer = await link.push(link.seqOffset + 1, MAX_BATCH_EVENTS);
  if (answer.status !== 200) {
    log.warn('simulated site push refused', { siteId: link.siteId, status: answer.status, code: answer.body?.error?.code });
    return;
  }
  const heldThrough = (answer.body as { heldThrough: number }).heldThrough;
  link.forgetThrough(heldThrough);
  if (!running.reported) {
    running.reported = true;
    log.info('simulated site reporting', { siteId: link.siteId, siteLevel: running.site.level, heldThrough });
  }
}

export async function startSimulatedNetwork(pool: Pool, options: SimulatedNetworkOptions): Promise<SimulatedNetwork> {
  const sites: RunningSite[] = [];
  for (const [index, site] of options.sites.entries()) sites.push(await enrolSite(pool, site, options, index));
  const tick = (): void => {
    const now = new Date();
    for (const running of sites) {
      for (const event of step(running.hall, running.activity, now, running.random)) running.link.append(event);
      if (running.pushing) continue;
      running.pushing = pushPending(running, options.log)
        .catch((err: unknown) => options.log.warn('simulated site push failed', { siteId: running.site.id, error: (err as Error).message }))
        .finally(() => (running.pushing = null));
    }
  };
  tick();
  const timer = setInterval(tick, options.tickMs);
  return {
    siteIds: sites.map((s) => s.site.id),
    async stop() {
      clearInterval(timer);
      await Promise.all(sites.map((s) => s.pushing));
    },
  };
}
