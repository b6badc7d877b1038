// Heartbeats are not history: a terminal beats every few seconds, and writing each beat into the durable event log
// filled it with tens of thousands of `terminal.seen` rows a day that every resuming client then had to read. A beat
// becomes an event only when what the console shows of the terminal changed (pack version, device health, online),
// or, to keep its 最近在线 time roughly current, when the last event for that terminal is older than `refreshMs`.
import type { TerminalView } from '../../protocol/hall/index.ts';

/** Ten minutes: 20 terminals make at most ~2,900 events a day instead of ~57,600. */
export const SEEN_EVENT_REFRESH_MS = 10 * 60_000;

interface Published {
  state: string;
  atMs: number;
}

export class SeenEventCoalescer {
  private readonly last = new Map<string, Published>();

  constructor(private readonly refreshMs = SEEN_EVENT_REFRESH_MS) {}

  /** Whether this beat's view is worth an event; records it as published when it is. */
  shouldPublish(view: TerminalView, nowMs: number): boolean {
    const state = JSON.stringify([view.packVersion, view.devices, view.online, view.revoked, view.name]);
    const previous = this.last.get(view.id);
    if (previous && previous.state === state && nowMs - previous.atMs < this.refreshMs) return false;
    this.last.set(view.id, { state, atMs: nowMs });
    return true;
  }

  /** Forgets a terminal (revoked): its next beat, if any, is published. */
  forget(id: string): void {
    this.last.delete(id);
  }
}
