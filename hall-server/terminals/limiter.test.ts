import { describe, expect, it } from 'vitest';
import { FailureLimiter } from './limiter.ts';

describe('FailureLimiter', () => {
  it('blocks after the maximum failures until the oldest one leaves the window', () => {
    const limiter = new FailureLimiter(3, 60_000);
    for (const t of [0, 1000, 2000]) {
      expect(limiter.blockedFor(t)).toBe(0);
      limiter.fail(t);
    }
    expect(limiter.blockedFor(3000)).toBe(57_000);
    expect(limiter.blockedFor(59_999)).toBe(1);
    expect(limiter.blockedFor(60_000)).toBe(0);
  });
});
