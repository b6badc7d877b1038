import { describe, expect, it } from 'vitest';
import { BACKOFF_MAX_MS, backoffDelayMs, parseRetryAfter, retryDelayMs } from './backoff.ts';

describe('back-off after failures', () => {
  it('starts at 1 s, doubles and stops at 5 min, with the jitter in the upper half of each step', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, 0.999999))).toEqual([1000, 2000, 4000, 8000]);
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, 0))).toEqual([500, 1000, 2000, 4000]);
    expect(backoffDelayMs(9, 0.999999)).toBe(256_000);
    expect(backoffDelayMs(10, 0.999999)).toBe(BACKOFF_MAX_MS);
    expect(backoffDelayMs(1_000, 0)).toBe(BACKOFF_MAX_MS / 2);
  });
});

describe('a region that says how long to wait (503 with Retry-After)', () => {
  it('is left alone at least that long, spread over up to half as much again, within the back-off ceiling', () => {
    expect(retryDelayMs(1, 0, 2_000)).toBe(2_000);
    expect(retryDelayMs(1, 0.999999, 2_000)).toBe(3_000);
    expect(retryDelayMs(6, 0.999999, 2_000)).toBe(32_000);
    expect(retryDelayMs(1, 0.5, null)).toBe(backoffDelayMs(1, 0.5));
    expect(retryDelayMs(1, 0, 3_600_000)).toBe(BACKOFF_MAX_MS);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = new Date('2026-12-04T00:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2_000);
    expect(parseRetryAfter('Fri, 04 Dec 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
