// Slows down guessing of the admin password and of pairing codes: after too many failures in a window of time,
// further attempts are refused for a while (pure; the clock is passed in).
export class FailureLimiter {
  private failures: number[] = [];

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
  ) {}

  /** Milliseconds until another attempt is allowed; 0 when allowed now. */
  blockedFor(nowMs: number): number {
    this.failures = this.failures.filter((t) => nowMs - t < this.windowMs);
    if (this.failures.length < this.maxFailures) return 0;
    return this.failures[0]! + this.windowMs - nowMs;
  }

  fail(nowMs: number): void {
    this.failures.push(nowMs);
  }
}
