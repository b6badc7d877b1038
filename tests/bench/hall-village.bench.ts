// The 村居点 (village point) profile: one window and a pad, no kiosk, the hall-server on a small box. Prints one JSON line:
//   hall.village_rss_idle_mb   resident memory of the hall-server right after start with the village point's pack
//   hall.village_rss_mb        after a village point's day: 30 tickets issued, called, finished and rated at window 1
//   hall.rss_with_link_mb      the same hall enrolled at a region (real PostgreSQL 15, the region-server in its own
//                              process) after the day's log has been pushed
// The pack is the region's build for the sample profile content/sites/village-point.json (seed 001's 村居 item list,
// content/catalogue/levels.json), signed with the demo key so the demo hall takes it with --pack.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { DEMO_PRIVATE_KEY_FILE } from '../../content/keys/demo.ts';
import { sealPack } from '../../content/validate/manifest-build.ts';
import { siteProfileSchema } from '../../protocol/region/catalogue.ts';
import { buildSitePack } from '../../region-server/catalogue/build.ts';
import { loadDemoRegionContent } from '../../region-server/catalogue/demo.ts';
import { migrate } from '../../region-server/db/migrate.ts';
import { createEnrolmentCode, createSite } from '../../region-server/sites/enrol.ts';
import { testIdentity } from '../support/citizens.ts';
import { ROOT } from '../support/hall.ts';
import { startThrowawayPostgres } from '../support/postgres.ts';
import { spawnRegion } from '../support/region-process.ts';
import { startBenchHall, stopBenchHall, type BenchHall } from './bench-hall.ts';
import { jsonRequest } from './bench-http.ts';

const TICKETS_A_DAY = 30;
const agent = new Agent({ keepAlive: true });

function writeVillagePack(dir: string): string[] {
  const profile = siteProfileSchema.parse(JSON.parse(readFileSync(join(ROOT, 'content/sites/village-point.json'), 'utf8')));
  const demo = loadDemoRegionContent();
  const files = buildSitePack({ catalogue: demo.catalogue, profile, region: demo.region, photos: demo.photos, version: 1, created: new Date().toISOString() });
  for (const [path, bytes] of sealPack(files, readFileSync(join(ROOT, DEMO_PRIVATE_KEY_FILE), 'utf8'))) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
  return JSON.parse(new TextDecoder().decode(files.get('services.json'))).map((s: { code: string }) => s.code) as string[];
}

const rssMb = (hall: BenchHall): number => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${hall.child.pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;

/** A village point's day through the hall's API: each ticket issued, called, finished and rated at window 1. */
async function villageDay(hall: BenchHall, services: string[]): Promise<void> {
  const post = async (path: string, body: unknown, token: string) => {
    const answer = await jsonRequest(agent, hall.url, 'POST', path, body, token);
    if (answer.status >= 300) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const pair = async (role: string, window?: number) => (await post('/api/pairing/demo', window ? { role, window } : { role }, '')).token as string;
  // No kiosk at a village point: the staff issue tickets for walk-ins; the API call is the same as a kiosk's.
  const issuer = await pair('kiosk');
  const counter = await pair('counter', 1);
  const pad = await pair('pad', 1);
  const staffId = '20101';
  await post('/api/windows/1/sign-in', { staffId }, counter);
  for (let i = 0; i < TICKETS_A_DAY; i++) {
    await post('/api/tickets', { idempotencyKey: `village-${i}`, serviceCode: services[i % services.length], identity: testIdentity() }, issuer);
    const called = await post('/api/windows/1/call-next', {}, counter);
    await post('/api/windows/1/finish', {}, counter);
    await post('/api/windows/1/ratings', {
      id: `village-rating-${i}`, ticketId: called.ticket.id, score: i % 10 === 0 ? 3 : 5, reasons: [], comment: '', phone: '', consent: false,
      source: 'touch', ratedAt: new Date().toISOString(),
    }, pad);
  }
}

async function main(): Promise<void> {
  const packDir = mkdtempSync(join(tmpdir(), 'village-pack-'));
  const services = writeVillagePack(packDir);
  const alone = await startBenchHall(mkdtempSync(join(tmpdir(), 'village-hall-')), 0, packDir);
  const idle = rssMb(alone);
  await villageDay(alone, services);
  const afterDay = rssMb(alone);
  await stopBenchHall(alone);

  const postgres = await startThrowawayPostgres({ durable: true });
  const url = postgres.createDatabase('village_bench');
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  await migrate(pool);
  const region = await spawnRegion(url);
  try {
    await createSite(pool, { id: 'dongcun', name: '东村医保服务点', level: 'village' }, 'bench');
    const code = await createEnrolmentCode(pool, 'dongcun', 'bench');
    const linked = await startBenchHall(mkdtempSync(join(tmpdir(), 'village-hall-')), 0, packDir, [], ['--region-url', region.url, '--region-enrol-code', code]);
    await villageDay(linked, services);
    // Wait on the region holding the hall's whole log (state, not time): its held_through reaches the hall's head.
    for (;;) {
      const health = await jsonRequest(agent, linked.url, 'GET', '/api/health', undefined);
      const link = (health.body as { region?: { heldThrough: number; headSeq: number } }).region;
      if (link && link.headSeq > 0 && link.heldThrough === link.headSeq) break;
      await new Promise((ok) => setTimeout(ok, 200));
    }
    const withLink = rssMb(linked);
    await stopBenchHall(linked);
    console.log(JSON.stringify({
      'hall.village_rss_idle_mb': Number(idle.toFixed(1)),
      'hall.village_rss_mb': Number(afterDay.toFixed(1)),
      'hall.rss_with_link_mb': Number(withLink.toFixed(1)),
    }));
  } finally {
    await region.stop();
    await pool.end();
    postgres.destroy();
  }
}

void main();
