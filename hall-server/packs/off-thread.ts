// Runs pack jobs in the hall's pack worker thread (server-shared/off-thread.ts), so the hall's event loop only waits
// for a message. Packs are uploaded a few times a year, so the thread ends once it has had no job for a minute.
import { offThreadRunner, type OffThreadRunner } from '../../server-shared/off-thread.ts';
import { startWorkerThread } from '../core/worker-thread.ts';
import type { PackJob, PackJobResult } from './jobs.ts';

export const PACK_WORKER_IDLE_MS = 60_000;

/** A pack job runner whose thread ends after `idleMs` without a job (tests shorten it). */
export function packJobRunner(idleMs: number): OffThreadRunner<PackJob, PackJobResult> {
  return offThreadRunner<PackJob, PackJobResult>({
    name: 'pack worker',
    start: () => startWorkerThread({ bundleName: 'pack-worker.mjs', sourceEntry: new URL('./worker.ts', import.meta.url) }),
    transferOf: (job) => (job.kind === 'stage-zip' ? [job.zip.buffer as ArrayBuffer] : []),
    idleMs,
  });
}

export const runOffThread = packJobRunner(PACK_WORKER_IDLE_MS);
