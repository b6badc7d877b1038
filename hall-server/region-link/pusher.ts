// Pushes the hall's durable event log to its region: from the persisted cursor (what the region last said it holds),
// in pages of the log, in signed batches within the protocol's limits, each with a batch id persisted before it is sent.
// A network error or a 5xx waits (1 s doubling to 5 min, with jitter) and tries again; each refusal code of
// SYNC_REFUSALS is handled on its own. It never runs inside a citizen's request: a hall serves whether or not the
// region answers.
import { MAX_BATCH_EVENTS, SYNC_REFUSALS, type SyncBatch, type SyncEvent } from '../../protocol/region/sync.ts';
import type { Logger } from '../core/log.ts';
import { retryDelayMs } from './backoff.ts';
import { fillBatch, OversizedEventError } from './batch.ts';
import { pushBatch, RegionRefusal, RegionUnreachable } from './client.ts';
import type { HallKey } from './hall-key.ts';
import type { LinkStore } from './store.ts';

export interface PusherDeps {
  store: LinkStore;
  key(): HallKey;
  /** Up to `limit` events after `afterSeq`, in seq order (one indexed page of the log). */
  readPage(afterSeq: number, limit: number): SyncEvent[];
  headSeq(): number;
  now(): Date;
  random(): number;
  tx<T>(fn: () => T): T;
  audit(action: string, details: Record<string, unknown>): void;
  log: Logger;
  /** After each round that reached the region and left nothing to send (the pack pull follows it). */
  onCaughtUp?(): void;
}

/** Waits this long after new events before pushing, so one push carries a burst of them. */
const GATHER_MS = 200;

export class Pusher {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private again = false;
  private closed = false;
  private failures = 0;
  /** While waiting after a failure: when the next attempt runs. */
  nextAttemptAt: Date | null = null;
  /** Why the last attempt failed (Chinese, for the console); null after a success. */
  lastProblem: string | null = null;

  constructor(private readonly deps: PusherDeps) {}

  /** New events were committed (or the link was just enrolled): push soon, unless waiting out a failure. */
  kick(delayMs = GATHER_MS): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) return;
    this.schedule(delayMs);
  }

  /** Retry now, even while waiting out a failure (a new enrolment). */
  now(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nextAttemptAt = null;
    this.failures = 0;
    this.kick(0);
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      this.nextAttemptAt = null;
      void this.round();
    }, ms);
    this.timer.unref();
  }

  private async round(): Promise<void> {
    if (this.closed || this.running) return;
    this.running = true;
    this.again = false;
    let retryIn: number | null = null;
    try {
      retryIn = await this.pushUntilCaughtUp();
    } catch (err) {
      this.deps.log.error('region push failed unexpectedly', err);
      retryIn = this.failed('推送出错，稍后自动重试');
    } finally {
      this.running = false;
    }
    if (this.closed) return;
    if (retryIn !== null) {
      this.nextAttemptAt = new Date(this.deps.now().getTime() + retryIn);
      this.schedule(retryIn);
    } else if (this.again) {
      this.kick();
    }
  }

  /** Pushes batch after batch; null when caught up or stopped, else the delay before the next attempt. */
  private async pushUntilCaughtUp(): Promise<number | null> {
    for (;;) {
      if (this.closed) return null;
      const link = this.deps.store.get();
      if (!link || link.stop_code) return null;
      const page = this.deps.readPage(link.held_through, MAX_BATCH_EVENTS);
      if (page.length === 0) {
        this.deps.onCaughtUp?.();
        return null;
      }
      if (page[0]!.seq !== link.held_through + 1) {
        // The log no longer has what the region lacks (purged by retention while the link was down): the region
        // would refuse the gap forever, so say so instead of knocking.
        this.deps.log.error(`region link: events ${link.held_through + 1}..${page[0]!.seq - 1} are no longer in the hall's log`);
        return this.failed(`大厅事件日志中第 ${link.held_through + 1}–${page[0]!.seq - 1} 条已按保留期清除，无法补发，请联系区域管理员`);
      }
      let events: SyncEvent[];
      try {
        events = fillBatch(page);
      } catch (err) {
        if (!(err instanceof OversizedEventError)) throw err;
        this.deps.log.error(`region link: ${err.message}`);
        return this.failed('有一条事件超过批次大小上限，无法推送，请联系技术支持');
      }
      const batchId = this.deps.tx(() => this.deps.store.takeBatchId(this.deps.now().getTime()));
      const batch: SyncBatch = { siteId: link.site_id, batchId, sentAt: this.deps.now().toISOString(), headSeq: this.deps.headSeq(), events };
      try {
        const answer = await pushBatch(link.region_url, JSON.stringify(batch), this.deps.key().privateKey);
        this.deps.tx(() => this.deps.store.held(answer.heldThrough, this.deps.now().toISOString()));
        this.failures = 0;
        this.lastProblem = null;
      } catch (err) {
        if (err instanceof RegionUnreachable) {
          this.deps.log.warn(`region push: ${err.message}`);
          if (err.retryAfterMs !== null) return this.failed('区域中心正忙，稍后自动重试；本大厅照常办理业务', err.retryAfterMs);
          return this.failed('区域中心暂时连不上，稍后自动重试；本大厅照常办理业务');
        }
        if (!(err instanceof RegionRefusal)) throw err;
        const next = this.refused(err, link.held_through);
        if (next !== 'resend') return next;
      }
    }
  }

  /** What a refusal means for the next step: resend at once (from what the region holds), wait, or stop (null). */
  private refused(refusal: RegionRefusal, cursor: number): 'resend' | number | null {
    const code = refusal.code as keyof typeof SYNC_REFUSALS | string;
    const at = this.deps.now().toISOString();
    switch (code) {
      case 'gap': {
        const held = refusal.heldThrough ?? cursor;
        this.deps.log.info(`region holds through ${held}; resending from there`);
        this.deps.tx(() => this.deps.store.held(held, at));
        // A gap that does not move the cursor would repeat: wait instead of looping.
        return held === cursor ? this.failed(refusal.message) : 'resend';
      }
      case 'batch_replayed':
        // The id is taken again, higher, on the next attempt.
        this.deps.log.warn('region saw this batch id before; sending with a new one');
        return this.failed(refusal.message);
      case 'site_fenced':
      case 'bad_signature':
      case 'unknown_site': {
        const message = code === 'site_fenced' ? refusal.message : `${refusal.message}：请在管理台用新的注册码重新注册`;
        this.deps.log.warn(`region stopped this hall's push: ${code}`);
        this.deps.tx(() => {
          this.deps.store.stop(code, message, at);
          this.deps.audit('region.push_stopped', { code, message, heldThrough: cursor });
        });
        this.lastProblem = message;
        return null;
      }
      default:
        this.deps.log.error(`region refused a batch: ${code}`);
        return this.failed(refusal.message);
    }
  }

  /** `retryAfterMs`: what the region asked for (503 with Retry-After); the wait is at least that. */
  private failed(problem: string, retryAfterMs: number | null = null): number {
    this.failures += 1;
    this.lastProblem = problem;
    return retryDelayMs(this.failures, this.deps.random(), retryAfterMs);
  }
}
