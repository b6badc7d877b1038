import { describe, expect, it } from 'vitest';
import { afterFailure, delayAfter, LOGIN_RULE, waitFor, waitMessage, type FailureCount } from './throttle.ts';

describe('growing delays', () => {
  it('lets the first 3 failures go, then doubles the wait from 1 s up to 15 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map((n) => delayAfter(LOGIN_RULE, n))).toEqual([0, 0, 0, 1_000, 2_000, 4_000, 64_000]);
    expect(delayAfter(LOGIN_RULE, 40)).toBe(15 * 60_000);
  });

  it('counts the wait from the last failure and forgets a key after a quiet day', () => {
    let count: FailureCount | null = null;
    for (let i = 0; i < 5; i++) count = afterFailure(LOGIN_RULE, count, 10_000);
    expect(waitFor(LOGIN_RULE, count, 10_000)).toBe(2_000);
    expect(waitFor(LOGIN_RULE, count, 11_500)).toBe(500);
    expect(waitFor(LOGIN_RULE, count, 12_000)).toBe(0);
    const later = 10_000 + LOGIN_RULE.forgetAfterMs;
    expect(waitFor(LOGIN_RULE, count, later)).toBe(0);
    expect(afterFailure(LOGIN_RULE, count, later)).toEqual({ failures: 1, lastFailureMs: later });
  });

  it('says how long to wait in Chinese', () => {
    expect(waitMessage(1_200)).toBe('尝试次数过多，请 2 秒后再试');
    expect(waitMessage(15 * 60_000)).toBe('尝试次数过多，请 15 分钟后再试');
  });
});
