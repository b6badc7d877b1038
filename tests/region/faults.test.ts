// The region under faults, as real processes: the region server killed with SIGKILL in the middle of an ingest, and
// PostgreSQL restarted under it. A hall keeps pushing from its acknowledged cursor; nothing is lost, nothing doubled.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../region-server/db/migrate.ts';
import { createEnrolmentCode, createSite } from '../../region-server/sites/enrol.ts';
import { freePort } from '../support/ports.ts';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/postgres.ts';
import { spawnRegion, type RegionProcess } from '../support/region-process.ts';
import { StandInHall } from '../support/region.ts';

let postgres: ThrowawayPostgres;
let databaseUrl: string;
let pool: pg.Pool;

beforeAll(async () => {
  postgres = await startThrowawayPostgres();
  databaseUrl = postgres.createDatabase('region_faults');
  pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pool.on('error', () => undefined); // connections die when PostgreSQL restarts; the next query reconnects
  await migrate(pool);
});
afterAll(async () => {
  await pool.end();
  postgres.destroy();
});

/** Pushes the hall's log as its region link does: from the acknowledged cursor, a new batch id per attempt, retrying
 * refused connections and server errors until `until` says stop. Counts the batches acknowledged. */
async function pushUntilHeld(hall: StandInHall, target: number, onAck: (heldThrough: number) => Promise<void> | void): Promise<number> {
  let cursor = 0;
  while (cursor < target) {
    try {
      const answer = await hall.push(cursor + 1, 50);
      if (answer.status === 200) {
        cursor = answer.body.heldThrough;
        await onAck(cursor);
      } else if (answer.body?.error?.heldThrough !== undefined && answer.body.error.code === 'gap') {
        cursor = answer.body.error.heldThrough;
      }
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 20)); // back-off: the region is down
    }
  }
  return cursor;
}

async function held(siteId: string): Promise<number[]> {
  const rows = await pool.query<{ seq: string }>('SELECT seq FROM site_events WHERE site_id = $1 ORDER BY seq', [siteId]);
  return rows.rows.map((r) => Number(r.seq));
}

async function enrol(siteId: string, regionUrl: string): Promise<StandInHall> {
  await createSite(pool, { id: siteId, name: siteId, level: 'town' }, 'test');
  const hall = new StandInHall(regionUrl);
  expect((await hall.enrol(await createEnrolmentCode(pool, siteId, 'test'))).status).toBe(200);
  return hall;
}

describe('region faults', () => {
  it('kill -9 of the region during ingest: every acknowledged event durable, none doubled, the rest caught up', async () => {
    const port = await freePort();
    let region: RegionProcess = await spawnRegion(databaseUrl, port);
    const hall = await enrol('kill-9', region.url);
    hall.record(2_000);
    let killed = false;
    let acknowledgedBeforeKill = 0;
    const restarted = (async () => {
      while (!killed) await new Promise((resolve) => setTimeout(resolve, 5));
      await region.exited;
      region = await spawnRegion(databaseUrl, port);
    })();
    await pushUntilHeld(hall, 2_000, async (cursor) => {
      if (!killed && cursor >= 500) {
        acknowledgedBeforeKill = cursor;
        killed = true;
        const victim = region.child;
        setTimeout(() => victim.kill('SIGKILL'), 2); // lands while the next batch is in flight
        expect((await held('kill-9')).length).toBeGreaterThanOrEqual(acknowledgedBeforeKill);
      }
    });
    await restarted;
    expect(await held('kill-9')).toEqual(Array.from({ length: 2_000 }, (_, i) => i + 1));
    await region.stop();
  });

  it('a PostgreSQL restart under the region: pushes fail while it is down, then resume exactly once', async () => {
    const region = await spawnRegion(databaseUrl);
    const hall = await enrol('pg-restart', region.url);
    hall.record(1_500);
    let restarted = false;
    const final = await pushUntilHeld(hall, 1_500, (cursor) => {
      if (!restarted && cursor >= 400) {
        restarted = true;
        postgres.stop('immediate');
        postgres.start();
      }
    });
    expect(final).toBe(1_500);
    expect(await held('pg-restart')).toEqual(Array.from({ length: 1_500 }, (_, i) => i + 1));
    const health = await fetch(`${region.url}/api/region/health`);
    expect(health.status).toBe(200);
    await region.stop();
  });
});
