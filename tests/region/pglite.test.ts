// The embedded default (PGlite behind pglite-socket, through the same `pg` driver): every migration applies, and a
// hall's push is stored exactly once, in order, with refusals and fencing as on a PostgreSQL server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../../region-server/db/migrate.ts';
import { openEmbeddedDatabase, type EmbeddedDatabase } from '../../region-server/db/pglite.ts';
import { createEnrolmentCode, createSite } from '../../region-server/sites/enrol.ts';
import { serveRegion, StandInHall, type TestRegion } from '../support/region.ts';

let dataDir: string;
let database: EmbeddedDatabase;
let region: TestRegion;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'region-pglite-'));
  database = await openEmbeddedDatabase(join(dataDir, 'db'));
  await migrate(database.pool);
  region = await serveRegion(database.pool);
});
afterAll(async () => {
  await region.close().catch(() => undefined);
  await database.close().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
});

async function enrolledHall(id: string): Promise<StandInHall> {
  await createSite(region.pool, { id, name: `${id}医保服务点`, level: 'village' }, 'test');
  const hall = new StandInHall(region.url);
  expect((await hall.enrol(await createEnrolmentCode(region.pool, id, 'test'))).status).toBe(200);
  return hall;
}

describe('the region on embedded PGlite', () => {
  it('applies every migration of region-server/db/migrations, and a second run applies nothing', async () => {
    const applied = await region.pool.query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id');
    expect(applied.rows.map((r) => r.id)).toEqual(readMigrations().map((m) => m.id));
    expect(await migrate(region.pool)).toEqual([]);
  });

  it('stores a push exactly once and in order across overlapping resends', async () => {
    const hall = await enrolledHall('pglite-once');
    hall.record(250);
    expect((await hall.push(1, 100)).body).toEqual({ heldThrough: 100, stored: 100 });
    expect((await hall.push(51, 100)).body).toEqual({ heldThrough: 150, stored: 50 });
    expect((await hall.push(151, 100)).body).toEqual({ heldThrough: 250, stored: 100 });
    const seqs = await region.pool.query<{ seq: string }>('SELECT seq FROM site_events WHERE site_id = $1 ORDER BY seq', [hall.siteId]);
    expect(seqs.rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
  });

  it('refuses an altered batch and fences a hall whose seq went back', async () => {
    const hall = await enrolledHall('pglite-fence');
    hall.record(40);
    const body = hall.batchBody(1, 40);
    const altered = Buffer.from(body.toString('utf8').replace('A001', 'A999'));
    expect((await hall.send(altered, hall.signature(body))).body.error.code).toBe('bad_signature');
    expect((await hall.send(body)).body).toEqual({ heldThrough: 40, stored: 40 });
    hall.log.length = 25;
    hall.record(5, 'ticket.called');
    const answer = await hall.push(26, 5);
    expect(answer.status).toBe(423);
    expect(answer.body.error.code).toBe('site_fenced');
  });

  it('serialises concurrent pushes of one site over its single connection: none twice, none lost', async () => {
    const hall = await enrolledHall('pglite-concurrent');
    hall.record(200);
    const answers = await Promise.all([hall.batchBody(1, 100), hall.batchBody(1, 150), hall.batchBody(1, 200)].map((b) => hall.send(b)));
    expect(answers.every((a) => a.status === 200 || a.body.error.code === 'batch_replayed')).toBe(true);
    const held = await region.pool.query<{ n: string; top: string }>('SELECT count(*) AS n, max(seq) AS top FROM site_events WHERE site_id = $1', [hall.siteId]);
    expect(Number(held.rows[0]!.n)).toBe(Number(held.rows[0]!.top));
  });
});
