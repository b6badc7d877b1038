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

/** The delay after a failure when the region said how long to wait (503 with Retry-After): at least that, spread over up
 * to half as much again so the halls it turned away do not all come back in the same second; never less than the
 * back-off, never more than its ceiling. */
export function retryDelayMs(failures: number, random: number, retryAfterMs: number | null): number {
  const backoff = backoffDelayMs(failures, random);
  if (retryAfterMs === null) return backoff;
  return Math.min(BACKOFF_MAX_MS, Math.max(backoff, Math.round(retryAfterMs * (1 + random / 2))));
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: Date): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d{1,9}$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}
