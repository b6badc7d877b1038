// Growing delays for password and pairing-code guessing, per key (a source address, or an account as tried from one
// address). The first few failures cost nothing; after that each failure doubles the wait before the next attempt
// from that key, up to a cap. A success clears the key. Nothing is locked for everyone: a stranger guessing from their
// own address slows only themselves, and the real person at another desk signs in at once. Pure: the caller keeps
// the counters (in SQLite, so a restart does not reset them).

export interface ThrottleRule {
  /** Failures allowed before any delay. */
  free: number;
  /** Delay after the first failure beyond `free`; doubles with each further failure. */
  baseMs: number;
  maxMs: number;
  /** A key with no failure for this long starts again from zero. */
  forgetAfterMs: number;
}

export interface FailureCount {
  failures: number;
  lastFailureMs: number;
}

export const LOGIN_RULE: ThrottleRule = { free: 3, baseMs: 1_000, maxMs: 15 * 60_000, forgetAfterMs: 24 * 3_600_000 };
/** One account tried from many addresses. Not applied at an address where the account signed in lately (its owner's
 * desk), so a guesser spread over the LAN slows every place but the real person's. */
export const ACCOUNT_RULE: ThrottleRule = { free: 20, baseMs: 1_000, maxMs: 15 * 60_000, forgetAfterMs: 24 * 3_600_000 };
export const KNOWN_ADDRESS_MS = 30 * 24 * 3_600_000;
export const PAIRING_RULE: ThrottleRule = { free: 5, baseMs: 1_000, maxMs: 15 * 60_000, forgetAfterMs: 24 * 3_600_000 };

/** The failures that still count at `nowMs`. */
export function liveFailures(rule: ThrottleRule, count: FailureCount | null, nowMs: number): number {
  if (!count || nowMs - count.lastFailureMs >= rule.forgetAfterMs) return 0;
  return count.failures;
}

/** Delay a key owes after `failures` failures. */
export function delayAfter(rule: ThrottleRule, failures: number): number {
  const over = failures - rule.free;
  if (over <= 0) return 0;
  return Math.min(rule.maxMs, rule.baseMs * 2 ** Math.min(over - 1, 30));
}

/** Milliseconds to wait before the next attempt from this key; 0 when it may try now. */
export function waitFor(rule: ThrottleRule, count: FailureCount | null, nowMs: number): number {
  const failures = liveFailures(rule, count, nowMs);
  if (failures === 0) return 0;
  return Math.max(0, count!.lastFailureMs + delayAfter(rule, failures) - nowMs);
}

export function afterFailure(rule: ThrottleRule, count: FailureCount | null, nowMs: number): FailureCount {
  return { failures: liveFailures(rule, count, nowMs) + 1, lastFailureMs: nowMs };
}

/** "请 N 秒后再试" / "请 N 分钟后再试". */
export function waitMessage(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds < 120 ? `尝试次数过多，请 ${seconds} 秒后再试` : `尝试次数过多，请 ${Math.ceil(seconds / 60)} 分钟后再试`;
}
