import { describe, expect, it } from 'vitest';
import { BACKOFF_MAX_MS, backoffDelayMs } from './backoff.ts';

describe('back-off after failures', () => {
  it('starts at 1 s, doubles and stops at 5 min, with the jitter in the upper half of each step', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, 0.999999))).toEqual([1000, 2000, 4000, 8000]);
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, 0))).toEqual([500, 1000, 2000, 4000]);
    expect(backoffDelayMs(9, 0.999999)).toBe(256_000);
    expect(backoffDelayMs(10, 0.999999)).toBe(BACKOFF_MAX_MS);
    expect(backoffDelayMs(1_000, 0)).toBe(BACKOFF_MAX_MS / 2);
  });
});
