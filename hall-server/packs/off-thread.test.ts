// The pack thread is an isolate of its own: it runs while pack jobs come and ends when they stop, so an idle hall holds
// no pack thread.
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { DEMO_PUBLIC_KEY } from '../../content/keys/demo.ts';
import { packJobRunner } from './off-thread.ts';

const SAMPLE = fileURLToPath(new URL('../../content/packs/sample', import.meta.url));

describe('the pack worker thread', () => {
  it('starts for a job, answers it, and ends once no job has come for the idle period', async () => {
    const runOffThread = packJobRunner(50);
    expect(runOffThread.running()).toBe(false);
    const job = runOffThread(
      { kind: 'verify-folder', dir: SAMPLE, options: { trustedKeys: [DEMO_PUBLIC_KEY], alreadyAccepted: true, now: new Date('2026-12-03T02:00:00Z') } },
    );
    expect(runOffThread.running()).toBe(true);
    const result = await job;
    expect(result.report.errors).toEqual([]);
    await vi.waitFor(() => expect(runOffThread.running()).toBe(false), { timeout: 10_000, interval: 5 });
  }, 60_000);
});
