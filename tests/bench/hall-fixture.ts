// The hall used by the hall benchmark: the sample pack with 60 windows (every item), 60 staff and caps high enough
// for a load test. The hall and rating benchmarks run it in the production hall-server bundle (see writeBenchPack).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEMO_PRIVATE_KEY_FILE } from '../../content/keys/demo.ts';
import type { Pack } from '../../content/schema/index.ts';
import { readPackFolder } from '../../content/validate/folder.ts';
import { sealPack } from '../../content/validate/manifest-build.ts';
import { loadStartupPack } from '../../hall-server/core/startup-pack.ts';
import { ROOT, SAMPLE_PACK } from '../support/hall.ts';

export const BENCH_WINDOWS = 60;
export const benchStaffId = (window: number) => `B${String(window).padStart(3, '0')}`;

export function benchPack(sample: Pack = loadStartupPack(SAMPLE_PACK)): Pack {
  const codes = sample.services.map((s) => s.code);
  return {
    ...sample,
    services: sample.services.map((s) => ({ ...s, ticket: { ...s.ticket, range: { from: 1, to: 9999 }, dailyCap: 1_000_000 } })),
    windows: Array.from({ length: BENCH_WINDOWS }, (_, i) => ({
      number: i + 1, name: `${i + 1}号窗口`, services: codes, tidal: false, generalCounter: true,
    })),
    staff: Array.from({ length: BENCH_WINDOWS }, (_, i) => ({
      id: benchStaffId(i + 1), name: `人员${i + 1}`, photo: sample.staff[i % sample.staff.length]!.photo, partyMember: false, stars: 5,
    })),
  };
}

/** Writes the bench pack as a signed pack folder (demo key, like the sample pack), so the benchmark can start the very
 * hall-server bundle `npm start` runs, with `--pack`. */
export function writeBenchPack(dir: string): string {
  const { files, issues } = readPackFolder(SAMPLE_PACK);
  if (issues.length) throw new Error(`sample pack unreadable: ${issues.map((i) => i.problem).join('; ')}`);
  const key = readFileSync(join(ROOT, DEMO_PRIVATE_KEY_FILE), 'utf8');
  const write = (pack: Map<string, Uint8Array>) => {
    for (const [path, bytes] of sealPack(pack, key)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), bytes);
    }
  };
  // Sealed afresh first, so a sample pack being edited (files newer than its signature) still makes a bench pack.
  write(files);
  const pack = benchPack(loadStartupPack(dir));
  const json = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
  // A pack file's cap must fit its number range (9,999 a service is still far above the 5,000 issues of the run).
  files.set('services.json', json(pack.services.map((s) => ({ ...s, ticket: { ...s.ticket, dailyCap: 9999 } }))));
  files.set('windows.json', json(pack.windows));
  files.set('staff.json', json(pack.staff));
  write(files);
  loadStartupPack(dir);
  return dir;
}
