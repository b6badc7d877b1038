// WAL checkpoints when nobody is waiting. SQLite's own automatic checkpoint runs inside whichever commit fills the WAL
// past its threshold, so every command of that group commit also waits for the copy into the database file and its
// fsync. The hall checkpoints instead right after a commit, once no request is in progress; SQLite's automatic
// checkpoint stays on as the backstop for a hall that is never idle.
import type Database from 'better-sqlite3';

export class IdleCheckpointer {
  private dirty = false;
  private scheduled = false;
  private closed = false;

  constructor(
    private readonly db: Database.Database,
    /** True while a request is in progress (it will commit, or end, and call in again). */
    private readonly busy: () => boolean,
  ) {}

  /** A transaction committed, or the last request in progress ended: checkpoint once nothing waits. */
  poke(committed: boolean): void {
    if (committed) this.dirty = true;
    if (!this.dirty || this.scheduled || this.closed) return;
    this.scheduled = true;
    // After the answers of this commit have gone out.
    setImmediate(() => this.run());
  }

  close(): void {
    this.closed = true;
  }

  private run(): void {
    this.scheduled = false;
    if (this.closed || !this.dirty || this.busy()) return;
    this.dirty = false;
    try {
      this.db.pragma('wal_checkpoint(PASSIVE)');
    } catch (err) {
      // Not fatal: the WAL keeps every commit, and SQLite's automatic checkpoint copies it later.
      console.error(`[hall] WAL checkpoint failed: ${(err as Error).message}`);
    }
  }
}
