import { Worker } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import { offThreadRunner } from './off-thread.ts';

/** A real worker thread: doubles a number, refuses a negative one, exits on 'exit'; counts the threads started. */
const DOUBLER = `const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, job }) => {
  if (job === 'exit') process.exit(3);
  if (typeof job !== 'number') parentPort.postMessage({ id, ok: true, result: job.byteLength });
  else if (job < 0) parentPort.postMessage({ id, ok: false, error: 'negative' });
  else parentPort.postMessage({ id, ok: true, result: job * 2 });
});`;

function doubler(idleMs?: number) {
  let started = 0;
  const run = offThreadRunner<number | 'exit' | ArrayBuffer, number>({
    name: 'doubler',
    start: () => {
      started++;
      return new Worker(DOUBLER, { eval: true });
    },
    transferOf: (job) => (job instanceof ArrayBuffer ? [job] : []),
    idleMs,
  });
  return { run, started: () => started };
}

describe('one off-thread job runner', () => {
  it('answers each job from one thread, started on first use', async () => {
    const { run, started } = doubler();
    expect(await Promise.all([run(1), run(2), run(21)])).toEqual([2, 4, 42]);
    expect(started()).toBe(1);
  });

  it("rejects a job the worker refused, naming the worker, and goes on with the next", async () => {
    const { run } = doubler();
    await expect(run(-1)).rejects.toThrow('doubler failed: negative');
    expect(await run(5)).toBe(10);
  });

  it('fails the jobs in a thread that died; the next job starts a new thread', async () => {
    const { run, started } = doubler();
    await expect(run('exit')).rejects.toThrow('doubler exited with code 3');
    expect(await run(4)).toBe(8);
    expect(started()).toBe(2);
  });

  it('hands a transferred buffer over rather than copying it', async () => {
    const { run } = doubler();
    const buffer = new ArrayBuffer(16);
    expect(await run(buffer)).toBe(16);
    expect(buffer.byteLength).toBe(0);
  });

  it('with idleMs, ends the thread once no job has come for that long, and starts a new one for the next job', async () => {
    const { run, started } = doubler(20);
    expect(run.running()).toBe(false);
    expect(await run(3)).toBe(6);
    await vi.waitFor(() => expect(run.running()).toBe(false), { timeout: 10_000, interval: 5 });
    expect(await run(4)).toBe(8);
    expect(started()).toBe(2);
  });
});
