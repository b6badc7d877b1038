// The idle checkpointer copies the WAL into the database file after a commit, never while a request is in progress.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IdleCheckpointer } from './checkpoint.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A WAL database whose automatic checkpoint is off, holding one committed 1 MiB row in its WAL only. */
function walWithOneMegabyte() {
  const dir = mkdtempSync(join(tmpdir(), 'checkpoint-test-'));
  dirs.push(dir);
  const file = join(dir, 'hall.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE t (v BLOB)');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.prepare('INSERT INTO t VALUES (?)').run(Buffer.alloc(1 << 20, 7));
  return { db, dbFileSize: () => statSync(file).size };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('IdleCheckpointer', () => {
  it('copies a commit into the database file once the event loop has answered, when no request is in progress', async () => {
    const { db, dbFileSize } = walWithOneMegabyte();
    const checkpointer = new IdleCheckpointer(db, () => false);
    expect(dbFileSize()).toBeLessThan(1 << 20);
    checkpointer.poke(true);
    expect(dbFileSize()).toBeLessThan(1 << 20);
    await nextTurn();
    expect(dbFileSize()).toBeGreaterThan(1 << 20);
    db.close();
  });

  it('waits while a request is in progress, and checkpoints when the last one has ended', async () => {
    const { db, dbFileSize } = walWithOneMegabyte();
    let busy = true;
    const checkpointer = new IdleCheckpointer(db, () => busy);
    checkpointer.poke(true);
    await nextTurn();
    expect(dbFileSize()).toBeLessThan(1 << 20);
    busy = false;
    checkpointer.poke(false);
    await nextTurn();
    expect(dbFileSize()).toBeGreaterThan(1 << 20);
    db.close();
  });

  it('does nothing when nothing was committed since the last checkpoint, and nothing after close', async () => {
    const { db, dbFileSize } = walWithOneMegabyte();
    const checkpointer = new IdleCheckpointer(db, () => false);
    checkpointer.poke(false);
    await nextTurn();
    expect(dbFileSize()).toBeLessThan(1 << 20);
    checkpointer.poke(true);
    checkpointer.close();
    await nextTurn();
    expect(dbFileSize()).toBeLessThan(1 << 20);
    db.close();
  });
});
