// The region server as its own process (as a supervisor runs it), for fault tests and benchmarks: started on a
// database URL, ready when it logs that it listens; `kill` sends any signal, SIGKILL included.
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const MAIN = resolve(import.meta.dirname, '../../region-server/main.ts');

export interface RegionProcess {
  child: ChildProcess;
  url: string;
  port: number;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

// REGION_CPU_PROF=<dir> writes a V8 CPU profile of each region process there (to see where ingest time goes).
const PROFILE = process.env['REGION_CPU_PROF'] ? ['--cpu-prof', '--cpu-prof-dir', process.env['REGION_CPU_PROF']] : [];

/** `args`: more flags, e.g. `--keys-file`. */
export async function spawnRegion(databaseUrl: string, port = 0, args: string[] = []): Promise<RegionProcess> {
  const child = spawn(process.execPath, [...PROFILE, '--import', 'tsx', MAIN, '--database-url', databaseUrl, '--port', String(port), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.once('exit', () => child.kill('SIGKILL'));
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  const listening = await new Promise<number>((ok, fail) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as { level?: string; message?: string; port?: number };
      if (entry.message === 'listening' && entry.port) ok(entry.port);
      // A failed request is otherwise invisible to the test or bench that caused it.
      if (entry.level === 'error') process.stderr.write(`region: ${line}\n`);
    });
    void exited.then((code) => fail(new Error(`region exited ${code} before listening`)));
  });
  return {
    child,
    port: listening,
    url: `http://127.0.0.1:${listening}`,
    exited,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
