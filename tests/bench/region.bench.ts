// Region figures on a real PostgreSQL 15 (a throwaway cluster with fsync on, as in production) and the region server in its own process:
// - region.ingest_events_per_s: 120 sites push their event logs at once through the real protocol (signed batches of 500);
// - region.catchup_s: one site back after 24 h offline with 3,000 tickets' events pushes them all;
// The events are the demo's simulated hall activity (region-server/simulate/activity.ts): full ticket views, calls,
// finishes, rating.recorded records and terminal heartbeats, as large as a real hall's.
// - region.rss_mb: the region process's peak resident memory during the ingest;
// - region.bytes_per_event: site_events on disk (table, TOAST and indexes) per stored event, for docs/scale.md.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { loadDemoRegionContent } from '../../region-server/catalogue/demo.ts';
import { migrate } from '../../region-server/db/migrate.ts';
import { newActivity, seededRandom, step, type ActivityState, type SimulatedHall } from '../../region-server/simulate/activity.ts';
import { createEnrolmentCode, createSite } from '../../region-server/sites/enrol.ts';
import { startThrowawayPostgres } from '../support/postgres.ts';
import { spawnRegion } from '../support/region-process.ts';
import { StandInHall } from '../support/region.ts';

const SITES = 120;
const EVENTS_PER_SITE = 2_000;
const BATCH = 500;
const ITEMS = loadDemoRegionContent().catalogue.map((item) => ({ code: item.service.code, name: item.service.name }));
const STAFF = [{ id: '20101', name: '李明华' }, { id: '20102', name: '王秀梅' }, { id: '20103', name: '张建军' }, { id: '20104', name: '刘芳' }];
const OFFLINE_TICKETS = 3_000;
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

/** Appends a simulated hall's activity from `start`, one step every 2 s, until `done` says enough. */
function simulate(hall: StandInHall, seed: number, start: Date, done: (state: ActivityState, events: number) => boolean): void {
  const site: SimulatedHall = { siteId: hall.siteId, windows: 4, items: ITEMS, staff: STAFF, busy: 0.6 };
  const state = newActivity();
  const random = seededRandom(seed);
  for (let i = 0; !done(state, hall.log.length); i++) {
    for (const event of step(site, state, new Date(start.getTime() + i * 2_000), random)) hall.append(event);
  }
}

/** The region process's peak resident memory while `work` runs. */
async function peakRssMb(pid: number, work: Promise<unknown>): Promise<number> {
  let peak = rssMb(pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 100);
  try {
    await work;
  } finally {
    clearInterval(sampler);
  }
  return Math.max(peak, rssMb(pid));
}

async function main(): Promise<void> {
  const postgres = await startThrowawayPostgres({ durable: true });
  const url = postgres.createDatabase('region_bench');
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  await migrate(pool);
  const region = await spawnRegion(url);
  try {
    const halls: StandInHall[] = [];
    for (let i = 0; i < SITES; i++) {
      const id = `bench-${i}`;
      await createSite(pool, { id, name: `站点${i}`, level: i === 0 ? 'city' : i <= 21 ? 'town' : 'village' }, 'bench');
      const hall = new StandInHall(region.url);
      await hall.enrol(await createEnrolmentCode(pool, id, 'bench'));
      simulate(hall, i, new Date(), (_, events) => events >= EVENTS_PER_SITE);
      hall.log.length = EVENTS_PER_SITE;
      halls.push(hall);
    }
    // Each stand-in hall serialises and signs its batches before the clock starts: a real hall does that on its own machine,
    // and here it would take the 2 cores the region and PostgreSQL are measured on.
    const prepared = halls.map((hall) => hall.signedBatches(1, BATCH));
    const started = performance.now();
    const rss = await peakRssMb(region.child.pid!, Promise.all(halls.map((hall, i) => hall.pushPrepared(prepared[i]!))));
    const ingestS = (performance.now() - started) / 1000;

    await createSite(pool, { id: 'bench-offline', name: '离线一天的站点', level: 'town' }, 'bench');
    const offline = new StandInHall(region.url);
    await offline.enrol(await createEnrolmentCode(pool, 'bench-offline', 'bench'));
    // Every event of 3,000 tickets: issued until 3,000, then served until no one waits or is at a window.
    simulate(offline, 9_999, new Date(Date.now() - 24 * 3600_000), (state) => state.issued >= OFFLINE_TICKETS && state.waiting.length === 0 && state.serving.size === 0);
    const offlineEvents = offline.log.length;
    const catchupStarted = performance.now();
    await offline.pushAll(1, BATCH);
    const catchupS = (performance.now() - catchupStarted) / 1000;

    const held = await pool.query<{ n: string }>('SELECT count(*) AS n FROM site_events');
    if (Number(held.rows[0]!.n) !== SITES * EVENTS_PER_SITE + offlineEvents) throw new Error(`held ${held.rows[0]!.n} events`);
    const size = await pool.query<{ bytes: string }>("SELECT pg_total_relation_size('site_events') AS bytes");
    console.log(JSON.stringify({
      'region.ingest_events_per_s': Math.round((SITES * EVENTS_PER_SITE) / ingestS),
      'region.catchup_s': Number(catchupS.toFixed(2)),
      'region.catchup_events': offlineEvents,
      'region.rss_mb': Number(rss.toFixed(1)),
      'region.bytes_per_event': Math.round(Number(size.rows[0]!.bytes) / Number(held.rows[0]!.n)),
    }));
  } finally {
    await region.stop();
    await pool.end();
    postgres.destroy();
  }
}

void main();
