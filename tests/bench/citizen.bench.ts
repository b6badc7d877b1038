// Figures of the citizen's phone (issue #16):
// - citizen.page_gzip_kb: the progress page as a phone loads it (HTML, script, CSS), gzip -9, in KB (≤ 15);
// - citizen.call_to_phone_p99_ms: a call at a hall window until each of 1,000 progress streams open at the region on
//   that hall's tickets of the called item has it, through hall → region push → ingest → fan-out (≤ 1,000);
// - citizen.watchers_rss_mb: the region process's resident memory with 10,000 progress streams open
//   (citizen.watchers_base_rss_mb: the same process before the streams).
// A real hall in this process, the region in its own process on a throwaway PostgreSQL 15 (fsync on).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get, type ClientRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { progressPath } from '../../protocol/citizen/progress.ts';
import { tokenOfProgressUrl } from '../../protocol/rules/citizen-token.ts';
import { migrate } from '../../region-server/db/migrate.ts';
import { createEnrolmentCode, createSite } from '../../region-server/sites/enrol.ts';
import { buildCitizenPages } from '../../scripts/citizen-pages.ts';
import { testIdentity } from '../support/citizens.ts';
import { startTestHall } from '../support/hall.ts';
import { startThrowawayPostgres } from '../support/postgres.ts';
import { spawnRegion } from '../support/region-process.ts';

const TICKETS = 800;
/** Items window 1 serves, taken in turn (each has its daily cap); the call's item is the first. */
const ITEMS = ['212036001003', '212036003002', '212036002003', '212036008001'];
const CALL_WATCHERS = 1_000;
const RSS_WATCHERS = 10_000;
const OPEN_AT_ONCE = 250;

function rssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
}

async function pageGzipKb(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'citizen-pages-'));
  try {
    await buildCitizenPages(dir);
    const bytes = ['progress.html', 'progress.js', 'citizen.css']
      .map((f) => gzipSync(readFileSync(join(dir, 'citizen', f)), { level: 9 }).length)
      .reduce((a, b) => a + b, 0);
    return bytes / 1024;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Stream {
  req: ClientRequest;
  /** Arrival time (performance.now) of each message. */
  arrivals: number[];
}

function openStream(base: string, token: string, onMessage: () => void): Promise<Stream> {
  return new Promise((ok, fail) => {
    const stream: Stream = { req: null as unknown as ClientRequest, arrivals: [] };
    stream.req = get(`${base}${progressPath(token)}/stream`, { agent: false }, (res) => {
      if (res.statusCode !== 200) return fail(new Error(`stream refused: ${res.statusCode}`));
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        const messages = chunk.split('\n').filter((line) => line.startsWith('data: ')).length;
        for (let i = 0; i < messages; i++) {
          stream.arrivals.push(performance.now());
          onMessage();
        }
      });
      ok(stream);
    });
    stream.req.on('error', fail);
  });
}

/** Opens streams in rounds (the region's pool is small) and resolves once each has its first message. */
async function openStreams(base: string, tokens: string[], onMessage: () => void): Promise<Stream[]> {
  const streams: Stream[] = [];
  for (let i = 0; i < tokens.length; i += OPEN_AT_ONCE) {
    streams.push(...(await Promise.all(tokens.slice(i, i + OPEN_AT_ONCE).map((t) => openStream(base, t, onMessage)))));
  }
  while (streams.some((s) => s.arrivals.length === 0)) await new Promise((ok) => setImmediate(ok));
  return streams;
}

function p99(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)]!;
}

async function main(): Promise<void> {
  const pageKb = await pageGzipKb();
  const postgres = await startThrowawayPostgres({ durable: true });
  const url = postgres.createDatabase('citizen_bench');
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  await migrate(pool);
  const region = await spawnRegion(url);
  const hall = await startTestHall({ config: { citizen: { publicUrl: region.url } } });
  try {
    await createSite(pool, { id: 'bench-hall', name: '基准大厅', level: 'town' }, 'bench');
    const admin = await hall.admin();
    const enrolled = await hall.api('POST', '/api/admin/region/enrol', { url: region.url, code: await createEnrolmentCode(pool, 'bench-hall', 'bench') }, admin);
    if (enrolled.status !== 200) throw new Error(`enrol failed: ${JSON.stringify(enrolled.body)}`);
    const kiosk = await hall.pair('kiosk');
    const counter = await hall.pair('counter', 1);
    if ((await hall.api('POST', '/api/windows/1/sign-in', { staffId: '20101' }, counter)).status !== 200) throw new Error('sign-in failed');
    const tokens: string[] = [];
    for (let i = 0; i < TICKETS; i++) {
      const serviceCode = ITEMS[i % ITEMS.length]!;
      const res = await hall.api('POST', '/api/tickets', { idempotencyKey: `citizen-bench-${i}`, serviceCode, identity: testIdentity() }, kiosk);
      const token = res.status === 201 ? tokenOfProgressUrl(res.body.progressUrl) : null;
      if (!token) throw new Error(`issue ${i} of ${serviceCode} failed: ${JSON.stringify(res.body)}`);
      tokens.push(token);
    }
    // Every ticket's link is at the region before the phones open their pages.
    for (;;) {
      const held = await pool.query<{ n: string }>('SELECT count(*) AS n FROM citizen_links');
      if (Number(held.rows[0]!.n) === TICKETS) break;
      await new Promise((ok) => setTimeout(ok, 100));
    }

    // The phones watch the first item's tickets (several pages per ticket, as a family does): the call of its first
    // ticket changes every one of them (called, or one fewer ahead).
    const firstItem = tokens.filter((_, i) => i % ITEMS.length === 0);
    const watched = Array.from({ length: CALL_WATCHERS }, (_, i) => firstItem[i % firstItem.length]!);
    const streams = await openStreams(region.url, watched, () => undefined);
    const calledAt = performance.now();
    if ((await hall.api('POST', '/api/windows/1/call-next', {}, counter)).status !== 200) throw new Error('call failed');
    while (streams.some((s) => s.arrivals.length < 2)) await new Promise((ok) => setTimeout(ok, 5));
    const callP99 = p99(streams.map((s) => s.arrivals[1]! - calledAt));
    for (const s of streams) s.req.destroy();

    const baseRss = rssMb(region.child.pid!);
    const many = await openStreams(region.url, Array.from({ length: RSS_WATCHERS }, (_, i) => tokens[i % TICKETS]!), () => undefined);
    const watchersRss = rssMb(region.child.pid!);
    for (const s of many) s.req.destroy();

    console.log(JSON.stringify({
      'citizen.page_gzip_kb': Number(pageKb.toFixed(2)),
      'citizen.call_to_phone_p99_ms': Math.round(callP99),
      'citizen.watchers_rss_mb': Number(watchersRss.toFixed(1)),
      'citizen.watchers_base_rss_mb': Number(baseRss.toFixed(1)),
    }));
  } finally {
    await hall.close(true);
    await region.stop();
    await pool.end();
    postgres.destroy();
  }
}

void main();
