// The hall used by the hall benchmark: the sample pack with 60 windows (every item), 60 staff and caps high enough
// for a load test, served by a real hall-server in a child process (`--serve`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pack } from '../../content/schema/index.ts';
import { parseHallConfig } from '../../hall-server/config/load.ts';
import { startHall } from '../../hall-server/core/hall.ts';
import { loadStartupPack } from '../../hall-server/core/startup-pack.ts';
import { hallModules } from '../../hall-server/modules.ts';
import { SAMPLE_PACK } from '../support/hall.ts';

export const BENCH_WINDOWS = 60;
export const benchStaffId = (window: number) => `B${String(window).padStart(3, '0')}`;

export function benchPack(): Pack {
  const sample = loadStartupPack(SAMPLE_PACK);
  const codes = sample.services.map((s) => s.code);
  return {
    ...sample,
    services: sample.services.map((s) => ({ ...s, ticket: { ...s.ticket, range: { from: 1, to: 9999 }, dailyCap: 1_000_000 } })),
    windows: Array.from({ length: BENCH_WINDOWS }, (_, i) => ({
      number: i + 1, name: `${i + 1}号窗口`, services: codes, tidal: false, generalCounter: true,
    })),
    staff: Array.from({ length: BENCH_WINDOWS }, (_, i) => ({
      id: benchStaffId(i + 1), name: `人员${i + 1}`, photo: 'staff/none.png', partyMember: false, stars: 5,
    })),
  };
}

export async function serveBenchHall(): Promise<void> {
  const config = parseHallConfig({ demo: true, queue: { enforceIssuingHours: false } });
  const dataDir = mkdtempSync(join(tmpdir(), 'hall-bench-'));
  const hall = await startHall({
    dataDir,
    config,
    port: 0,
    // Without the packs module (it would activate the sample pack from its store): the bench pack is the hall's pack.
    modules: hallModules(config).filter((m) => m.name !== 'packs'),
    fallbackPack: benchPack(),
    startupPack: null,
  });
  console.log(JSON.stringify({ ready: true, url: hall.url, dataDir: hall.app.dataDir }));
  const stop = () =>
    void hall.close().then(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
  process.on('SIGTERM', stop);
  // The bench process holds our stdin: when it goes away (even killed), so do we.
  process.stdin.on('end', stop);
  process.stdin.resume();
}
