// Starts one of the hall's worker threads: from its own bundle beside the hall's bundle in production
// (scripts/build-servers.ts writes them), or from the TypeScript source through tsx in development and tests.
import type { Worker } from 'node:worker_threads';
import { startWorkerFrom, type WorkerStart } from '../../server-shared/worker-thread.ts';

export type { WorkerStart } from '../../server-shared/worker-thread.ts';

/** Set by the hall bundle's banner (scripts/build-servers.ts): the bundle's own URL, beside which the worker bundles lie. */
declare const __hallBundleUrl: string | undefined;

export function startWorkerThread<T>(start: WorkerStart<T>): Worker {
  return startWorkerFrom(typeof __hallBundleUrl === 'string' ? __hallBundleUrl : undefined, start);
}
