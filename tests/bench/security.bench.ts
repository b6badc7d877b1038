// Security benchmark: does guessing at the console login slow the hall down for citizens? Prints one JSON line:
//   security.issue_p95_idle_ms               ticket-issue p95 (one kiosk, a ticket every 50 ms for 10 s), nobody logging in
//   security.issue_p95_under_login_flood_ms  the same while 20 wrong console logins a second arrive, guessing the
//                                            manager's password from 200 addresses in turn (so the per-address delays
//                                            barely apply; the account's own count and the hasher's rate cap do) — the
//                                            goal is within 2× of idle
//   security.login_flood_attempts_per_s      login attempts answered (401, 429 or 503) per second during the flood
//   security.login_flood_hashed              of those, how many were checked against the password (401)
// The hall is the production bundle (bench-hall.ts), serving the 60-window bench pack.
import { readFileSync, mkdtempSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBenchHall, stopBenchHall } from './bench-hall.ts';
import { jsonRequest, percentile } from './bench-http.ts';
import { writeBenchPack } from './hall-fixture.ts';
import { testIdentity } from '../support/citizens.ts';

const agent = new Agent({ keepAlive: true, maxSockets: 8 });
const ISSUE_EVERY_MS = 50;
const PHASE_MS = 10_000;
const LOGINS_PER_S = 20;

function loginFrom(address: string, base: string, staffNo: string): Promise<number> {
  const payload = JSON.stringify({ staffNo, password: 'not-the-right-password' });
  return new Promise((ok, fail) => {
    const req = request(base + '/api/admin/login', {
      method: 'POST', agent: false, localAddress: address,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
    }, (res) => {
      res.resume();
      res.on('end', () => ok(res.statusCode ?? 0));
    });
    req.on('error', fail);
    req.end(payload);
  });
}

async function issueFor(base: string, kiosk: string, service: string, label: string, during?: () => void): Promise<number[]> {
  const times: number[] = [];
  const inFlight: Promise<void>[] = [];
  const end = performance.now() + PHASE_MS;
  let n = 0;
  while (performance.now() < end) {
    during?.();
    const t0 = performance.now();
    inFlight.push(jsonRequest(agent, base, 'POST', '/api/tickets', { idempotencyKey: `sec-${label}-${n++}`, serviceCode: service, identity: testIdentity() }, kiosk).then((res) => {
      if (res.status !== 201) throw new Error(`ticket refused: ${JSON.stringify(res.body)}`);
      times.push(performance.now() - t0);
    }));
    await new Promise((r) => setTimeout(r, ISSUE_EVERY_MS));
  }
  await Promise.all(inFlight);
  return times;
}

async function main(): Promise<void> {
  const packDir = writeBenchPack(mkdtempSync(join(tmpdir(), 'security-bench-pack-')));
  const dataDir = mkdtempSync(join(tmpdir(), 'security-bench-'));
  const hall = await startBenchHall(dataDir, 0, packDir);
  const { url } = hall;
  const setupCode = readFileSync(join(dataDir, 'setup-code.txt'), 'utf8').trim();
  const setup = await jsonRequest(agent, url, 'POST', '/api/admin/setup', { setupCode, name: '测评负责人', staffNo: 'B001', password: 'bench-owner-passphrase' });
  if (setup.status !== 200) throw new Error(`setup failed: ${JSON.stringify(setup.body)}`);
  const kiosk = (await jsonRequest(agent, url, 'POST', '/api/pairing/demo', { role: 'kiosk' })).body.token as string;
  const services: string[] = JSON.parse(readFileSync(new URL('../../content/packs/sample/services.json', import.meta.url), 'utf8')).map((s: { code: string }) => s.code);
  const service = services[0]!;

  await issueFor(url, kiosk, service, 'warm');
  const idle = await issueFor(url, kiosk, service, 'idle');

  let attempts = 0;
  let answered = 0;
  let hashed = 0;
  const logins: Promise<void>[] = [];
  const floodStart = performance.now();
  const flood = () => {
    const due = Math.floor(((performance.now() - floodStart) / 1000) * LOGINS_PER_S);
    while (attempts < due) {
      const n = attempts++;
      logins.push(loginFrom(`127.0.0.${2 + (n % 200)}`, url, 'B001').then((status) => {
        if (status === 401 || status === 429 || status === 503) answered++;
        if (status === 401) hashed++;
      }));
    }
  };
  const timer = setInterval(flood, 10);
  const flooded = await issueFor(url, kiosk, service, 'flood', flood);
  clearInterval(timer);
  const floodSeconds = (performance.now() - floodStart) / 1000;
  await Promise.all(logins);
  await stopBenchHall(hall);

  const round = (x: number) => Math.round(x * 10) / 10;
  console.error(`[security.bench] ${idle.length} idle and ${flooded.length} flooded issues; ${attempts} login attempts in ${floodSeconds.toFixed(1)} s`);
  console.log(JSON.stringify({
    'security.issue_p95_idle_ms': round(percentile(idle, 95)),
    'security.issue_p95_under_login_flood_ms': round(percentile(flooded, 95)),
    'security.login_flood_attempts_per_s': round(answered / floodSeconds),
    'security.login_flood_hashed': hashed,
  }));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
