// Ratings benchmark. Prints one JSON line:
//   rating.submit_p99_ms   pad submit → durable acknowledgement (committed before the answer), 60 pads rating at once,
//                          40 rounds through the HTTP API of a real hall-server in a child process, after 10 warm-up
//                          rounds (a hall serves all day; its first seconds of JIT compilation are not its steady state).
//                          Each pad has its own keep-alive connection and sends a request serialised before its clock
//                          starts (raw-http.ts), so the figure is the hall's latency, not this process's http client's
//   rating.submit_floor_p99_ms  the same bursts, in the same rounds right after the hall's, sent to a bare Node HTTP
//                          server that only parses and answers (bare-http-server.ts): what this machine takes for 60
//                          commands at once with no work at all, to read the hall's figure against
//   rating.submit_cpu_us   the hall's CPU time (user + system) per rating over the measured rounds: a burst's p99 is about
//                          60 times this, and unlike latency it barely moves when another process shares the machine
//   rating.outbox_drain_s  60 pads × 50 ratings queued in the pads' outboxes (the pad's own outbox loop) while the
//                          hall-server is stopped: time from the server being back to every outbox empty; none lost or doubled
//   stats.query_ms         the console's month view (GET /api/ratings/stats, by window) over 1,000,000 stored ratings, median of 15
// The hall measured is the production bundle `npm start` runs, under plain `node` with the same V8 flags, serving a
// signed 60-window copy of the sample pack (as in the hall benchmark).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { SubmitRatingRequest } from '../../protocol/hall/ratings.ts';
import { MemoryOutboxStore, OutboxLoop } from '../../kiosk-app/pad/outbox-core.ts';
import { type BenchHall, startBenchHall, stopBenchHall } from './bench-hall.ts';
import { jsonRequest, percentile } from './bench-http.ts';
import { BENCH_WINDOWS, benchPack, benchStaffId, writeBenchPack } from './hall-fixture.ts';
import { RawConnection } from './raw-http.ts';
import { startBareServer, stopBareServer } from './bare-http-server.ts';
import { testIdentity } from '../support/citizens.ts';

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

const call = (base: string, method: string, path: string, body?: unknown, token?: string) => jsonRequest(agent, base, method, path, body, token);

// RATING_BENCH_CPU_PROF=<dir> writes a V8 CPU profile of each hall-server child there (to see where submit time goes),
// and prints each round's submit window (monotonic µs) on stderr to cut the profile to the submit path.
const profile = process.env['RATING_BENCH_CPU_PROF'] ? ['--cpu-prof', '--cpu-prof-dir', process.env['RATING_BENCH_CPU_PROF']] : [];

let benchPackDir: string | null = null;

/** The production hall on a given data dir and port (so it can be stopped and started again). */
function startServer(dataDir: string, port: number): Promise<BenchHall> {
  benchPackDir ??= writeBenchPack(mkdtempSync(join(tmpdir(), 'rating-bench-pack-')));
  return startBenchHall(dataDir, port, benchPackDir, profile);
}

const SERVICE = '212036001003';
const WARMUP_ROUNDS = 10;
const MEASURED_ROUNDS = 40;
let keySeq = 0;

/** One finished ticket at every window; returns the ticket ids by window. */
async function finishRound(url: string, kiosk: string, counters: string[]): Promise<string[]> {
  await Promise.all(counters.map(() => call(url, 'POST', '/api/tickets', { idempotencyKey: `bench-${process.pid}-${keySeq++}`, serviceCode: SERVICE, identity: testIdentity() }, kiosk)));
  return Promise.all(
    counters.map(async (token, i) => {
      const called = await call(url, 'POST', `/api/windows/${i + 1}/call-next`, {}, token);
      if (!called.body?.ticket) throw new Error(`call-next failed: ${JSON.stringify(called.body)}`);
      const done = await call(url, 'POST', `/api/windows/${i + 1}/finish`, {}, token);
      if (done.status !== 200) throw new Error(`finish failed: ${JSON.stringify(done.body)}`);
      return called.body.ticket.id as string;
    }),
  );
}

function ratingRequest(id: string, ticketId: string, n: number): SubmitRatingRequest {
  const score = [5, 5, 4, 5, 3, 5, 4, 5, 5, 2][n % 10]!;
  return {
    id, ticketId, score, reasons: score <= 2 ? ['等候时间过长'] : [], comment: '', phone: '', consent: false, source: 'touch',
    ratedAt: new Date().toISOString(),
  };
}

/** CPU seconds (user + system) a process has used so far, from /proc (clock ticks of 10 ms). */
function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Sends one burst (a request per connection, all at once) and adds each one's latency to `into`. */
async function burst(connections: RawConnection[], requests: Buffer[], into: number[] | null, expectStatus: number): Promise<void> {
  await Promise.all(
    requests.map(async (request, i) => {
      const started = performance.now();
      const res = await connections[i]!.send(request);
      into?.push(performance.now() - started);
      if (res.status !== expectStatus) throw new Error(`answered ${res.status}, expected ${expectStatus}: ${res.body}`);
    }),
  );
}

async function submitAndDrain(): Promise<{ p99: number; floorP99: number; drain: number; cpuUs: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rating-bench-'));
  let server = await startServer(dataDir, 0);
  const url = server.url;
  const pair = async (role: string, window?: number) =>
    (await call(url, 'POST', '/api/pairing/demo', window ? { role, window } : { role })).body.token as string;
  const kiosk = await pair('kiosk');
  const counters: string[] = [];
  const pads: string[] = [];
  for (let w = 1; w <= BENCH_WINDOWS; w++) {
    counters.push(await pair('counter', w));
    pads.push(await pair('pad', w));
    await call(url, 'POST', `/api/windows/${w}/sign-in`, { staffId: benchStaffId(w) }, counters[w - 1]);
  }

  // 60 pads at once: warm-up rounds, then the measured rounds.
  const connections = await Promise.all(pads.map(() => RawConnection.open(url)));
  const bare = await startBareServer();
  const bareConnections = await Promise.all(pads.map(() => RawConnection.open(bare.url)));
  const latencies: number[] = [];
  const floorLatencies: number[] = [];
  let submitCpuS = 0;
  for (let round = 0; round < WARMUP_ROUNDS + MEASURED_ROUNDS; round++) {
    const tickets = await finishRound(url, kiosk, counters);
    const cpuBefore = cpuSecondsOf(server.child.pid!);
    const requests = tickets.map((ticketId, i) =>
      connections[i]!.postJson(`/api/windows/${i + 1}/ratings`, ratingRequest(`b${round}w${i + 1}x${process.pid}`, ticketId, round + i), pads[i]!),
    );
    const windowStart = process.hrtime.bigint();
    await burst(connections, requests, round >= WARMUP_ROUNDS ? latencies : null, 201);
    if (round >= WARMUP_ROUNDS) submitCpuS += cpuSecondsOf(server.child.pid!) - cpuBefore;
    await burst(bareConnections, requests, round >= WARMUP_ROUNDS ? floorLatencies : null, 201);
    // The monotonic window of this round's submits, to cut the hall child's CPU profile to the submit path.
    if (profile.length && round >= WARMUP_ROUNDS) {
      console.error(JSON.stringify({ submitWindowUs: [Number(windowStart / 1000n), Number(process.hrtime.bigint() / 1000n)] }));
    }
  }
  for (const c of [...connections, ...bareConnections]) c.close();
  await stopBareServer(bare);

  // 60 pads × 50 queued while the server is down.
  const queued: string[][] = [];
  for (let round = 0; round < 50; round++) {
    const tickets = await finishRound(url, kiosk, counters);
    tickets.forEach((t, i) => (queued[i] ??= []).push(t));
  }
  await stopBenchHall(server);
  const stores = pads.map(() => new MemoryOutboxStore());
  const loops = pads.map(
    (token, i) =>
      new OutboxLoop(stores[i]!, async (item) => {
        try {
          const res = await call(url, 'POST', `/api/windows/${item.window}/ratings`, item.request, token);
          return { status: res.status, code: res.body?.error?.code ?? 'ok', message: res.body?.error?.message ?? '' };
        } catch {
          return { status: 0, code: 'unreachable', message: 'hall-server unreachable' };
        }
      }),
  );
  await Promise.all(
    loops.map(async (loop, i) => {
      for (const [n, ticketId] of (queued[i] ?? []).entries()) await loop.add(i + 1, ratingRequest(`q${n}w${i + 1}x${process.pid}`, ticketId, n));
    }),
  );
  await Promise.all(loops.map((l) => l.drain()));
  server = await startServer(dataDir, server.port);
  const started = performance.now();
  for (const loop of loops) loop.kick();
  while (stores.some((s) => s.items.size > 0)) await new Promise((r) => setTimeout(r, 5));
  const drain = (performance.now() - started) / 1000;
  for (const loop of loops) loop.close();
  await stopBenchHall(server);

  const db = new Database(join(dataDir, 'hall.sqlite'), { readonly: true });
  const counts = db.prepare('SELECT count(*) AS n, count(DISTINCT ticket_id) AS tickets FROM ratings').get() as { n: number; tickets: number };
  db.close();
  rmSync(dataDir, { recursive: true, force: true });
  const expected = (WARMUP_ROUNDS + MEASURED_ROUNDS) * BENCH_WINDOWS + 50 * BENCH_WINDOWS;
  const refused = stores.reduce((n, s) => n + s.refused.length, 0);
  if (counts.n !== expected || counts.tickets !== expected || refused > 0) {
    throw new Error(`ratings lost or doubled: ${counts.n} stored for ${counts.tickets} tickets, expected ${expected}, refused ${refused}`);
  }
  return { p99: percentile(latencies, 99), floorP99: percentile(floorLatencies, 99), drain, cpuUs: (submitCpuS * 1e6) / (MEASURED_ROUNDS * BENCH_WINDOWS) };
}

/** Seeds 1,000,000 ratings (with their prompts, the per-day aggregate and 差评 cases) over November 2026 and times the month view. */
async function statsQuery(): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rating-stats-bench-'));
  let server = await startServer(dataDir, 0);
  await stopBenchHall(server);
  const db = new Database(join(dataDir, 'hall.sqlite'));
  db.pragma('journal_mode = WAL');
  const TOTAL = 1_000_000;
  const prompt = db.prepare(`INSERT INTO rating_prompts (ticket_id, window, ticket_number, service_code, service_name, staff_id, case_number,
    finished_at, day, expires_at, outcome, outcome_at) VALUES (?, ?, ?, ?, '居民参保登记', ?, ?, ?, ?, ?, 'rated', ?)`);
  const rating = db.prepare(`INSERT INTO ratings (id, ticket_id, window, staff_id, staff_name, service_code, service_name, ticket_number,
    case_number, score, bad, reasons, comment, source, pad_id, finished_at, rated_at, stored_at, day, counted)
    VALUES (?, ?, ?, ?, NULL, ?, '居民参保登记', ?, ?, ?, ?, '[]', '', 'touch', 'bench', ?, ?, ?, ?, 1)`);
  const kase = db.prepare(`INSERT INTO rating_cases (id, rating_id, state, opened_on, due_on, closed_on, day) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const services = benchPack().services.map((s) => s.code).slice(0, 20);
  const seed = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const day = `2026-11-${String((i % 30) + 1).padStart(2, '0')}`;
      const window = (i % BENCH_WINDOWS) + 1;
      const staff = benchStaffId(window);
      const service = services[i % services.length]!;
      const score = [5, 5, 4, 5, 3, 5, 4, 5, 5, 2, 5, 4, 5, 5, 1, 5, 5, 4, 5, 5][i % 20]!;
      const at = `${day}T02:00:00.000Z`;
      const id = `r${i}`;
      prompt.run(`t${i}`, window, `A${i % 1000}`, service, staff, `c${i}`, at, day, at, at);
      rating.run(id, `t${i}`, window, staff, service, `A${i % 1000}`, `c${i}`, score, score <= 2 ? 1 : 0, at, at, at, day);
      if (score <= 2) kase.run(`C${i}`, id, i % 3 === 0 ? '已反馈办结' : '待回访', day, '2026-12-20', i % 3 === 0 ? day : null, day);
    }
  });
  for (let from = 0; from < TOTAL; from += 50_000) seed(from, from + 50_000);
  // The per-day aggregate the module keeps up to date on every rating and case step, built here in one pass.
  db.exec(`INSERT INTO rating_daily (day, window, staff_id, service_code, finished, rated, unrated, bad, score_sum, cases, closed, closed_on_time)
    SELECT r.day, r.window, coalesce(r.staff_id, ''), r.service_code, count(*), count(*), 0, sum(r.bad), sum(r.score), count(c.id),
      coalesce(sum(c.state = '已反馈办结'), 0), coalesce(sum(c.state = '已反馈办结' AND c.closed_on <= c.due_on), 0)
    FROM ratings r LEFT JOIN rating_cases c ON c.rating_id = r.id GROUP BY 1, 2, 3, 4`);
  db.close();

  server = await startServer(dataDir, 0);
  const token = (await call(server.url, 'POST', '/api/admin/setup', { setupCode: readFileSync(join(dataDir, 'setup-code.txt'), 'utf8').trim(), name: '测评负责人', staffNo: 'B001', password: 'bench-admin-password' })).body.token as string;
  const times: number[] = [];
  for (let i = 0; i < 16; i++) {
    const started = performance.now();
    const res = await call(server.url, 'GET', '/api/ratings/stats?from=2026-11-01&to=2026-11-30&group=window', undefined, token);
    const elapsed = performance.now() - started;
    if (res.status !== 200 || res.body.total.rated !== TOTAL) throw new Error(`stats failed: ${JSON.stringify(res.body).slice(0, 300)}`);
    if (i > 0) times.push(elapsed); // the first query warms SQLite's page cache
  }
  await stopBenchHall(server);
  rmSync(dataDir, { recursive: true, force: true });
  return percentile(times, 50);
}

async function main(): Promise<void> {
  process.once('exit', () => benchPackDir && rmSync(benchPackDir, { recursive: true, force: true }));
  const { p99, floorP99, drain, cpuUs } = await submitAndDrain();
  const submit = {
    'rating.submit_p99_ms': Math.round(p99 * 10) / 10,
    'rating.submit_floor_p99_ms': Math.round(floorP99 * 10) / 10,
    'rating.submit_cpu_us': Math.round(cpuUs),
  };
  if (process.argv.includes('--submit-only')) {
    // For profiling the submit path (e.g. with --cpu-prof on the hall child): skips the 1,000,000-rating stats seed.
    console.log(JSON.stringify({ ...submit, 'rating.outbox_drain_s': Math.round(drain * 100) / 100 }));
    process.exit(0);
  }
  const stats = await statsQuery();
  console.log(
    JSON.stringify({
      ...submit,
      'rating.outbox_drain_s': Math.round(drain * 100) / 100,
      'stats.query_ms': Math.round(stats * 10) / 10,
    }),
  );
  process.exit(0);
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
