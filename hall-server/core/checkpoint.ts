// WAL checkpoints off the event loop. The hall's own connection never checkpoints: a checkpoint copies the WAL into
// the database file and fsyncs it, tens of milliseconds that used to land on whichever request committed last. A small
// thread holds its own connection to the same file and runs a PASSIVE checkpoint every interval: it copies what no
// reader still needs, never waits for a lock and never blocks a writer, so the WAL stays small and the loop never notices.
import type Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Logger } from './log.ts';

export interface CheckpointReport {
  /** Frames in the WAL when the checkpoint ran. */
  walFrames: number;
  /** Of those, frames now copied into the database file. */
  copiedFrames: number;
}

export const CHECKPOINT_INTERVAL_MS = 1_000;
/** Once a checkpoint has let the WAL restart from its beginning, SQLite truncates the file to this size. */
const WAL_SIZE_LIMIT_BYTES = 16 * 1024 * 1024;
/** SQLite's own default, for the case the thread cannot run. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;

// The thread is plain JavaScript evaluated in place: it needs nothing but better-sqlite3 (passed as a resolved path,
// so it loads the same native module as the hall, bundled or not), and a worker started this way costs no TypeScript
// loader in every test hall.
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const db = new Database(workerData.dbPath, { fileMustExist: true });
const checkpoint = () => {
  const [row] = db.pragma('wal_checkpoint(PASSIVE)');
  return { walFrames: row ? row.log : 0, copiedFrames: row ? row.checkpointed : 0 };
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m === 'now') return parentPort.postMessage(checkpoint());
  clearInterval(timer);
  db.close();
  parentPort.close();
});`;

export interface Checkpointer {
  /** Runs a checkpoint now and answers what it did (tests, benchmarks). */
  now(): Promise<CheckpointReport>;
  /** Ends the thread and closes its connection; call before closing the hall's own. */
  stop(): Promise<void>;
}

export function startCheckpointer(db: Database.Database, log: Logger, intervalMs = CHECKPOINT_INTERVAL_MS): Checkpointer {
  db.pragma('wal_autocheckpoint = 0');
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(THREAD, { eval: true, workerData: { sqlite, dbPath: db.name, intervalMs } });
  // The thread's timer must not keep the hall (or a test) alive.
  worker.unref();
  const answers: Array<(r: CheckpointReport) => void> = [];
  worker.on('message', (report: CheckpointReport) => answers.shift()?.(report));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  let stopping = false;
  // A thread that died hands checkpoints back to SQLite on the hall's connection, so the WAL never grows unbounded.
  worker.once('error', (err) => {
    if (stopping || !db.open) return;
    log.error('WAL checkpoint thread failed; checkpoints run on the hall connection again', err);
    db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
  });
  return {
    now() {
      return new Promise((resolve) => {
        answers.push(resolve);
        worker.ref();
        worker.postMessage('now');
      }).finally(() => {
        if (answers.length === 0) worker.unref();
      }) as Promise<CheckpointReport>;
    },
    async stop() {
      if (!stopping) {
        stopping = true;
        worker.ref();
        worker.postMessage('stop');
      }
      await exited;
    },
  };
}
