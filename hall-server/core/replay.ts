// Resume after a reconnect, without stalling the hall: the events a client missed are read in pages of at most
// REPLAY_PAGE_ROWS rows, one page per event-loop turn, keeping only those its role may see. When the missed events would
// be more to send than a fresh snapshot (or more rows than a replay is worth reading), the client gets the snapshot.
import type { EventLog } from './events.ts';
import { visibleTo } from './events.ts';
import type { HallEvent, Principal } from './module.ts';

/** Rows read in one synchronous step (≈ 1–3 ms of SQLite and JSON on a small hall machine). */
export const REPLAY_PAGE_ROWS = 256;
/** A gap of more rows than this is answered with a snapshot at once, without reading it. */
export const MAX_REPLAY_ROWS = 4096;
/** A replay up to this size is sent even when the snapshot is smaller: a page applies a few events more smoothly than a
 * snapshot, and this is far below the socket's buffer limit. */
export const REPLAY_BYTES_FLOOR = 64 * 1024;

export type ReplayPlan = { kind: 'snapshot' } | { kind: 'events'; events: HallEvent[]; upTo: number };

export interface ReplayOptions {
  /** Bytes of the snapshot the client would get instead: a replay larger than this (and than REPLAY_BYTES_FLOOR) is not
   * worth sending. Asked only once a replay passes REPLAY_BYTES_FLOOR. */
  snapshotBytes: () => number;
  /** Waits for the next event-loop turn between two pages. */
  nextTurn?: () => Promise<void>;
  /** Told the number of rows of each page read (for tests and benches). */
  onPage?: (rows: number) => void;
}

const setImmediateTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Plans the resume of a client that has applied every event up to `fromSeq`. Never reads more than one page per turn. */
export async function planReplay(log: EventLog, principal: Principal, fromSeq: number, options: ReplayOptions): Promise<ReplayPlan> {
  const upTo = log.lastSeq();
  if (fromSeq > upTo) return { kind: 'snapshot' };
  if (upTo - fromSeq > MAX_REPLAY_ROWS) return { kind: 'snapshot' };
  const nextTurn = options.nextTurn ?? setImmediateTurn;
  const events: HallEvent[] = [];
  let maxBytes = REPLAY_BYTES_FLOOR;
  let askedSnapshot = false;
  let bytes = 0;
  let expected = fromSeq + 1;
  while (expected <= upTo) {
    const page = log.page(expected - 1, upTo, REPLAY_PAGE_ROWS);
    options.onPage?.(page.length);
    for (const event of page) {
      // Seqs are gap-free: a missing one was purged (before or during the replay), so only a snapshot is complete.
      if (event.seq !== expected) return { kind: 'snapshot' };
      expected++;
      if (!visibleTo(event, principal)) continue;
      bytes += JSON.stringify(event.data).length + 80;
      if (bytes > maxBytes) {
        if (askedSnapshot) return { kind: 'snapshot' };
        askedSnapshot = true;
        maxBytes = Math.max(maxBytes, options.snapshotBytes());
        if (bytes > maxBytes) return { kind: 'snapshot' };
      }
      events.push(event);
    }
    if (page.length === 0) return { kind: 'snapshot' };
    if (expected <= upTo) await nextTurn();
  }
  return { kind: 'events', events, upTo };
}
