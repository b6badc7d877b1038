// Entry of the packs worker thread: runs one job from workerData and posts its result (or its error) back.
import { parentPort, workerData } from 'node:worker_threads';
import { runPackJob, type PackJob } from './jobs.ts';

try {
  parentPort!.postMessage({ ok: true, result: runPackJob(workerData as PackJob) });
} catch (err) {
  parentPort!.postMessage({ ok: false, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
}
