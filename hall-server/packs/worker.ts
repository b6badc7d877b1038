// Entry of the packs worker thread: runs each job it is sent and posts its result (or its error) back with the job's id.
import { parentPort } from 'node:worker_threads';
import { runPackJob, type PackJob } from './jobs.ts';

parentPort!.on('message', ({ id, job }: { id: number; job: PackJob }) => {
  try {
    parentPort!.postMessage({ id, ok: true, result: runPackJob(job) });
  } catch (err) {
    parentPort!.postMessage({ id, ok: false, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  }
});
