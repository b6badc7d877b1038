// Region figures on a real PostgreSQL 15 (a throwaway cluster with fsync on, as in production) and the region server in its own process:
// - region.ingest_events_per_s: 120 sites push their event logs at once through the real protocol (signed batches of 500);
// - region.catchup_s: one site back after 24 h offline with 3,000 tickets' events pushes them all;
// - region.rss_mb: the region process's peak resident memory during the ingest.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { migrate } from '../../region-server/db/migrate.ts';
import { createEnrolmentCode, createSite } from '../../region-server/sites/enrol.ts';
import { startThrowawayPostgres } from '../support/postgres.ts';
import { spawnRegion } from '../support/region-process.ts';
import { StandInHall } from '../support/region.ts';

const SITES = 120;
const EVENTS_PER_SITE = 2_000;
const BATCH = 500;
/** A ticket's life in the hall's log: issued, called, started, finished, rated. */
const TICKET_EVENTS = ['ticket.issued', 'ticket.called', 'ticket.started', 'ticket.finished', 'rating.submitted'];

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

function recordTickets(hall: StandInHall, events: number, start: Date): void {
  for (let i = 0; i < events; i++) {
    const seq = hall.log.length + 1;
    const ticket = Math.floor(seq / TICKET_EVENTS.length);
    hall.log.push({
      seq,
      type: TICKET_EVENTS[seq % TICKET_EVENTS.length]!,
      at: new Date(start.getTime() + seq * 2_000).toISOString(),
      data: { ticketId: `t${ticket}`, number: `A${String(ticket % 1000).padStart(3, '0')}`, itemCode: '000010001000', window: (ticket % 6) + 1 },
      window: (ticket % 6) + 1,
    });
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
      recordTickets(hall, EVENTS_PER_SITE, new Date());
      halls.push(hall);
    }
    const started = performance.now();
    const rss = await peakRssMb(region.child.pid!, Promise.all(halls.map((hall) => hall.pushAll(1, BATCH))));
    const ingestS = (performance.now() - started) / 1000;

    await createSite(pool, { id: 'bench-offline', name: '离线一天的站点', level: 'town' }, 'bench');
    const offline = new StandInHall(region.url);
    await offline.enrol(await createEnrolmentCode(pool, 'bench-offline', 'bench'));
    recordTickets(offline, 3_000 * TICKET_EVENTS.length, new Date(Date.now() - 24 * 3600_000));
    const catchupStarted = performance.now();
    await offline.pushAll(1, BATCH);
    const catchupS = (performance.now() - catchupStarted) / 1000;

    const held = await pool.query<{ n: string }>('SELECT count(*) AS n FROM site_events');
    if (Number(held.rows[0]!.n) !== SITES * EVENTS_PER_SITE + 3_000 * TICKET_EVENTS.length) throw new Error(`held ${held.rows[0]!.n} events`);
    console.log(JSON.stringify({
      'region.ingest_events_per_s': Math.round((SITES * EVENTS_PER_SITE) / ingestS),
      'region.catchup_s': Number(catchupS.toFixed(2)),
      'region.rss_mb': Number(rss.toFixed(1)),
    }));
  } finally {
    await region.stop();
    await pool.end();
    postgres.destroy();
  }
}

void main();
