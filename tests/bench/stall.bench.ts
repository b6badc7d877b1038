// Stall benchmark. Prints one JSON line:
//   hall.stall_max_ms  the longest gap between two answers of a probe asking the hall every millisecond (from its own
//                      thread), during a mixed minute: tickets (5/s), calls with a rating after each (5/s), an admin
//                      login every 5 s, one resume of a board from 7 days of events (at 10 s), one year-long audit
//                      query over 1,000,000 entries (at 20 s) and one 40 MB pack upload (at 40 s), with 20 terminal
//                      sockets connected. Goal ≤ 50 ms.
//   hall.stall_machine_max_ms  the latest a 1 ms timer fired in a separate, nearly idle process during the same minute
//                      (machine-lag.ts): how long the machine itself held a runnable process up, to read hall.stall_max_ms by
//   hall.stall_p99_ms  99th percentile of the probe's gaps (its round trip when nothing stalls)
//   hall.rss_after_mixed_mb  the hall's resident memory at the end of that minute (pack worker and checkpoint thread up)
//   hall.stall_failed_requests  requests of the minute that did not get their expected answer (0 for a valid run)
// The hall is the production bundle with its V8 flags (bench-hall.ts) and the 60-window bench pack. Its database is
// filled beforehand (hall stopped) with 7 days of events and a year of audit entries. STALL_BENCH_SECONDS shortens
// the minute for a quick look. Which load was running when the longest gap ended goes to stderr.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { sampleFiles, sealed, toZip } from '../../content/corpus/broken.ts';
import { PackEndpoints } from '../../protocol/hall/packs.ts';
import { startBenchHall, stopBenchHall } from './bench-hall.ts';
import { testIdentity } from '../support/citizens.ts';
import { jsonRequest } from './bench-http.ts';
import { benchStaffId, writeBenchPack } from './hall-fixture.ts';
import { startProbe } from './stall-probe.ts';
import { startMachineLag } from './machine-lag.ts';

const SECONDS = Number(process.env['STALL_BENCH_SECONDS'] ?? 60);
const WINDOWS = 10;
const DAY_MS = 86_400_000;
const EVENT_DAYS = 7;
const EVENTS_PER_DAY = 6_000;
const AUDIT_ROWS = 1_000_000;
const ADMIN_STAFF_NO = 'B001';
const ADMIN_PASSWORD = 'stall-bench-passphrase';

const agent = new Agent({ keepAlive: true, maxSockets: 64 });
const call = (base: string, method: string, path: string, body?: unknown, token?: string) => jsonRequest(agent, base, method, path, body, token);

/** 7 days of a busy hall's events and a year of audit entries, written straight into the stopped hall's database. */
function fillHistory(dataDir: string): { firstSeq: number } {
  const db = new Database(join(dataDir, 'hall.sqlite'));
  const nowMs = Date.now();
  const insertEvent = db.prepare('INSERT INTO events (type, at, data, window, roles) VALUES (?, ?, ?, ?, ?)');
  const ticket = JSON.stringify({
    ticket: { id: 'x'.repeat(36), number: 'A001', serviceCode: '212036900001', serviceName: '异地就医备案', status: 'waiting', priority: 'normal',
      maskedName: '张*三', issuedAt: new Date().toISOString(), calledAt: null, startedAt: null, finishedAt: null, window: null, targetWindow: null,
      callCount: 0, print: 'printed', staffId: null, caseNumber: null },
    action: 'print',
  });
  const services = JSON.stringify({ services: Array.from({ length: 12 }, (_, i) => ({ code: `2120369000${i}`, name: '异地就医备案', waiting: i, prefix: 'A' })) });
  let firstSeq = 0;
  db.transaction(() => {
    const total = EVENT_DAYS * EVENTS_PER_DAY;
    for (let i = 0; i < total; i++) {
      const at = new Date(nowMs - EVENT_DAYS * DAY_MS + Math.floor((i * EVENT_DAYS * DAY_MS) / total)).toISOString();
      const kind = i % 4;
      const info = kind === 0
        ? insertEvent.run('ticket.issued', at, ticket, null, null)
        : kind === 1
          ? insertEvent.run('queue.changed', at, services, null, '["kiosk","board","counter","admin"]')
          : kind === 2
            ? insertEvent.run('ticket.called', at, ticket, (i % WINDOWS) + 1, '["pad","counter","board"]')
            : insertEvent.run('ticket.updated', at, ticket, null, null);
      if (i === 0) firstSeq = Number(info.lastInsertRowid);
    }
  })();
  const insertAudit = db.prepare("INSERT INTO audit (at, actor_id, actor_role, action, details) VALUES (?, 'bench', 'counter', ?, '{\"window\":1}')");
  db.transaction(() => {
    for (let i = 0; i < AUDIT_ROWS; i++) {
      const at = new Date(nowMs - 365 * DAY_MS + Math.floor((i * 365 * DAY_MS) / AUDIT_ROWS)).toISOString();
      insertAudit.run(at, i % 50 === 0 ? 'admin.login' : 'window.call-next');
    }
  })();
  db.close();
  return { firstSeq };
}

/** An MP4 file's first box (ftyp, as the pack validator's magic-byte check reads it) followed by `size` random bytes. */
function mp4Sized(size: number): Uint8Array {
  const bytes = new Uint8Array(randomBytes(size));
  bytes.set([0, 0, 0, 24, ...Buffer.from('ftypisom'), 0, 0, 2, 0, ...Buffer.from('isomiso2')], 0);
  return bytes;
}

/** A sealed sample pack (next version) carrying 40 MB of media, zipped. */
function fortyMegabytePack(): Uint8Array {
  const files = sampleFiles();
  for (let i = 0; i < 8; i++) files.set(`media/clip-${i}.mp4`, mp4Sized(5 * 1024 * 1024));
  return toZip(sealed(files, { version: 2 }));
}

interface Span {
  name: string;
  start: number;
  end: number;
}

async function main(): Promise<void> {
  const packDir = writeBenchPack(mkdtempSync(join(tmpdir(), 'stall-bench-pack-')));
  const dataDir = mkdtempSync(join(tmpdir(), 'stall-bench-'));
  await stopBenchHall(await startBenchHall(dataDir, 0, packDir));
  const filled = performance.now();
  const { firstSeq } = fillHistory(dataDir);
  console.error(`[stall.bench] history written in ${((performance.now() - filled) / 1000).toFixed(1)} s`);
  const zip = fortyMegabytePack();
  const hall = await startBenchHall(dataDir, 0, packDir);
  const { url } = hall;

  const pair = async (role: string, window?: number) => (await call(url, 'POST', '/api/pairing/demo', window ? { role, window } : { role })).body.token as string;
  const setupCode = readFileSync(join(dataDir, 'setup-code.txt'), 'utf8').trim();
  const setup = await call(url, 'POST', '/api/admin/setup', { setupCode, name: '测评负责人', staffNo: ADMIN_STAFF_NO, password: ADMIN_PASSWORD });
  if (setup.status !== 200) throw new Error(`setup failed: ${JSON.stringify(setup.body)}`);
  const admin = setup.body.token as string;
  const kiosk = await pair('kiosk');
  const services = (await call(url, 'GET', '/api/queue', undefined, kiosk)).body.windows[0].services as string[];
  const counters: string[] = [];
  const pads: string[] = [];
  for (let w = 1; w <= WINDOWS; w++) {
    counters.push(await pair('counter', w));
    pads.push(await pair('pad', w));
    await call(url, 'POST', `/api/windows/${w}/sign-in`, { staffId: benchStaffId(w) }, counters[w - 1]);
  }
  const sockets: WebSocket[] = [];
  const open = (token: string, lastSeq?: number) =>
    new Promise<{ ws: WebSocket; first: Promise<string> }>((ok, fail) => {
      const ws = new WebSocket(url.replace('http', 'ws') + '/api/events');
      sockets.push(ws);
      const first = new Promise<string>((got) => ws.once('message', (data) => got((JSON.parse(String(data)) as { type: string }).type)));
      ws.once('open', () => {
        ws.send(JSON.stringify({ type: 'hello', token, ...(lastSeq === undefined ? {} : { lastSeq }) }));
        ok({ ws, first });
      });
      ws.once('error', fail);
    });
  for (const token of [...pads, ...counters]) await (await open(token)).first;

  const spans: Span[] = [];
  const timed = async (name: string, fn: () => Promise<unknown>) => {
    const span = { name, start: performance.timeOrigin + performance.now(), end: Number.POSITIVE_INFINITY };
    spans.push(span);
    try {
      await fn();
    } finally {
      span.end = performance.timeOrigin + performance.now();
    }
  };
  const failures: string[] = [];
  const expectStatus = (what: string, status: number, wanted: number) => {
    if (status !== wanted && failures.length < 20) failures.push(`${what}: ${status}`);
  };

  const machineLag = await startMachineLag();
  const probe = startProbe(url);
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  let key = 0;
  let round = 0;
  /** The ticket each window called last (rated once it is finished). */
  const serving: Array<string | undefined> = Array.from({ length: WINDOWS }, () => undefined);
  const running: Array<Promise<unknown>> = [];
  const every = (ms: number, fn: () => Promise<unknown>) =>
    new Promise<void>((done) => {
      const timer = setInterval(() => {
        if (elapsed() >= SECONDS) {
          clearInterval(timer);
          done();
          return;
        }
        running.push(fn().catch((err: unknown) => failures.push(String(err))));
      }, ms);
    });
  const at = (seconds: number, name: string, fn: () => Promise<unknown>) =>
    new Promise<void>((done) => setTimeout(() => void timed(name, fn).catch((err: unknown) => failures.push(`${name}: ${String(err)}`)).finally(done), (seconds * 1000 * SECONDS) / 60));

  await Promise.all([
    every(200, async () => {
      const res = await call(url, 'POST', '/api/tickets', { idempotencyKey: `stall-issue-${key++}`, serviceCode: services[key % services.length], identity: testIdentity() }, kiosk);
      expectStatus('ticket', res.status, 201);
    }),
    every(200, async () => {
      const n = round++;
      const w = (n % WINDOWS) + 1;
      const token = counters[w - 1]!;
      const finished = await call(url, 'POST', `/api/windows/${w}/finish`, {}, token);
      const ticketId = serving[w - 1];
      serving[w - 1] = undefined;
      if (finished.status === 200 && ticketId) {
        const rating = await call(url, 'POST', `/api/windows/${w}/ratings`, {
          id: `stall-rating-${n}-${process.pid}`, ticketId, score: 5, reasons: [], comment: '', phone: '', consent: false, source: 'touch', ratedAt: new Date().toISOString(),
        }, pads[w - 1]);
        expectStatus(`rating ${JSON.stringify(rating.body?.error?.code)}`, rating.status, 201);
      }
      serving[w - 1] = (await call(url, 'POST', `/api/windows/${w}/call-next`, {}, token)).body?.ticket?.id as string | undefined;
    }),
    every(5000, () => timed('login', async () => expectStatus('login', (await call(url, 'POST', '/api/admin/login', { staffNo: ADMIN_STAFF_NO, password: ADMIN_PASSWORD })).status, 200))),
    at(10, 'resume from 7 days of events', async () => {
      const { first } = await open(await pair('board'), firstSeq - 1);
      console.error(`[stall.bench] the resuming board got a ${await first} first`);
    }),
    at(40, '40 MB pack upload', async () => {
      const res = await fetch(url + PackEndpoints.upload.path, {
        method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/zip' }, body: zip as Uint8Array<ArrayBuffer>,
      });
      await res.arrayBuffer();
      console.error(`[stall.bench] pack upload answered ${res.status}`);
    }),
    at(20, 'year-long audit query', async () => {
      const to = new Date().toISOString().slice(0, 10);
      const from = new Date(Date.now() - 364 * DAY_MS).toISOString().slice(0, 10);
      const res = await call(url, 'GET', `/api/admin/audit?from=${from}&to=${to}&limit=200`, undefined, admin);
      expectStatus('audit', res.status, 200);
      console.error(`[stall.bench] audit query: ${res.body?.total} entries`);
    }),
  ]);
  await Promise.all(running);
  const result = await probe.stop();
  const machineLateMs = await machineLag.stop();
  const overlaps = (s: Span, end: number, length: number) => s.start <= end && s.end >= end - length;
  const during = spans.filter((s) => overlaps(s, result.maxGapEndEpochMs, result.maxGapMs)).map((s) => s.name);
  console.error(`[stall.bench] ${result.answers} probe answers; longest gap ${result.maxGapMs.toFixed(1)} ms, during: ${during.join(', ') || 'tickets, calls and ratings only'}`);
  for (const s of spans.filter((x) => x.name !== 'login')) {
    const gap = Math.max(0, ...result.long.filter(([end, length]) => overlaps(s, end, length)).map(([, length]) => length));
    console.error(`[stall.bench] ${s.name}: ${(s.end - s.start).toFixed(0)} ms, longest gap meanwhile ${gap.toFixed(1)} ms`);
  }
  const outside = result.long.filter(([end, length]) => !spans.some((s) => overlaps(s, end, length)));
  console.error(`[stall.bench] longest gap outside those: ${Math.max(0, ...outside.map(([, l]) => l)).toFixed(1)} ms (${outside.length} gaps over 20 ms)`);
  if (failures.length) console.error(`[stall.bench] failures: ${failures.join('; ')}`);
  // With the pack worker (started by the upload) and the checkpoint thread alive, after a minute of every kind of work.
  const rssMb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${hall.child.pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
  for (const s of sockets) s.terminate();
  await stopBenchHall(hall);
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(packDir, { recursive: true, force: true });
  console.log(JSON.stringify({
    'hall.stall_max_ms': Number(result.maxGapMs.toFixed(1)),
    'hall.stall_machine_max_ms': machineLateMs,
    'hall.stall_p99_ms': Number(result.p99GapMs.toFixed(2)),
    'hall.rss_after_mixed_mb': Number(rssMb.toFixed(1)),
    // A figure from a minute in which requests failed is not the hall's: say so next to it.
    'hall.stall_failed_requests': failures.length,
  }));
  process.exit(0);
}

void main();
