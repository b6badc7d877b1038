import { describe, expect, it } from 'vitest';
import { recentMonths } from './today.ts';

describe('recentMonths', () => {
  it('counts back across a year end, newest first', () => {
    expect(recentMonths('2026-02', 4)).toEqual(['2026-02', '2026-01', '2025-12', '2025-11']);
  });
});
