// Runs jobs in a worker thread and resolves with their results, so the event loop only waits for a message. One thread,
// started on first use and kept (starting one costs more than most jobs), referenced only while jobs are in flight so
// an idle worker keeps no process from exiting; jobs run one after another. If the thread dies, the jobs in it fail
// and the next job starts a new one. The worker answers `{ id, ok: true, result }` or `{ id, ok: false, error }`.
import type { Worker } from 'node:worker_threads';

export type WorkerAnswer<R> = { id: number; ok: true; result: R } | { id: number; ok: false; error: string };

export interface OffThreadOptions<J> {
  /** Names the worker in errors: "<name> failed: …", "<name> exited with code 1". */
  name: string;
  start(): Worker;
  /** Buffers handed over to the worker rather than copied (the caller must not use them afterwards). */
  transferOf?(job: J): ArrayBuffer[];
}

/** A function that runs one job off the event loop. */
export function offThreadRunner<J, R>(options: OffThreadOptions<J>): (job: J) => Promise<R> {
  let worker: Worker | null = null;
  const pending = new Map<number, { resolve(result: R): void; reject(err: Error): void }>();
  let nextId = 1;

  const startWorker = (): Worker => {
    const w = options.start();
    w.unref();
    w.on('message', (m: WorkerAnswer<R>) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (m.ok) p.resolve(m.result);
      else p.reject(new Error(`${options.name} failed: ${m.error}`));
      if (pending.size === 0) w.unref();
    });
    const fail = (err: Error): void => {
      if (worker === w) worker = null;
      for (const p of pending.values()) p.reject(err);
      pending.clear();
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`${options.name} exited with code ${code}`)));
    return w;
  };

  return (job) => {
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
}
