// When to try the region again after a network error or a 5xx: 1 s doubling up to 5 min, with jitter so that the
// halls of a region that comes back do not all knock at once. Pure.
export const BACKOFF_FIRST_MS = 1_000;
export const BACKOFF_MAX_MS = 5 * 60_000;

/** The delay before attempt `failures + 1` after `failures` failures in a row (≥ 1): a random point in the upper half
 * of the doubled step, so it still grows but two halls rarely collide. `random` is in [0, 1). */
export function backoffDelayMs(failures: number, random: number): number {
  const step = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** Math.max(0, Math.min(failures - 1, 30)));
  return Math.round(step / 2 + (step / 2) * random);
}
