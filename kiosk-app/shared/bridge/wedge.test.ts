import { describe, expect, it } from 'vitest';
import { WedgeScanDetector } from './wedge.ts';

function typeKeys(detector: WedgeScanDetector, keys: string[], start: number, gapMs: number): (string | null)[] {
  return keys.map((key, index) => detector.feed({ key, time: start + index * gapMs }));
}

describe('WedgeScanDetector', () => {
  it('reports a burst of keys ending in Enter as one scan', () => {
    const detector = new WedgeScanDetector();
    const results = typeKeys(detector, [...'HX0102030405', 'Enter'], 1000, 4);
    expect(results.slice(0, -1).every((result) => result === null)).toBe(true);
    expect(results.at(-1)).toBe('HX0102030405');
  });

  it('leaves slow typing alone', () => {
    const detector = new WedgeScanDetector();
    const results = typeKeys(detector, [...'123456789', 'Enter'], 0, 120);
    expect(results.every((result) => result === null)).toBe(true);
  });

  it('ignores a fast burst shorter than the minimum length', () => {
    const detector = new WedgeScanDetector({ minLength: 6 });
    expect(typeKeys(detector, [...'12', 'Enter'], 0, 3).at(-1)).toBeNull();
  });

  it('drops the typed prefix when the scan starts after a pause', () => {
    const detector = new WedgeScanDetector();
    detector.feed({ key: 'a', time: 0 });
    detector.feed({ key: 'b', time: 200 });
    expect(typeKeys(detector, [...'T202611220001', 'Enter'], 900, 5).at(-1)).toBe('T202611220001');
  });

  it('does not treat a slow Enter after one key as part of a burst', () => {
    const detector = new WedgeScanDetector();
    detector.feed({ key: 'a', time: 0 });
    expect(detector.continuesBurst(10)).toBe(true);
    expect(detector.continuesBurst(300)).toBe(false);
  });

  it('drops the same code scanned again within 2 s', () => {
    const detector = new WedgeScanDetector();
    const scan = (start: number) => typeKeys(detector, [...'EC0123456789', 'Enter'], start, 3).at(-1);
    expect([scan(0), scan(1_000), scan(3_100)]).toEqual(['EC0123456789', null, 'EC0123456789']);
  });
});
