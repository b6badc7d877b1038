// WAL checkpoints run on their own thread: the hall's connection never checkpoints on commit (which put tens of
// milliseconds of copying and fsync on whichever request committed last), and the thread keeps the WAL from growing.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startCheckpointer } from '../../hall-server/core/checkpoint.ts';
import { silentLogger } from '../../hall-server/core/log.ts';
import { startTestHall, type TestHall } from '../support/hall.ts';

let hall: TestHall;

beforeAll(async () => {
  hall = await startTestHall();
});
afterAll(() => hall.close(true));

const db = () => hall.hall!.db;

describe('WAL checkpoints', () => {
  it("never run on the hall's own connection", () => {
    expect(db().pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    expect(db().pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('are run by the checkpoint thread, which copies every frame no reader holds into the database file', async () => {
    const insert = db().prepare("INSERT INTO audit (at, action, details) VALUES (?, 'test.fill', ?)");
    const filler = 'x'.repeat(2000);
    // Several thousand pages: with SQLite's default the hall's connection would have checkpointed on some commit.
    for (let batch = 0; batch < 20; batch++) {
      db().transaction(() => {
        for (let i = 0; i < 500; i++) insert.run(new Date().toISOString(), filler);
      })();
    }
    const before = statSync(`${db().name}-wal`).size;
    expect(before).toBeGreaterThan(4 * 1024 * 1024);

    const report = await hall.hall!.checkpointer.now();
    expect(report.walFrames).toBeGreaterThan(1000);
    expect(report.copiedFrames).toBe(report.walFrames);

    // The next write starts the WAL again from its beginning, and SQLite cuts the file back to the size limit.
    db().prepare("INSERT INTO audit (at, action, details) VALUES (?, 'test.fill', '{}')").run(new Date().toISOString());
    await hall.hall!.checkpointer.now();
    expect(statSync(`${db().name}-wal`).size).toBeLessThanOrEqual(16 * 1024 * 1024);
    const [after] = db().pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>;
    expect(after!.log).toBeLessThan(10);
  });

  it('the thread ends before the database closes, so a restart finds a clean WAL', async () => {
    const dataDir = hall.dataDir;
    await hall.close(false);
    expect(statSync(`${hall.hall!.db.name}-wal`, { throwIfNoEntry: false })).toBeUndefined();
    hall = await startTestHall({ dataDir });
    expect(db().prepare("SELECT COUNT(*) FROM audit WHERE action = 'test.fill'").pluck().get()).toBe(10_001);
  });
});

describe('the checkpoint thread runs only while the hall writes', () => {
  it('starts on a write, copies it, ends once the WAL is quiet, and starts again on the next write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'checkpoint-idle-'));
    const db = new Database(join(dir, 'hall.sqlite'));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (v TEXT)');
    const checkpointer = startCheckpointer(db, silentLogger, { intervalMs: 10, idleStopMs: 100 });
    const walFrames = () => (db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number; checkpointed: number }>)[0]!;
    try {
      // The table's creation was a write: the thread starts and copies it.
      await vi.waitFor(() => expect(checkpointer.running()).toBe(true), { timeout: 10_000, interval: 5 });
      await vi.waitFor(() => expect(checkpointer.running()).toBe(false), { timeout: 10_000, interval: 5 });
      // Nothing was left for the hall's own connection to copy.
      const quiet = walFrames();
      expect(quiet.checkpointed).toBe(quiet.log);

      db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(5000));
      await vi.waitFor(() => expect(checkpointer.running()).toBe(true), { timeout: 10_000, interval: 5 });
      await vi.waitFor(() => expect(checkpointer.running()).toBe(false), { timeout: 10_000, interval: 5 });
    } finally {
      await checkpointer.stop();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers a checkpoint asked for while no thread runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'checkpoint-now-'));
    const db = new Database(join(dir, 'hall.sqlite'));
    db.pragma('journal_mode = WAL');
    const checkpointer = startCheckpointer(db, silentLogger, { intervalMs: 60_000 });
    try {
      expect(checkpointer.running()).toBe(false);
      db.exec('CREATE TABLE t (v TEXT)');
      const report = await checkpointer.now();
      expect(report.walFrames).toBeGreaterThan(0);
      expect(report.copiedFrames).toBe(report.walFrames);
      expect(checkpointer.running()).toBe(true);
    } finally {
      await checkpointer.stop();
      expect(checkpointer.running()).toBe(false);
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
