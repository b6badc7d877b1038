// WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside whichever commit fills the WAL past its
// threshold, so every command of that group commit also waits for the copy into the database file and its fsync. The
// hall turns it off and checkpoints from a worker thread with a connection of its own: a PASSIVE checkpoint there
// never blocks the hall's writes, and the event loop never waits for it. If the worker fails, SQLite's automatic
// checkpoint is switched back on.
import type Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** SQLite's default, restored when the worker is gone. */
const AUTO_CHECKPOINT_PAGES = 1000;

// CommonJS source run by the worker; `driver` is the resolved better-sqlite3 entry, so the same code works from the
// sources and from the bundle.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.postMessage({ closed: true });
    return;
  }
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ ok: true, walFrames: result.log, copied: result.checkpointed });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: String((error && error.message) || error) });
  }
});
`;

type WorkerReply = { ok: true; walFrames: number; copied: number } | { ok: false; message: string } | { closed: true };

export class WalCheckpointer {
  private readonly worker: Worker;
  private running = false;
  private pending = false;
  private closed = false;
  private waiters: Array<() => void> = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastEnded = 0;

  constructor(
    private readonly db: Database.Database,
    /** At most one checkpoint per this interval: a busy hall's commits are copied in batches. */
    private readonly minIntervalMs = 100,
  ) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver: createRequire(import.meta.url).resolve('better-sqlite3'), file: db.name },
      // The worker only runs one pragma at a time; keep its heap small.
      resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 8 },
    });
    this.worker.unref();
    this.worker.on('message', (reply: WorkerReply) => this.onReply(reply));
    this.worker.on('error', (error) => this.fallBack(`worker failed: ${error.message}`));
    db.pragma('wal_autocheckpoint = 0');
  }

  /** Something was committed: checkpoint it soon, without waiting here. */
  poke(): void {
    if (this.closed) return;
    if (this.running || this.timer) {
      this.pending = true;
      return;
    }
    const wait = this.lastEnded + this.minIntervalMs - performance.now();
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.start();
      }, wait);
      this.timer.unref();
    } else this.start();
  }

  /** Resolves once no checkpoint is running or waiting (for tests and an orderly close). */
  settled(): Promise<void> {
    if (!this.running && !this.pending && !this.timer) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Stops the worker after its checkpoint in progress, closing its connection before the hall closes its own. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.pending = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const closedReply = new Promise<void>((resolve) => {
      this.worker.on('message', (reply: WorkerReply) => 'closed' in reply && resolve());
      this.worker.once('exit', () => resolve());
    });
    this.worker.postMessage('close');
    await closedReply;
    await this.worker.terminate();
  }

  private start(): void {
    this.running = true;
    this.pending = false;
    this.worker.postMessage('checkpoint');
  }

  private onReply(reply: WorkerReply): void {
    if ('closed' in reply) return;
    this.running = false;
    this.lastEnded = performance.now();
    if (!reply.ok) console.error(`[hall] WAL checkpoint failed (retried after the next commit): ${reply.message}`);
    if (this.pending && !this.closed) {
      this.pending = false;
      this.poke();
      return;
    }
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  private fallBack(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    console.error(`[hall] WAL checkpoints back on the main connection: ${reason}`);
    this.db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
