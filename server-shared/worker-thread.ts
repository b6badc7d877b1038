// Starts a server's worker thread: from its own bundle beside the server's bundle in production (the build scripts
// write them side by side), or from the TypeScript source through tsx in development and tests. Shared by the hall and
// the region server, which import neither each other nor this folder's callers.
import { Worker } from 'node:worker_threads';

/** From the TypeScript sources the worker registers tsx itself before importing its entry. */
const TSX_BOOT = `const { workerData } = require('node:worker_threads');
import('tsx/esm/api').then(async (api) => { api.register(); await import(workerData.entry); });`;

/** A worker thread, and the data it receives as `workerData.data` whichever way it was started. */
export interface WorkerStart<T> {
  /** File name of the worker's bundle beside the server's bundle. */
  bundleName: string;
  /** The worker's TypeScript entry (`new URL('./x.ts', import.meta.url)` of the caller). */
  sourceEntry: URL;
  data?: T;
}

/** `bundleUrl`: the running server bundle's URL (set by its banner), or undefined when running from the sources. */
export function startWorkerFrom<T>(bundleUrl: string | undefined, start: WorkerStart<T>): Worker {
  return typeof bundleUrl === 'string'
    ? new Worker(new URL(`./${start.bundleName}`, bundleUrl), { workerData: { data: start.data } })
    : new Worker(TSX_BOOT, { eval: true, workerData: { entry: start.sourceEntry.href, data: start.data } });
}
