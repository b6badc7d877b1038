// WAL checkpoints off the event loop. The hall's own connection never checkpoints: a checkpoint copies the WAL into
// the database file and fsyncs it, tens of milliseconds that used to land on whichever request committed last. A small
// thread holds its own connection to the same file and runs a PASSIVE checkpoint when asked: it copies what no reader
// still needs, never waits for a lock and never blocks a writer, so the WAL stays small and the loop never notices.
// The thread is an isolate of its own (≈ 7 MB resident), so it runs only while the hall writes: the main thread looks at
// the WAL file every interval (an asynchronous stat), starts the thread when the file changed, and ends it once the file
// has not changed for the idle period. A quiet hall keeps no thread alive.
import type Database from 'better-sqlite3';
import { stat } from 'node:fs/promises';
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
/** How long the WAL must stay unchanged before the checkpoint thread ends. */
export const CHECKPOINT_IDLE_STOP_MS = 15_000;
/** Once a checkpoint has let the WAL restart from its beginning, SQLite truncates the file to this size. */
const WAL_SIZE_LIMIT_BYTES = 16 * 1024 * 1024;
/** SQLite's own default, for the case the thread cannot run. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;

// The thread is plain JavaScript evaluated in place: it needs nothing but better-sqlite3 (passed as a resolved path,
// so it loads the same native module as the hall, bundled or not), and a worker started this way costs no TypeScript
// loader in every test hall. It checkpoints only when asked; any other message closes its connection and ends it.
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const db = new Database(workerData.dbPath, { fileMustExist: true });
parentPort.on('message', (m) => {
  if (m === 'now') {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)');
    return parentPort.postMessage({ walFrames: row ? row.log : 0, copiedFrames: row ? row.checkpointed : 0 });
  }
  db.close();
  parentPort.close();
});`;

export interface Checkpointer {
  /** Runs a checkpoint now (starting the thread if it is not running) and answers what it did (tests, benchmarks). */
  now(): Promise<CheckpointReport>;
  /** Whether the checkpoint thread is alive at this moment. */
  running(): boolean;
  /** Ends the thread and closes its connection; call before closing the hall's own. */
  stop(): Promise<void>;
}

export interface CheckpointerTiming {
  /** How often the WAL file is looked at. */
  intervalMs?: number;
  /** How long the WAL must stay unchanged before the thread ends. */
  idleStopMs?: number;
}

interface Thread {
  worker: Worker;
  answers: Array<{ resolve(r: CheckpointReport): void; reject(err: Error): void }>;
  exited: Promise<void>;
}

export function startCheckpointer(db: Database.Database, log: Logger, timing: CheckpointerTiming = {}): Checkpointer {
  const intervalMs = timing.intervalMs ?? CHECKPOINT_INTERVAL_MS;
  const idleStopMs = timing.idleStopMs ?? CHECKPOINT_IDLE_STOP_MS;
  db.pragma('wal_autocheckpoint = 0');
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  const walPath = `${db.name}-wal`;
  let thread: Thread | null = null;
  let stopping = false;
  let failed = false;

  // A thread that died hands checkpoints back to SQLite on the hall's connection, so the WAL never grows unbounded.
  const fallBack = (err: Error): void => {
    if (stopping || failed || !db.open) return;
    failed = true;
    clearInterval(timer);
    log.error('WAL checkpoint thread failed; checkpoints run on the hall connection again', err);
    db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
  };

  const startThread = (): Thread => {
    const worker = new Worker(THREAD, { eval: true, workerData: { sqlite, dbPath: db.name } });
    // An idle thread must not keep the hall (or a test) alive; it is referenced only while an answer is awaited.
    worker.unref();
    const started: Thread = { worker, answers: [], exited: new Promise((resolve) => worker.once('exit', () => resolve())) };
    worker.on('message', (report: CheckpointReport) => {
      started.answers.shift()?.resolve(report);
      if (started.answers.length === 0) worker.unref();
    });
    worker.once('error', fallBack);
    worker.once('exit', () => {
      if (thread === started) thread = null;
      for (const answer of started.answers.splice(0)) answer.reject(new Error('WAL checkpoint thread ended before answering'));
    });
    return started;
  };

  const checkpoint = (): Promise<CheckpointReport> => {
    thread ??= startThread();
    const current = thread;
    return new Promise((resolve, reject) => {
      current.answers.push({ resolve, reject });
      current.worker.ref();
      current.worker.postMessage('now');
    });
  };

  const endThread = async (): Promise<void> => {
    const ending = thread;
    if (!ending) return;
    thread = null;
    ending.worker.ref();
    ending.worker.postMessage('stop');
    await ending.exited;
  };

  // The WAL file's modification time and size change with every commit and not with a checkpoint, so an unchanged
  // file means nothing new to copy.
  let lastSeen = '';
  let lastChangeAt = Date.now();
  let looking = false;
  const look = async (): Promise<void> => {
    if (looking || stopping || failed) return;
    looking = true;
    try {
      const file = await stat(walPath, { bigint: true }).catch(() => null);
      const seen = file ? `${file.mtimeNs}:${file.size}` : 'none';
      if (stopping || failed) return;
      if (seen !== lastSeen) {
        lastSeen = seen;
        lastChangeAt = Date.now();
        await checkpoint();
      } else if (thread && Date.now() - lastChangeAt >= idleStopMs) {
        await endThread();
      }
    } catch (err) {
      fallBack(err as Error);
    } finally {
      looking = false;
    }
  };
  const timer = setInterval(() => void look(), intervalMs);
  timer.unref();

  return {
    now: checkpoint,
    running: () => thread !== null,
    async stop() {
      stopping = true;
      clearInterval(timer);
      await endThread();
    },
  };
}
