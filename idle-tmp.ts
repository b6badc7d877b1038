import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBenchHall, stopBenchHall } from './tests/bench/bench-hall.ts';
import { writeBenchPack } from './tests/bench/hall-fixture.ts';
const packDir = writeBenchPack(mkdtempSync(join(tmpdir(), 'p-')));
const hall = await startBenchHall(mkdtempSync(join(tmpdir(), 'd-')), 0, packDir);
for (const t of [200, 500, 1000, 2000, 5000, 10000, 20000]) { await new Promise((r) => setTimeout(r, t - (globalThis as any).lastT || t)); (globalThis as any).lastT = t; console.log(t, readFileSync(`/proc/${hall.child.pid}/status`, 'utf8').match(/VmRSS:\s+\d+/)![0]); }
require('node:fs').writeFileSync('/tmp/idle-smaps.txt', readFileSync(`/proc/${hall.child.pid}/smaps`, 'utf8'));
const status = readFileSync(`/proc/${hall.child.pid}/status`, 'utf8');
const smaps = readFileSync(`/proc/${hall.child.pid}/smaps`, 'utf8');
let heap = 0; let cur = '';
for (const line of smaps.split('\n')) { if (/^[0-9a-f]+-/.test(line)) cur = line; else if (line.startsWith('Rss:') && cur.endsWith('[heap]')) heap += Number(line.split(/\s+/)[1]); }
console.log(process.env.LABEL, status.match(/VmRSS:\s+\d+/)![0], status.match(/RssAnon:\s+\d+/)![0], status.match(/RssFile:\s+\d+/)![0], 'brkheap', heap);
await stopBenchHall(hall);
process.exit(0);
