// Starts one of the hall's worker threads: from its own bundle beside the hall's bundle in production
// (scripts/build-servers.ts writes them), or from the TypeScript source through tsx in development and tests.
import { Worker } from 'node:worker_threads';

/** Set by the hall bundle's banner (scripts/build-servers.ts): the bundle's own URL, beside which the worker bundles lie. */
declare const __hallBundleUrl: string | undefined;

/** From the TypeScript sources the worker registers tsx itself before importing its entry. */
const TSX_BOOT = `const { workerData } = require('node:worker_threads');
import('tsx/esm/api').then(async (api) => { api.register(); await import(workerData.entry); });`;

/** The data a worker receives as `workerData.data`, whichever way it was started. */
export interface WorkerStart<T> {
  /** File name of the worker's bundle beside the hall's bundle. */
  bundleName: string;
  /** The worker's TypeScript entry (`new URL('./x.ts', import.meta.url)` of the caller). */
  sourceEntry: URL;
  data?: T;
}

export function startWorkerThread<T>(start: WorkerStart<T>): Worker {
  return typeof __hallBundleUrl === 'string'
    ? new Worker(new URL(`./${start.bundleName}`, __hallBundleUrl), { workerData: { data: start.data } })
    : new Worker(TSX_BOOT, { eval: true, workerData: { entry: start.sourceEntry.href, data: start.data } });
}
