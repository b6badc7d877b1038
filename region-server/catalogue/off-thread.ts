// Runs the region's pack jobs in a worker thread (server-shared/off-thread.ts), so the event loop only waits for a
// message.
import { offThreadRunner } from '../../server-shared/off-thread.ts';
import { startWorkerFrom } from '../../server-shared/worker-thread.ts';
import type { PackJob, PackJobResult } from './pack-job.ts';

/** Set by the region bundle's banner (scripts/start/region-bundle.ts): the bundle's URL, beside which its worker lies. */
declare const __regionBundleUrl: string | undefined;
export const REGION_PACK_WORKER_BUNDLE = 'region-pack-worker.mjs';

export const runPackJobOffThread = offThreadRunner<PackJob, PackJobResult>({
  name: 'pack worker',
  start: () =>
    startWorkerFrom(typeof __regionBundleUrl === 'string' ? __regionBundleUrl : undefined, {
      bundleName: REGION_PACK_WORKER_BUNDLE,
      sourceEntry: new URL('./pack-worker.ts', import.meta.url),
    }),
});
