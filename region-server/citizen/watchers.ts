// The progress pages holding a live stream (SSE), grouped by site: when a site's batch is ingested, its watched tickets
// are answered with one batched read and each page is sent its progress only if it changed. No page polls the
// database; 10,000 open pages cost their sockets and one small entry each.
import type { ServerResponse } from 'node:http';
import type { Pool } from 'pg';
import type { TicketProgress } from '../../protocol/citizen/progress.ts';
import { progressOfTokens } from './progress.ts';

/** A comment line now and then keeps proxies and phones from closing an idle stream. */
const KEEPALIVE_MS = 25_000;

interface Watcher {
  res: ServerResponse;
  tokenHash: string;
  last: string;
}

export class ProgressWatchers {
  private readonly bySite = new Map<string, Set<Watcher>>();
  /** Sites whose fan-out is running, and those changed again meanwhile (run once more after). */
  private readonly running = new Set<string>();
  private readonly again = new Set<string>();
  private readonly keepalive: ReturnType<typeof setInterval>;

  constructor(
    private readonly pool: Pool,
    private readonly now: () => Date,
    private readonly onError: (err: Error) => void,
  ) {
    this.keepalive = setInterval(() => {
      for (const set of this.bySite.values()) for (const w of set) w.res.write(': \n\n');
    }, KEEPALIVE_MS);
    this.keepalive.unref();
  }

  get size(): number {
    let n = 0;
    for (const set of this.bySite.values()) n += set.size;
    return n;
  }

  /** Opens the stream with the current progress and keeps it until the page goes away. */
  watch(res: ServerResponse, siteId: string, tokenHash: string, first: TicketProgress): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    const watcher: Watcher = { res, tokenHash, last: JSON.stringify(first) };
    res.write(`retry: 5000\ndata: ${watcher.last}\n\n`);
    let set = this.bySite.get(siteId);
    if (!set) this.bySite.set(siteId, (set = new Set()));
    set.add(watcher);
    res.on('close', () => {
      set.delete(watcher);
      if (set.size === 0 && this.bySite.get(siteId) === set) this.bySite.delete(siteId);
    });
  }

  /** After a site's batch committed: one read for all its watchers, a message to those whose progress changed. */
  siteChanged(siteId: string): void {
    if (!this.bySite.has(siteId)) return;
    if (this.running.has(siteId)) {
      this.again.add(siteId);
      return;
    }
    this.running.add(siteId);
    void this.fanOut(siteId)
      .catch((err: unknown) => this.onError(err as Error))
      .finally(() => {
        this.running.delete(siteId);
        if (this.again.delete(siteId)) this.siteChanged(siteId);
      });
  }

  private async fanOut(siteId: string): Promise<void> {
    const set = this.bySite.get(siteId);
    if (!set) return;
    const watchers = [...set];
    const progress = await progressOfTokens(this.pool, [...new Set(watchers.map((w) => w.tokenHash))], this.now());
    for (const w of watchers) {
      const p = progress.get(w.tokenHash);
      if (!p) {
        // Expired: the page shows what it last had and asks again on its own.
        w.res.end();
        continue;
      }
      const text = JSON.stringify(p);
      if (text === w.last) continue;
      w.last = text;
      w.res.write(`data: ${text}\n\n`);
    }
  }

  close(): void {
    clearInterval(this.keepalive);
    for (const set of this.bySite.values()) for (const w of set) w.res.end();
    this.bySite.clear();
  }
}
