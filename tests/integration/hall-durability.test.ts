// Faults: a missing or corrupt SQLite file is a clear error (never a new empty hall); kill -9 loses nothing acknowledged.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, SAMPLE_PACK, spawnTestHall, startTestHall } from '../support/hall.ts';
import { testIdentity } from '../support/citizens.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The sample pack is signed with the demo key, trusted only with --demo: without it the pack refusal would come first. */
function runMain(dataDir: string): { status: number | null; stderr: string } {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'hall-server/main.ts', '--data-dir', dataDir, '--port', '0', '--pack', SAMPLE_PACK, '--demo'], {
    cwd: ROOT, encoding: 'utf8', timeout: 20_000,
  });
  return { status: res.status, stderr: res.stderr };
}

describe('database faults', () => {
  it('refuses to start when the database of an existing hall is missing', async () => {
    const hall = await startTestHall();
    dirs.push(hall.dataDir);
    await hall.close(false);
    unlinkSync(join(hall.dataDir, 'hall.sqlite'));
    const res = runMain(hall.dataDir);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('hall.sqlite is missing');
    expect(res.stderr).toContain('Restore hall.sqlite');
  });

  it('refuses to start on a corrupt database and leaves the file as it was', async () => {
    const hall = await startTestHall();
    dirs.push(hall.dataDir);
    await hall.close(false);
    const file = join(hall.dataDir, 'hall.sqlite');
    const garbage = Buffer.alloc(8192, 0x5a);
    writeFileSync(file, garbage);
    const res = runMain(hall.dataDir);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('cannot be opened');
    expect(res.stderr).toContain('will not replace it');
    expect(readFileSync(file).equals(garbage)).toBe(true);
  });

  it('starts a new hall in an empty data dir and writes the marker', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hall-empty-'));
    dirs.push(dir);
    const hall = await spawnTestHall({ dataDir: dir });
    try {
      expect((await hall.api('GET', '/api/health')).body.status).toBe('ok');
      expect(JSON.parse(readFileSync(join(dir, 'hall.json'), 'utf8')).format).toBe(1);
    } finally {
      await hall.close(false);
    }
  });
});

describe('crash', () => {
  it('keeps every acknowledged ticket and window action after kill -9', async () => {
    const first = await spawnTestHall();
    dirs.push(first.dataDir);
    const kiosk = await first.pair('kiosk');
    const counter = await first.pair('counter', 1);
    const service = (await first.api('GET', '/api/queue', undefined, kiosk)).body.windows[0].services[0] as string;
    await first.api('POST', '/api/windows/1/sign-in', { staffId: '20101' }, counter);
    const acknowledged: string[] = [];
    let stop = false;
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; !stop; i++) {
        try {
          const res = await first.api('POST', '/api/tickets', { idempotencyKey: `crash-${w}-${i}-xxxx`, serviceCode: service, identity: testIdentity() }, kiosk);
          if (res.status === 201) acknowledged.push(res.body.ticket.id);
        } catch {
          return; // the server died mid-request: that one was never acknowledged
        }
      }
    });
    const called = await first.api('POST', '/api/windows/1/call-next', {}, counter);
    expect(called.status).toBe(200);
    await new Promise((r) => setTimeout(r, 400));
    await first.kill9();
    stop = true;
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThan(10);

    const second = await spawnTestHall({ dataDir: first.dataDir });
    try {
      const admin = await second.admin();
      const queue = (await second.api('GET', '/api/queue', undefined, admin)).body;
      const present = new Set([...queue.waiting.map((t: { id: string }) => t.id), queue.windows[0].current?.id]);
      for (const id of acknowledged) expect(present.has(id), `ticket ${id}`).toBe(true);
      expect(queue.windows[0].current.id).toBe(called.body.ticket.id);
      expect(queue.windows[0].staffId).toBe('20101');
    } finally {
      await second.close(false);
    }
  });
});
