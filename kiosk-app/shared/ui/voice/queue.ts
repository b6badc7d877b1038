import { signal, type ReadonlySignal } from '@preact/signals';

/** Plays one clip sequence to its end. The board's player joins offline clips; tests use a recording fake. */
export interface ClipPlayer {
  play(clips: readonly string[]): Promise<void>;
}

export interface Announcement {
  /** Clip sequence of one reading (chime included). */
  clips: readonly string[];
  /** How many times it is read (from the pack); at least 1. */
  repeat: number;
  /** Caption shown while it plays. */
  text: string;
}

/** Announcements play one after the other, each to its end: a new call never cuts one off. A failed clip sequence
 * (missing file, audio error) is skipped so the queue never stalls. */
export class AnnouncementQueue {
  private readonly pending: Announcement[] = [];
  private running = false;
  private readonly speaking = signal<Announcement | null>(null);
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly player: ClipPlayer,
    private readonly opts: { gapMs?: number; sleep?: (ms: number) => Promise<void>; onError?: (error: unknown) => void } = {},
  ) {}

  /** The announcement being read now, or null. */
  get current(): ReadonlySignal<Announcement | null> {
    return this.speaking;
  }

  get waiting(): number {
    return this.pending.length;
  }

  enqueue(announcement: Announcement): void {
    this.pending.push(announcement);
    if (!this.running) void this.drain();
  }

  /** Resolves when nothing is playing or waiting. */
  whenIdle(): Promise<void> {
    if (!this.running && this.pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async drain(): Promise<void> {
    this.running = true;
    const sleep = this.opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    const gapMs = this.opts.gapMs ?? 600;
    while (this.pending.length > 0) {
      const next = this.pending.shift()!;
      this.speaking.value = next;
      const times = Math.max(1, Math.floor(next.repeat));
      for (let i = 0; i < times; i++) {
        try {
          await this.player.play(next.clips);
        } catch (error) {
          this.opts.onError?.(error);
        }
        if (i < times - 1 || this.pending.length > 0) await sleep(gapMs);
      }
    }
    this.speaking.value = null;
    this.running = false;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
