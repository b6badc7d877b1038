// Runs jobs in a worker thread and resolves with their results, so the event loop only waits for a message. One thread,
// started on first use and kept while jobs come (starting one costs more than most jobs), referenced only while jobs
// are in flight so an idle worker keeps no process from exiting; jobs run one after another. With `idleMs` the thread
// (an isolate of its own, several MB resident) ends once no job has come for that long. If the thread dies, the jobs
// in it fail and the next job starts a new one. The worker answers `{ id, ok: true, result }` or `{ id, ok: false, error }`.
import type { Worker } from 'node:worker_threads';

export type WorkerAnswer<R> = { id: number; ok: true; result: R } | { id: number; ok: false; error: string };

export interface OffThreadOptions<J> {
  /** Names the worker in errors: "<name> failed: …", "<name> exited with code 1". */
  name: string;
  start(): Worker;
  /** Buffers handed over to the worker rather than copied (the caller must not use them afterwards). */
  transferOf?(job: J): ArrayBuffer[];
  /** End the thread after this long without a job (for jobs that come rarely); kept for good without it. */
  idleMs?: number;
}

/** Runs one job off the event loop; `running()` says whether its thread is alive at this moment. */
export type OffThreadRunner<J, R> = ((job: J) => Promise<R>) & { running(): boolean };

export function offThreadRunner<J, R>(options: OffThreadOptions<J>): OffThreadRunner<J, R> {
  let worker: Worker | null = null;
  const pending = new Map<number, { resolve(result: R): void; reject(err: Error): void }>();
  let nextId = 1;
  let idleTimer: NodeJS.Timeout | null = null;

  const endWhenIdle = (w: Worker, idleMs: number): void => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      idleTimer = null;
      if (worker !== w || pending.size > 0) return;
      worker = null;
      void w.terminate();
    }, idleMs);
    idleTimer.unref();
  };

  const startWorker = (): Worker => {
    const w = options.start();
    w.unref();
    w.on('message', (m: WorkerAnswer<R>) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (m.ok) p.resolve(m.result);
      else p.reject(new Error(`${options.name} failed: ${m.error}`));
      if (pending.size === 0) {
        w.unref();
        if (options.idleMs !== undefined) endWhenIdle(w, options.idleMs);
      }
    });
    const fail = (err: Error): void => {
      // Only the current thread has jobs in flight: one ended while idle (or already failed) must not fail the jobs
      // of the thread started after it.
      if (worker !== w) return;
      worker = null;
      for (const p of pending.values()) p.reject(err);
      pending.clear();
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`${options.name} exited with code ${code}`)));
    return w;
  };

  const run = (job: J): Promise<R> => {
    worker ??= startWorker();
    const w = worker;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      // Referenced while a job is in flight, so the answer is awaited.
      w.ref();
      w.postMessage({ id, job }, options.transferOf?.(job) ?? []);
    });
  };
  return Object.assign(run, { running: () => worker !== null });
}
