import { describe, expect, it } from 'vitest';
import { RateLimit } from './rate-limit.ts';

describe('RateLimit', () => {
  it('lets `limit` requests through per window, then says how long to wait; a new window starts afresh', () => {
    const limit = new RateLimit({ limit: 3, windowMs: 60_000 });
    expect([limit.take('a', 0), limit.take('a', 1_000), limit.take('a', 2_000)]).toEqual([0, 0, 0]);
    expect(limit.take('a', 20_000)).toBe(40_000);
    expect(limit.take('b', 20_000)).toBe(0);
    expect(limit.take('a', 60_000)).toBe(0);
  });
});
