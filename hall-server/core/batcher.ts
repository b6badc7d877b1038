// Group commit for HTTP commands: handlers that arrive while the event loop is busy run together in one transaction,
// so many commands share one fsync; nobody gets an answer before the transaction holding their command is on disk.
import type { EventLog } from './events.ts';

interface Queued {
  run: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH = 256;

export class CommitBatcher {
  private queue: Queued[] = [];
  private scheduled = false;

  constructor(private readonly log: EventLog) {}

  /** Runs `fn` inside the next group transaction; resolves after that transaction committed. */
  submit<T>(fn: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ run: fn, resolve: resolve as (v: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    while (this.queue.length) {
      const batch = this.queue.splice(0, MAX_BATCH);
      let results;
      try {
        results = this.log.batch(batch.map((q) => q.run));
      } catch (err) {
        // The commit itself failed (disk full, I/O error): in-memory state may now be ahead of the disk. Crash so the
        // supervisor restarts the hall from what is durable; nobody in this batch was told "done".
        for (const q of batch) q.reject(err);
        setImmediate(() => {
          throw err;
        });
        return;
      }
      results.forEach((r, i) => (r.ok ? batch[i]!.resolve(r.value) : batch[i]!.reject(r.error)));
    }
  }
}
