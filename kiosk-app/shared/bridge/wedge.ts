// Keyboard-wedge scanners type their payload as fast keystrokes ending in Enter. A person types far slower,
// so a burst of keys with short gaps is a scan; anything slower is typing and is left alone.

export interface WedgeOptions {
  /** Longest gap between two keys of one scan. Scanners send a key every 1–10 ms; people rarely under 50 ms. */
  maxGapMs?: number;
  /** Fewer characters than this is not a scan (e.g. a fast double tap). */
  minLength?: number;
  /** The same code again within this time is the scanner re-reading a code held under it, and is dropped. */
  duplicateWindowMs?: number;
}

export interface WedgeKey {
  key: string;
  /** Event time in milliseconds (KeyboardEvent.timeStamp). */
  time: number;
}

/** Pure detector: feed it keys, it returns the scanned text when Enter ends a burst, otherwise null. */
export class WedgeScanDetector {
  private buffer = '';
  private lastTime = Number.NEGATIVE_INFINITY;
  private lastScan = '';
  private lastScanTime = Number.NEGATIVE_INFINITY;
  private readonly maxGapMs: number;
  private readonly minLength: number;
  private readonly duplicateWindowMs: number;

  constructor(options: WedgeOptions = {}) {
    this.maxGapMs = options.maxGapMs ?? 35;
    this.minLength = options.minLength ?? 6;
    this.duplicateWindowMs = options.duplicateWindowMs ?? 2_000;
  }

  /** True when a key at `time` would continue a burst already under way. */
  continuesBurst(time: number): boolean {
    return this.buffer.length > 0 && time - this.lastTime <= this.maxGapMs;
  }

  feed({ key, time }: WedgeKey): string | null {
    const gap = time - this.lastTime;
    this.lastTime = time;
    if (gap > this.maxGapMs) this.buffer = '';
    if (key === 'Enter') {
      const scanned = this.buffer;
      this.buffer = '';
      if (scanned.length < this.minLength) return null;
      const duplicate = scanned === this.lastScan && time - this.lastScanTime < this.duplicateWindowMs;
      this.lastScan = scanned;
      this.lastScanTime = time;
      return duplicate ? null : scanned;
    }
    if (key.length === 1) this.buffer += key;
    else if (key !== 'Shift') this.buffer = '';
    return null;
  }
}

/** Listens on a window or element; calls `onScan` for every scan and keeps the scanner's Enter from submitting forms. */
export function listenForWedgeScans(target: EventTarget, onScan: (payload: string) => void, options: WedgeOptions = {}): () => void {
  const detector = new WedgeScanDetector(options);
  const handler = (event: Event) => {
    const keyEvent = event as KeyboardEvent;
    const wasBurst = detector.continuesBurst(keyEvent.timeStamp);
    const scanned = detector.feed({ key: keyEvent.key, time: keyEvent.timeStamp });
    if (scanned !== null) {
      keyEvent.preventDefault();
      onScan(scanned);
    } else if (wasBurst && keyEvent.key === 'Enter') {
      // A burst that was too short or a duplicate: still the scanner's Enter, not the person's.
      keyEvent.preventDefault();
    }
  };
  target.addEventListener('keydown', handler, true);
  return () => target.removeEventListener('keydown', handler, true);
}
