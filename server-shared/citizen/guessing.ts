// Slows token guessing on the public progress API, the hall's and the region's: per source address, misses beyond a
// free allowance owe a growing wait (the pure rule of accounts/throttle.ts). Kept in memory, bounded: a restart
// forgives, which costs a guesser nothing against 144-bit tokens.
import { delayAfter, liveFailures, type FailureCount, type ThrottleRule } from '../accounts/throttle.ts';

export const GUESS_RULE: ThrottleRule = { free: 20, baseMs: 1_000, maxMs: 10 * 60_000, forgetAfterMs: 3_600_000 };
const MAX_ADDRESSES = 10_000;

export class GuessThrottle {
  private readonly misses = new Map<string, FailureCount>();

  constructor(private readonly rule: ThrottleRule = GUESS_RULE) {}

  /** Milliseconds the address must still wait before its next try (0: go ahead). */
  waitMs(address: string, nowMs: number): number {
    const count = this.misses.get(address) ?? null;
    const failures = liveFailures(this.rule, count, nowMs);
    if (failures === 0 || !count) return 0;
    return Math.max(0, count.lastFailureMs + delayAfter(this.rule, failures) - nowMs);
  }

  miss(address: string, nowMs: number): void {
    const failures = liveFailures(this.rule, this.misses.get(address) ?? null, nowMs);
    this.misses.delete(address);
    if (this.misses.size >= MAX_ADDRESSES) {
      const oldest = this.misses.keys().next().value;
      if (oldest !== undefined) this.misses.delete(oldest);
    }
    this.misses.set(address, { failures: failures + 1, lastFailureMs: nowMs });
  }
}
