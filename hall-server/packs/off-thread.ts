// Runs pack jobs in the hall's pack worker thread (server-shared/off-thread.ts), so the hall's event loop only waits
// for a message.
import { offThreadRunner } from '../../server-shared/off-thread.ts';
import { startWorkerThread } from '../core/worker-thread.ts';
import type { PackJob, PackJobResult } from './jobs.ts';

export const runOffThread = offThreadRunner<PackJob, PackJobResult>({
  name: 'pack worker',
  start: () => startWorkerThread({ bundleName: 'pack-worker.mjs', sourceEntry: new URL('./worker.ts', import.meta.url) }),
  transferOf: (job) => (job.kind === 'stage-zip' ? [job.zip.buffer as ArrayBuffer] : []),
});
