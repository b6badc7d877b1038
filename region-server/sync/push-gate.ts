// The cap on pushes in flight: each push holds a request body (up to 2 MiB) and waits for a pooled connection, so 3,000
// halls reconnecting at once after an outage must not all be let in. Past the cap a push is answered 503 with
// Retry-After before its body is read; the halls' back-off waits at least that long (hall-server/region-link/).
export const DEFAULT_MAX_PUSHES_IN_FLIGHT = 128;
/** Seconds a hall is told to wait when the region is full (it adds its own jitter on top). */
export const BUSY_RETRY_AFTER_S = 2;

export class PushGate {
  private count = 0;

  constructor(readonly limit = DEFAULT_MAX_PUSHES_IN_FLIGHT) {
    if (!Number.isSafeInteger(limit) || limit < 1) throw new Error(`the cap on pushes in flight must be a whole number ≥ 1, not ${limit}`);
  }

  get inFlight(): number {
    return this.count;
  }

  /** Takes a place; false when the region is full. Every true is followed by exactly one `leave`. */
  tryEnter(): boolean {
    if (this.count >= this.limit) return false;
    this.count += 1;
    return true;
  }

  leave(): void {
    this.count -= 1;
  }
}
