// What the outbox does with a send attempt's outcome, and how long it waits before the next try. Pure.

/** Retry delays grow 1 s, 2 s, 4 s … up to 30 s, with ±25% jitter so 60 pads do not retry in lockstep. */
export function retryDelayMs(attempt: number, random: number = Math.random()): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.75 + random * 0.5));
}

export type SendOutcome = 'acknowledged' | 'refused' | 'retry';

/**
 * 2xx: stored (or stored before: same id). A 4xx about the rating itself (already rated, expired, invalid, other window)
 * will never succeed: it is kept aside as refused, not retried. Unreachable, 5xx, 401 (terminal not paired yet),
 * 408/429 and 503: try again later.
 */
export function classify(status: number): SendOutcome {
  if (status >= 200 && status < 300) return 'acknowledged';
  if (status === 0 || status === 401 || status === 408 || status === 429 || status >= 500) return 'retry';
  if (status >= 400) return 'refused';
  return 'retry';
}
