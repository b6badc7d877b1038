// The production hall the benchmarks measure: the bundle `npm start` runs (scripts/build-servers.ts), under plain
// `node` with the same V8 flags and allocator settings (HALL_NODE_FLAGS="..." in the environment compares other
// flags; a MALLOC_* variable set in the environment wins over the hall's own), serving the signed 60-window bench
// pack. Stopped with SIGTERM, as a supervisor would.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { buildServersIfStale, HALL_NODE_FLAGS as START_FLAGS, HALL_PROCESS_ENV } from '../../scripts/build-servers.ts';

export const BENCH_HALL_NODE_FLAGS: readonly string[] =
  process.env['HALL_NODE_FLAGS'] === undefined ? START_FLAGS : process.env['HALL_NODE_FLAGS'].split(' ').filter(Boolean);

export interface BenchHall {
  child: ChildProcess;
  url: string;
  port: number;
}

let bundle: string | null = null;

/** Starts the hall on `dataDir` and `port` (0: any free port); `extraNodeFlags` e.g. for a CPU profile, `hallArgs` more hall flags. */
export async function startBenchHall(dataDir: string, port: number, packDir: string, extraNodeFlags: string[] = [], hallArgs: string[] = []): Promise<BenchHall> {
  bundle ??= (await buildServersIfStale(undefined, (line) => console.error(line))).hall;
  const child = spawn(
    process.execPath,
    [...extraNodeFlags, ...BENCH_HALL_NODE_FLAGS, bundle, '--data-dir', dataDir, '--port', String(port), '--pack', packDir, '--demo', ...hallArgs],
    { env: { ...HALL_PROCESS_ENV, ...process.env }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  process.once('exit', () => child.kill('SIGKILL'));
  const ready = await new Promise<{ url: string; port: number }>((ok, fail) => {
    createInterface({ input: child.stdout! }).on('line', (l) => l.startsWith('{"ready"') && ok(JSON.parse(l)));
    child.once('exit', (c) => fail(new Error(`bench hall exited ${c}`)));
  });
  return { child, ...ready };
}

export async function stopBenchHall(hall: BenchHall): Promise<void> {
  const exited = new Promise<void>((ok) => hall.child.once('exit', () => ok()));
  hall.child.kill('SIGTERM');
  await exited;
}
