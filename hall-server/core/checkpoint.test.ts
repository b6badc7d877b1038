// The WAL checkpointer copies commits into the database file from its worker thread, never on the caller's turn.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WalCheckpointer } from './checkpoint.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const MIB = 1 << 20;

/** A WAL database holding one committed 1 MiB row in its WAL only. */
function walDatabase() {
  const dir = mkdtempSync(join(tmpdir(), 'checkpoint-test-'));
  dirs.push(dir);
  const file = join(dir, 'hall.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (v BLOB)');
  db.pragma('wal_checkpoint(TRUNCATE)');
  const insert = () => db.prepare('INSERT INTO t VALUES (?)').run(Buffer.alloc(MIB, 7));
  return { db, insert, dbFileSize: () => statSync(file).size };
}

describe('WalCheckpointer', () => {
  it('turns SQLite’s automatic checkpoint off and copies each commit from its worker after the poke', async () => {
    const { db, insert, dbFileSize } = walDatabase();
    const checkpointer = new WalCheckpointer(db, 0);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    insert();
    checkpointer.poke();
    await checkpointer.settled();
    expect(dbFileSize()).toBeGreaterThan(MIB);

    insert();
    expect(dbFileSize()).toBeLessThan(2 * MIB);
    checkpointer.poke();
    checkpointer.poke();
    await checkpointer.settled();
    expect(dbFileSize()).toBeGreaterThan(2 * MIB);
    await checkpointer.close();
    db.close();
  });

  it('runs at most one checkpoint per interval and still copies what was committed meanwhile', async () => {
    const { db, insert, dbFileSize } = walDatabase();
    const checkpointer = new WalCheckpointer(db, 50);
    insert();
    checkpointer.poke();
    await checkpointer.settled();
    insert();
    checkpointer.poke();
    // Within the interval: waiting for its end, not yet copied.
    expect(dbFileSize()).toBeLessThan(2 * MIB);
    await checkpointer.settled();
    expect(dbFileSize()).toBeGreaterThan(2 * MIB);
    await checkpointer.close();
    db.close();
  });

  it('after close, pokes do nothing and the hall’s own connection closes cleanly', async () => {
    const { db, insert, dbFileSize } = walDatabase();
    const checkpointer = new WalCheckpointer(db, 0);
    await checkpointer.close();
    insert();
    checkpointer.poke();
    await checkpointer.settled();
    expect(dbFileSize()).toBeLessThan(MIB);
    db.close();
    // The last connection to close copies the WAL in.
    expect(dbFileSize()).toBeGreaterThan(MIB);
  });
});
