// `npm run bench -- --out FILE`: runs every tests/bench/*.bench.ts in its own process, one after another (the machine
// is small), takes the JSON object on the last stdout line of each, and writes all metrics merged into FILE.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = resolve(import.meta.dirname, '..');
const BENCH_DIR = join(ROOT, 'tests/bench');

export function parseMetrics(stdout: string): Record<string, number> {
  const last = stdout.trim().split('\n').pop() ?? '';
  const parsed: unknown = JSON.parse(last);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('last line is not a JSON object');
  for (const [k, v] of Object.entries(parsed)) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`metric ${k} is not a finite number`);
  }
  return parsed as Record<string, number>;
}

function run(file: string, timeoutMs: number): Promise<{ code: number | null; stdout: string }> {
  return new Promise((ok) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      ok({ code, stdout });
    });
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, only: { type: 'string' }, 'timeout-s': { type: 'string', default: '300' }, help: { type: 'boolean' } },
  });
  if (values.help || !values.out) {
    console.log('npm run bench -- --out FILE [--only NAME] [--timeout-s 300]\n  runs tests/bench/*.bench.ts and writes the merged metrics as JSON');
    process.exit(values.help ? 0 : 2);
  }
  const files = readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith('.bench.ts') && (!values.only || f.startsWith(values.only)))
    .sort();
  const metrics: Record<string, number> = {};
  const failed: string[] = [];
  for (const f of files) {
    console.error(`[bench] ${f}`);
    const started = Date.now();
    const res = await run(join(BENCH_DIR, f), Number(values['timeout-s']) * 1000);
    try {
      if (res.code !== 0) throw new Error(`exit code ${res.code}`);
      const m = parseMetrics(res.stdout);
      Object.assign(metrics, m);
      console.error(`[bench] ${f} done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(m)}`);
    } catch (err) {
      failed.push(f);
      console.error(`[bench] ${f} FAILED: ${(err as Error).message}`);
    }
  }
  const out = resolve(values.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(metrics, null, 2) + '\n');
  console.error(`[bench] wrote ${Object.keys(metrics).length} metrics to ${out}${failed.length ? `; failed: ${failed.join(', ')}` : ''}`);
  process.exit(failed.length ? 1 : 0);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) void main();
