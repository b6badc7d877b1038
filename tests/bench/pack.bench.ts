// Pack benchmarks. Run: npx tsx tests/bench/pack.bench.ts — prints one JSON line as its last stdout line.
//   pack.validate_ms  validate a pack folder with 200 items and 50 MB of media (generated in a temp dir), median of 3
//   pack.activate_ms  from the upload request to all 20 connected terminal sockets having `pack.activated` with the new
//                     version (upload, validation, staging, verification, activation, fan-out), median of 3
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEMO_PUBLIC_KEY } from '../../content/keys/demo.ts';
import { sampleFiles, sealed, toZip } from '../../content/corpus/broken.ts';
import type { Service } from '../../content/schema/index.ts';
import { validatePackSource } from '../../content/validate/index.ts';
import { PackEndpoints } from '../../protocol/hall/packs.ts';
import { endpointPath } from '../../protocol/hall/endpoint.ts';
import { startTestHall } from '../support/hall.ts';

const enc = new TextEncoder();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function bigPackDir(): string {
  const files = sampleFiles();
  const base = JSON.parse(new TextDecoder().decode(files.get('services.json'))) as Service[];
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const services: Service[] = [];
  for (let i = 0; i < 200; i++) {
    const from = base[i % base.length]!;
    services.push({
      ...structuredClone(from),
      code: `2120369${String(i).padStart(5, '0')}`,
      name: `${from.name}（${i + 1}）`,
      ticket: { ...from.ticket, prefix: letters[Math.floor(i / letters.length)]! + letters[i % letters.length]! },
    });
  }
  files.set('services.json', enc.encode(JSON.stringify(services, null, 2)));
  const windows = JSON.parse(new TextDecoder().decode(files.get('windows.json'))) as Array<{ services: string[]; generalCounter: boolean }>;
  // The 综合柜员 window serves every item; the others the first five.
  for (const w of windows) w.services = (w.generalCounter ? services : services.slice(0, 5)).map((s) => s.code);
  files.set('windows.json', enc.encode(JSON.stringify(windows, null, 2)));
  for (let i = 0; i < 10; i++) files.set(`media/clip-${i}.mp4`, randomBytes(5 * 1024 * 1024));
  const dir = mkdtempSync(join(tmpdir(), 'pack-bench-'));
  for (const [name, bytes] of sealed(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), bytes);
  }
  return dir;
}

async function validateMs(): Promise<number> {
  const dir = bigPackDir();
  try {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const r = validatePackSource(dir, { trustedKeys: [DEMO_PUBLIC_KEY], now: new Date('2026-11-23T02:00:00Z') });
      times.push(performance.now() - t0);
      if (!r.report.ok || r.report.summary?.services !== 200) throw new Error(`bench pack invalid: ${JSON.stringify(r.report.errors.slice(0, 3))}`);
    }
    return median(times);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function activateMs(): Promise<number> {
  const hall = await startTestHall();
  try {
    const admin = await hall.admin();
    const sockets = await Promise.all(Array.from({ length: 20 }, async () => hall.socket(await hall.pair('board'))));
    await Promise.all(sockets.map((s) => s.waitFor((m) => m.type === 'snapshot')));
    const times: number[] = [];
    for (let version = 2; version <= 4; version++) {
      const zip = toZip(sealed(sampleFiles(), { version }));
      const t0 = performance.now();
      const res = await fetch(hall.url + PackEndpoints.upload.path, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/zip' },
        body: zip as Uint8Array<ArrayBuffer>,
      });
      const { slot } = (await res.json()) as { slot: { slot: string } };
      const activated = hall.api('POST', endpointPath(PackEndpoints.activate.path, { slot: slot.slot }), undefined, admin);
      await Promise.all(sockets.map((s) => s.waitFor((m) => m.type === 'event' && m.event.type === 'pack.activated' && m.event.data.version === version, 10_000)));
      times.push(performance.now() - t0);
      if ((await activated).status !== 200) throw new Error('activation failed');
    }
    return median(times);
  } finally {
    await hall.close();
  }
}

const validate = await validateMs();
const activate = await activateMs();
console.log(JSON.stringify({ 'pack.validate_ms': Math.round(validate), 'pack.activate_ms': Math.round(activate) }));
