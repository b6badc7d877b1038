// The region's pack worker thread: runs one pack job per message and answers with its result (the zip transferred,
// not copied), so building, signing and zipping never hold the region's event loop.
import { parentPort } from 'node:worker_threads';
import { runPackJob, type PackJob } from './pack-job.ts';

parentPort!.on('message', ({ id, job }: { id: number; job: PackJob }) => {
  try {
    const result = runPackJob(job);
    parentPort!.postMessage({ id, ok: true, result }, result.zip ? [result.zip.buffer as ArrayBuffer] : []);
  } catch (err) {
    parentPort!.postMessage({ id, ok: false, error: (err as Error).message });
  }
});
