// A hall's event log reaching its region: enrolment with a one-time code, then signed batches stored exactly once by
// (site, seq), in order; forged, altered, replayed or rewound pushes are refused and audited, never merged.
import { generateKeyPairSync } from 'node:crypto';
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

let siteCounter = 0;
async function enrolledHall(level: 'town' | 'village' = 'town'): Promise<StandInHall> {
  siteCounter += 1;
  const id = `site-${siteCounter}`;
  await createSite(region.pool, { id, name: `第${siteCounter}站`, level }, 'test');
  const hall = new StandInHall(region.url);
  const answer = await hall.enrol(await createEnrolmentCode(region.pool, id, 'test'));
  expect(answer.status).toBe(200);
  return hall;
}

async function siteRow(id: string): Promise<{ held_through: string; fenced_at: Date | null; fence_reason: string | null }> {
  return (await region.pool.query('SELECT held_through, fenced_at, fence_reason FROM sites WHERE id = $1', [id])).rows[0];
}

async function heldSeqs(id: string): Promise<number[]> {
  const rows = await region.pool.query<{ seq: string }>('SELECT seq FROM site_events WHERE site_id = $1 ORDER BY seq', [id]);
  return rows.rows.map((r) => Number(r.seq));
}

async function auditActions(id: string | null): Promise<string[]> {
  const rows = await region.pool.query<{ action: string; details: { code?: string } }>(
    'SELECT action, details FROM region_audit WHERE site_id IS NOT DISTINCT FROM $1 ORDER BY id',
    [id],
  );
  return rows.rows.map((r) => (r.details.code ? `${r.action}:${r.details.code}` : r.action));
}

describe('enrolment', () => {
  it('gives the hall its site id once; the same code cannot enrol a second hall', async () => {
    await createSite(region.pool, { id: 'village-once', name: '东村医保服务点', level: 'village' }, 'test');
    const code = await createEnrolmentCode(region.pool, 'village-once', 'test');
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    const hall = new StandInHall(region.url);
    const first = await hall.enrol(code, '东村卫生室');
    expect(first).toEqual({ status: 200, body: { siteId: 'village-once', siteName: '东村医保服务点', level: 'village', heldThrough: 0 } });
    const second = await new StandInHall(region.url).enrol(code);
    expect(second.status).toBe(403);
    expect(second.body.error.code).toBe('bad_enrolment_code');
    expect(await auditActions('village-once')).toEqual(['site.created', 'site.enrolment_code', 'site.enrolled']);
  });

  it('refuses a malformed code before looking it up', async () => {
    const answer = await new StandInHall(region.url).enrol('ABCD-1234-OOOO');
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toBe('注册码格式不对');
  });
});

describe('pushing the event log', () => {
  it('stores every event exactly once and in order, across resends that overlap', async () => {
    const hall = await enrolledHall();
    hall.record(250);
    expect((await hall.push(1, 100)).body).toEqual({ heldThrough: 100, stored: 100 });
    // The answer to the next batch was lost: the hall resends from its persisted cursor, overlapping what is held.
    expect((await hall.push(51, 100)).body).toEqual({ heldThrough: 150, stored: 50 });
    expect((await hall.push(151, 100)).body).toEqual({ heldThrough: 250, stored: 100 });
    expect(await heldSeqs(hall.siteId)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
  });

  it('refuses a gap and answers where to resume, storing nothing of it', async () => {
    const hall = await enrolledHall();
    hall.record(30);
    await hall.push(1, 10);
    const gap = await hall.push(21, 10);
    expect(gap.status).toBe(409);
    expect(gap.body.error).toMatchObject({ code: 'gap', heldThrough: 10 });
    expect((await hall.push(11, 20)).body).toEqual({ heldThrough: 30, stored: 20 });
  });

  it('refuses a replayed batch and audits it; the site goes on unharmed', async () => {
    const hall = await enrolledHall();
    hall.record(20);
    const body = hall.batchBody(1, 10);
    expect((await hall.send(body)).status).toBe(200);
    const replay = await hall.send(body);
    expect(replay.status).toBe(409);
    expect(replay.body.error.code).toBe('batch_replayed');
    expect((await hall.push(11, 10)).body).toEqual({ heldThrough: 20, stored: 10 });
    expect(await auditActions(hall.siteId)).toContain('sync.refused:batch_replayed');
  });

  it('refuses a batch signed by an unknown key or altered after signing, and audits both', async () => {
    const hall = await enrolledHall();
    hall.record(10);
    const body = hall.batchBody(1, 10);
    const stranger = generateKeyPairSync('ed25519').privateKey;
    const forged = await hall.send(body, hall.signature(body, stranger));
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe('bad_signature');
    const signature = hall.signature(body);
    const altered = Buffer.from(body.toString('utf8').replace('A001', 'A999'));
    expect((await hall.send(altered, signature)).body.error.code).toBe('bad_signature');
    expect((await hall.send(body, 'not base64!')).body.error.code).toBe('bad_signature');
    expect(await heldSeqs(hall.siteId)).toEqual([]);
    expect((await hall.push(1, 10)).body).toEqual({ heldThrough: 10, stored: 10 });
    expect((await auditActions(hall.siteId)).filter((a) => a === 'sync.refused:bad_signature')).toHaveLength(3);
  });

  it('refuses a batch for a site that does not exist', async () => {
    const hall = new StandInHall(region.url);
    hall.siteId = 'nowhere';
    hall.record(1);
    const answer = await hall.push(1, 1);
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe('unknown_site');
  });

  it('fences a hall restored from an older backup (its seq went back) and merges nothing after', async () => {
    const hall = await enrolledHall();
    hall.record(40);
    await hall.push(1, 40);
    hall.log.length = 25; // the restored backup
    hall.record(5, 'ticket.called');
    const answer = await hall.push(26, 5);
    expect(answer.status).toBe(423);
    expect(answer.body.error.code).toBe('site_fenced');
    const row = await siteRow(hall.siteId);
    expect(row.fenced_at).not.toBeNull();
    expect(row.fence_reason).toMatch(/below the 40 the region holds/);
    hall.record(20, 'ticket.called');
    expect((await hall.push(41, 10)).body.error.code).toBe('site_fenced');
    expect(await heldSeqs(hall.siteId)).toHaveLength(40);
    expect(await auditActions(hall.siteId)).toContain('sync.fenced');
  });

  it('fences a hall whose resent history differs from what the region holds', async () => {
    const hall = await enrolledHall();
    hall.record(10);
    await hall.push(1, 10);
    hall.log[4] = { ...hall.log[4]!, type: 'ticket.cancelled' };
    const answer = await hall.push(1, 10);
    expect(answer.body.error.code).toBe('site_fenced');
    expect((await siteRow(hall.siteId)).fence_reason).toBe('event 5 differs from the one the region holds');
  });

  it('orders by (site, seq) whatever the hall clock says, and records the skew', async () => {
    const hall = await enrolledHall();
    const tenMinutesAhead = new Date(Date.now() + 10 * 60_000);
    hall.record(3, 'ticket.issued', tenMinutesAhead);
    const body = hall.batchBody(1, 3, { sentAt: tenMinutesAhead.toISOString() });
    expect((await hall.send(body)).status).toBe(200);
    const skew = await region.pool.query<{ clock_skew_ms: number }>('SELECT clock_skew_ms FROM sites WHERE id = $1', [hall.siteId]);
    expect(skew.rows[0]!.clock_skew_ms).toBeGreaterThan(9 * 60_000);
    expect(skew.rows[0]!.clock_skew_ms).toBeLessThan(11 * 60_000);
  });

  it('serialises concurrent pushes of one site: no event twice, none lost', async () => {
    const hall = await enrolledHall();
    hall.record(200);
    const bodies = [hall.batchBody(1, 100), hall.batchBody(1, 150), hall.batchBody(1, 200)];
    const answers = await Promise.all(bodies.map((b) => hall.send(b)));
    expect(answers.every((a) => a.status === 200 || a.body.error.code === 'batch_replayed')).toBe(true);
    const held = await heldSeqs(hall.siteId);
    expect(new Set(held).size).toBe(held.length);
    expect(held).toEqual(Array.from({ length: held.length }, (_, i) => i + 1));
  });
});
