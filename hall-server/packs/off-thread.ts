// Runs a pack job in its own worker thread and resolves with its result. One thread per job: a pack's bytes live only
// in that thread and go when it ends, and the hall's event loop only waits for a message.
import { Worker } from 'node:worker_threads';
import type { PackJob, PackJobResult } from './jobs.ts';

/** Set by the hall bundle's banner (scripts/build-servers.ts): the bundle's own URL, beside which pack-worker.mjs lies. */
declare const __hallBundleUrl: string | undefined;

/** From the TypeScript sources (tsx, tests) the worker registers tsx itself before importing its entry. */
const TSX_BOOT = `const { workerData } = require('node:worker_threads');
import('tsx/esm/api').then(async (api) => { api.register(); await import(workerData.entry); });`;

function startWorker(job: PackJob): Worker {
  const transfer = job.kind === 'stage-zip' ? [job.zip.buffer as ArrayBuffer] : [];
  if (typeof __hallBundleUrl === 'string') {
    return new Worker(new URL('./pack-worker.mjs', __hallBundleUrl), { workerData: job, transferList: transfer });
  }
  const entry = new URL('./worker.ts', import.meta.url).href;
  // The job itself goes as a message-less workerData; the entry reads it from there.
  return new Worker(TSX_BOOT, { eval: true, workerData: { ...job, entry }, transferList: transfer });
}

export function runOffThread(job: PackJob): Promise<PackJobResult> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(job);
    let settled = false;
    worker.once('message', (m: { ok: true; result: PackJobResult } | { ok: false; error: string }) => {
      settled = true;
      if (m.ok) resolve(m.result);
      else reject(new Error(`pack worker failed: ${m.error}`));
      void worker.terminate();
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`pack worker exited with code ${code} before answering`));
    });
  });
}
