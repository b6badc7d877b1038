// How long `npm start` waits before starting a crashed child again: doubling from 1 s up to 30 s, and back to 1 s
// once the child has stayed up for a minute (a crash loop slows down; a rare crash restarts at once).
export const FIRST_RESTART_DELAY_MS = 1_000;
export const MAX_RESTART_DELAY_MS = 30_000;
export const STABLE_AFTER_MS = 60_000;

/** `failures` is the number of crashes in a row, counting this one (1 for the first). */
export function restartDelayMs(failures: number): number {
  return Math.min(MAX_RESTART_DELAY_MS, FIRST_RESTART_DELAY_MS * 2 ** Math.max(0, failures - 1));
}

/** Crashes in a row after a child that ran `uptimeMs` stopped, given how many there were before. */
export function failuresAfterCrash(previousFailures: number, uptimeMs: number): number {
  return uptimeMs >= STABLE_AFTER_MS ? 1 : previousFailures + 1;
}
