// Per-address request budget for a public read (the site page's API, at the hall and at the region): at most `limit` requests in each window of
// `windowMs`; beyond it the address is told how long to wait. In memory and bounded (the oldest address is forgotten
// first): a restart forgives, which is fine for counts that are public anyway.
export interface RateRule {
  limit: number;
  windowMs: number;
}

/** A phone polls every 30 s; 60 a minute leaves room for a family's phones behind one carrier address. */
export const SITE_PAGE_RATE: RateRule = { limit: 60, windowMs: 60_000 };
const MAX_ADDRESSES = 10_000;

export class RateLimit {
  private readonly windows = new Map<string, { startMs: number; count: number }>();

  constructor(private readonly rule: RateRule = SITE_PAGE_RATE) {}

  /** Counts the request; answers 0 when it may go ahead, else the milliseconds until the address may ask again. */
  take(address: string, nowMs: number): number {
    let entry = this.windows.get(address);
    if (!entry || nowMs - entry.startMs >= this.rule.windowMs) {
      this.windows.delete(address);
      if (this.windows.size >= MAX_ADDRESSES) {
        const oldest = this.windows.keys().next().value;
        if (oldest !== undefined) this.windows.delete(oldest);
      }
      entry = { startMs: nowMs, count: 0 };
      this.windows.set(address, entry);
    }
    if (entry.count >= this.rule.limit) return entry.startMs + this.rule.windowMs - nowMs;
    entry.count++;
    return 0;
  }
}
