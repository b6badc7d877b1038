// The outbox's sending loop, independent of where items are kept (IndexedDB on the pad, memory in a benchmark):
// send oldest first; an acknowledged or finally refused item leaves the store, anything else stays and is retried
// with backoff. Browser-safe and Node-safe.
import type { SubmitRatingRequest } from '../../protocol/hall/ratings.ts';
import { classify, retryDelayMs } from './outbox-policy.ts';

export interface OutboxItem {
  window: number;
  request: SubmitRatingRequest;
  queuedAt: string;
  attempts: number;
}

export interface RefusedItem extends OutboxItem {
  code: string;
  message: string;
}

export interface OutboxStore {
  all(): Promise<OutboxItem[]>;
  put(item: OutboxItem): Promise<void>;
  remove(id: string): Promise<void>;
  refuse(item: RefusedItem): Promise<void>;
}

/** status 0 = unreachable. */
export type Send = (item: OutboxItem) => Promise<{ status: number; code: string; message: string }>;

export class OutboxLoop {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;
  private failures = 0;

  constructor(
    private readonly store: OutboxStore,
    private readonly send: Send,
    private readonly changed: () => Promise<void> = async () => {},
  ) {}

  async add(window: number, request: SubmitRatingRequest, now: Date = new Date()): Promise<void> {
    await this.store.put({ window, request, queuedAt: now.toISOString(), attempts: 0 });
    await this.changed();
    this.kick();
  }

  /** Send now, forgetting the backoff (new item, or the hall connection came back). */
  kick(): void {
    this.failures = 0;
    void this.drain();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  /** Sends until the store is empty or a send must be retried later. Resolves when the running pass ends. */
  drain(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(): Promise<void> {
    do {
      this.again = false;
      const items = (await this.store.all()).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
      for (const item of items) {
        if (this.closed) return;
        const result = await this.send(item);
        const outcome = classify(result.status);
        if (outcome === 'acknowledged') await this.store.remove(item.request.id);
        else if (outcome === 'refused') {
          await this.store.refuse({ ...item, code: result.code, message: result.message });
          await this.store.remove(item.request.id);
        } else {
          await this.store.put({ ...item, attempts: item.attempts + 1 });
          await this.changed();
          this.failures++;
          clearTimeout(this.timer);
          if (!this.closed) this.timer = setTimeout(() => void this.drain(), retryDelayMs(this.failures - 1));
          return;
        }
        this.failures = 0;
        await this.changed();
      }
    } while (this.again && !this.closed);
  }
}

/** An in-memory store (benchmarks, unit tests). */
export class MemoryOutboxStore implements OutboxStore {
  readonly items = new Map<string, OutboxItem>();
  readonly refused: RefusedItem[] = [];
  async all() {
    return [...this.items.values()];
  }
  async put(item: OutboxItem) {
    this.items.set(item.request.id, item);
  }
  async remove(id: string) {
    this.items.delete(id);
  }
  async refuse(item: RefusedItem) {
    this.refused.push(item);
  }
}
