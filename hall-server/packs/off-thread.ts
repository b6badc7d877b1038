// Runs pack jobs in a worker thread and resolves with their results, so the hall's event loop only waits for a message.
// One thread, started on first use and kept while jobs come (starting one costs more than most jobs); jobs run one after
// another. Packs are uploaded a few times a year, so the thread (an isolate of its own, several MB resident) ends once it
// has had no job for PACK_WORKER_IDLE_MS. If the thread dies, the jobs in it fail and the next job starts a new one.
import type { Worker } from 'node:worker_threads';
import { startWorkerThread } from '../core/worker-thread.ts';
import type { PackJob, PackJobResult } from './jobs.ts';

interface Pending {
  resolve(result: PackJobResult): void;
  reject(err: Error): void;
}

export const PACK_WORKER_IDLE_MS = 60_000;

let worker: Worker | null = null;
const pending = new Map<number, Pending>();
let nextId = 1;
let idleTimer: NodeJS.Timeout | null = null;

/** Whether the pack thread is alive at this moment (tests). */
export function packWorkerRunning(): boolean {
  return worker !== null;
}

function endWhenIdle(w: Worker, idleMs: number): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    idleTimer = null;
    if (worker !== w || pending.size > 0) return;
    worker = null;
    void w.terminate();
  }, idleMs);
  idleTimer.unref();
}

function startWorker(idleMs: number): Worker {
  const w = startWorkerThread({ bundleName: 'pack-worker.mjs', sourceEntry: new URL('./worker.ts', import.meta.url) });
  // An idle worker does not keep the hall (or a test) from exiting.
  w.unref();
  w.on('message', (m: { id: number; ok: true; result: PackJobResult } | { id: number; ok: false; error: string }) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.ok) p.resolve(m.result);
    else p.reject(new Error(`pack worker failed: ${m.error}`));
    if (pending.size === 0) {
      w.unref();
      endWhenIdle(w, idleMs);
    }
  });
  const fail = (err: Error): void => {
    if (worker === w) worker = null;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`pack worker exited with code ${code}`)));
  return w;
}

/** `idleMs`: how long the thread waits for another job before it ends (tests shorten it). */
export function runOffThread(job: PackJob, idleMs = PACK_WORKER_IDLE_MS): Promise<PackJobResult> {
  worker ??= startWorker(idleMs);
  const w = worker;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    // Referenced while a job is in flight, so the answer is awaited.
    w.ref();
    w.postMessage({ id, job }, job.kind === 'stage-zip' ? [job.zip.buffer as ArrayBuffer] : []);
  });
}
