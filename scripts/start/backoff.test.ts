import { describe, expect, it } from 'vitest';
import { failuresAfterCrash, restartDelayMs } from './backoff.ts';

describe('restart backoff of npm start', () => {
  it('doubles from 1 s and stops at 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map(restartDelayMs)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('counts crashes in a row, starting again after a child that ran for a minute', () => {
    expect(failuresAfterCrash(0, 500)).toBe(1);
    expect(failuresAfterCrash(3, 59_999)).toBe(4);
    expect(failuresAfterCrash(5, 60_000)).toBe(1);
  });
});
