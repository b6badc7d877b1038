// Hall benchmark. Prints one JSON line:
//   hall.fsync_per_s          single write+fsync per second on the data dir's disk (the physical reference)
//   hall.issue_per_s          durable ticket issues per second through the HTTP API (5,000 tickets — a very busy hall's
//                             day — from 32 concurrent clients)
//   hall.call_to_board_p99_ms from a window's call-next request to all 10 board sockets having the call, with 60 pads,
//                             10 boards and 8 kiosks connected and 50 calls/s for 10 s
//   hall.rss_mb               resident memory of the hall-server after the run (hall.rss_idle_mb: right after start)
//   hall.cpu_s                CPU seconds the hall-server used for the whole run (compares builds and V8 flags)
// The hall measured is the production bundle `npm start` runs, with its V8 flags (bench-hall.ts), serving a signed
// 60-window copy of the sample pack.
import { closeSync, fsyncSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { startBenchHall, stopBenchHall } from './bench-hall.ts';
import { type JsonAnswer, jsonRequest, percentile } from './bench-http.ts';
import { BENCH_WINDOWS, benchStaffId, writeBenchPack } from './hall-fixture.ts';
import { testIdentity } from '../support/citizens.ts';

const agent = new Agent({ keepAlive: true, maxSockets: 128 });

/** POST with one retry when a kept-alive connection was reset (every command here is safe to repeat). */
async function post(base: string, path: string, body: unknown, token?: string): Promise<JsonAnswer> {
  try {
    return await jsonRequest(agent, base, 'POST', path, body, token);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ECONNRESET') throw err;
    return jsonRequest(agent, base, 'POST', path, body, token);
  }
}

function fsyncPerSecond(): number {
  const dir = mkdtempSync(join(tmpdir(), 'fsync-'));
  const fd = openSync(join(dir, 'probe'), 'w');
  const start = performance.now();
  let n = 0;
  while (performance.now() - start < 1000) {
    writeSync(fd, 'x');
    fsyncSync(fd);
    n++;
  }
  closeSync(fd);
  const seconds = (performance.now() - start) / 1000;
  rmSync(dir, { recursive: true, force: true });
  return n / seconds;
}

async function openSocket(url: string, token: string, onMessage?: (msg: any) => void): Promise<WebSocket> { // any: parsed server message
  const ws = new WebSocket(url.replace('http', 'ws') + '/api/events');
  await new Promise<void>((ok, fail) => {
    ws.once('open', () => ok());
    ws.once('error', fail);
  });
  const ready = new Promise<void>((ok) => {
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data));
      if (msg.type === 'snapshot') ok();
      else onMessage?.(msg);
    });
  });
  ws.send(JSON.stringify({ type: 'hello', token }));
  await ready;
  return ws;
}

async function main(): Promise<void> {
  const fsync = fsyncPerSecond();
  const packDir = writeBenchPack(mkdtempSync(join(tmpdir(), 'hall-bench-pack-')));
  const dataDir = mkdtempSync(join(tmpdir(), 'hall-bench-'));
  const hall = await startBenchHall(dataDir, 0, packDir);
  const { child, url } = hall;
  const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
  const idleRssMb = rssMb();
  // utime + stime in clock ticks (100 a second on Linux): the hall's own CPU work, less disturbed by a busy machine than latency.
  const cpuSeconds = () => {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  };
  const pair = async (role: string, window?: number) => (await post(url, '/api/pairing/demo', window ? { role, window } : { role })).body.token as string;
  const kiosk = await pair('kiosk');
  const services: string[] = JSON.parse(readFileSync(new URL('../../content/packs/sample/services.json', import.meta.url), 'utf8')).map((s: { code: string }) => s.code);

  // Throughput of durable issues.
  let issued = 0;
  let refused = 0;
  let key = 0;
  const total = 5000;
  const started = performance.now();
  await Promise.all(Array.from({ length: 32 }, async () => {
    while (key < total) {
      const res = await post(url, '/api/tickets', { idempotencyKey: `bench-issue-${key++}`, serviceCode: services[key % services.length], identity: testIdentity() }, kiosk);
      if (res.status === 201) issued++;
      else refused++;
    }
  }));
  const issuePerS = issued / ((performance.now() - started) / 1000);
  console.error(`[hall.bench] issued ${issued} in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  if (refused) console.error(`[hall.bench] ${refused} issue requests refused`);

  // Call-to-board latency with the hall's terminals connected.
  const counters = await Promise.all(Array.from({ length: BENCH_WINDOWS }, (_, i) => pair('counter', i + 1)));
  await Promise.all(counters.map((t, i) => post(url, `/api/windows/${i + 1}/sign-in`, { staffId: benchStaffId(i + 1) }, t)));
  console.error('[hall.bench] windows signed in; connecting 78 sockets');
  const pending = new Map<number, { t0: number; boards: Set<number> }>();
  const latencies: number[] = [];
  const sockets: WebSocket[] = [];
  for (let b = 0; b < 10; b++) {
    sockets.push(await openSocket(url, await pair('board'), (msg) => {
      if (msg.type !== 'event' || msg.event.type !== 'ticket.called') return;
      const p = pending.get(msg.event.data.window);
      if (!p) return;
      p.boards.add(b);
      if (p.boards.size === 10) {
        latencies.push(performance.now() - p.t0);
        pending.delete(msg.event.data.window);
      }
    }));
  }
  for (let w = 1; w <= BENCH_WINDOWS; w++) sockets.push(await openSocket(url, await pair('pad', w)));
  for (let k = 0; k < 8; k++) sockets.push(await openSocket(url, await pair('kiosk')));
  console.error('[hall.bench] sockets connected; calling');
  const callsPerS = 50;
  const seconds = 10;
  let calls = 0;
  let window = 0;
  const inFlight: Promise<void>[] = [];
  await new Promise<void>((done) => {
    const timer = setInterval(() => {
      if (calls >= callsPerS * seconds) {
        clearInterval(timer);
        setTimeout(done, 1000);
        return;
      }
      calls++;
      const w = (window++ % BENCH_WINDOWS) + 1;
      const token = counters[w - 1]!;
      const n = calls;
      inFlight.push((async () => {
        await post(url, `/api/windows/${w}/finish`, { idempotencyKey: `bench-finish-${n}` }, token);
        pending.set(w, { t0: performance.now(), boards: new Set() });
        await post(url, `/api/windows/${w}/call-next`, { idempotencyKey: `bench-call-${n}` }, token);
      })());
    }, 1000 / callsPerS);
  });
  // On a busy machine some calls are still on their way a second after the last one left; the hall stops after them.
  await Promise.all(inFlight);
  const runRssMb = rssMb();
  const runCpuS = cpuSeconds();
  for (const s of sockets) s.terminate();
  await stopBenchHall(hall);
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(packDir, { recursive: true, force: true });
  if (latencies.length < calls * 0.99) console.error(`[hall.bench] only ${latencies.length} of ${calls} calls reached every board`);
  console.log(JSON.stringify({
    'hall.fsync_per_s': Math.round(fsync),
    'hall.issue_per_s': Math.round(issuePerS),
    'hall.call_to_board_p99_ms': Number(percentile(latencies, 99).toFixed(2)),
    'hall.call_to_board_p50_ms': Number(percentile(latencies, 50).toFixed(2)),
    'hall.rss_mb': Number(runRssMb.toFixed(1)),
    'hall.rss_idle_mb': Number(idleRssMb.toFixed(1)),
    'hall.cpu_s': Number(runCpuS.toFixed(2)),
  }));
  process.exit(0);
}

void main();
