// Runs the region's pack jobs in a worker thread, so the event loop only waits for a message. One thread, started on
// first use and kept while jobs are in flight (unreferenced when idle); jobs run one after another. If the thread
// dies, the jobs in it fail and the next job starts a new one.
import { Worker } from 'node:worker_threads';
import type { PackJob, PackJobResult } from './pack-job.ts';

/** Set by the region bundle's banner (scripts/start/region-bundle.ts): the bundle's URL, beside which its worker lies. */
declare const __regionBundleUrl: string | undefined;
export const REGION_PACK_WORKER_BUNDLE = 'region-pack-worker.mjs';

/** From the TypeScript sources (tsx, tests) the worker registers tsx itself before importing its entry. */
const TSX_BOOT = `const { workerData } = require('node:worker_threads');
import('tsx/esm/api').then(async (api) => { api.register(); await import(workerData.entry); });`;

type Answer = { id: number; ok: true; result: PackJobResult } | { id: number; ok: false; error: string };

let worker: Worker | null = null;
const pending = new Map<number, { resolve(result: PackJobResult): void; reject(err: Error): void }>();
let nextId = 1;

function startWorker(): Worker {
  const w = typeof __regionBundleUrl === 'string'
    ? new Worker(new URL(`./${REGION_PACK_WORKER_BUNDLE}`, __regionBundleUrl))
    : new Worker(TSX_BOOT, { eval: true, workerData: { entry: new URL('./pack-worker.ts', import.meta.url).href } });
  w.unref();
  w.on('message', (m: Answer) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.ok) p.resolve(m.result);
    else p.reject(new Error(`pack worker failed: ${m.error}`));
    if (pending.size === 0) w.unref();
  });
  const fail = (err: Error): void => {
    if (worker === w) worker = null;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`pack worker exited with code ${code}`)));
  return w;
}

export function runPackJobOffThread(job: PackJob): Promise<PackJobResult> {
  worker ??= startWorker();
  const w = worker;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.ref();
    w.postMessage({ id, job });
  });
}
