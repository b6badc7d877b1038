// Repeated log lines from a noisy device, at most once per window: lines that differ only in their numbers count as
// the same line, and the next one let through says how many were held back.
import type { Logger } from './log.ts';

export const DEFAULT_REPEAT_WINDOW_MS = 30_000;
const FORGET_AFTER_ENTRIES = 256;

interface Seen {
  since: number;
  heldBack: number;
}

export function limitRepeats(log: Logger, windowMs = DEFAULT_REPEAT_WINDOW_MS, now: () => number = Date.now): Logger {
  const seen = new Map<string, Seen>();
  return (level, message) => {
    const at = now();
    const key = `${level} ${message.replace(/\d+/g, '#')}`;
    const entry = seen.get(key);
    if (entry && at - entry.since < windowMs) {
      entry.heldBack++;
      return;
    }
    if (seen.size >= FORGET_AFTER_ENTRIES) {
      for (const [old, value] of seen) if (at - value.since >= windowMs) seen.delete(old);
    }
    seen.set(key, { since: at, heldBack: 0 });
    const note = entry && entry.heldBack > 0 ? ` (${entry.heldBack} more like this in the ${Math.round((at - entry.since) / 1000)} s before)` : '';
    log(level, message + note);
  };
}
