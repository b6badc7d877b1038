import { describe, expect, it } from 'vitest';
import { percent, rates } from './rating-stats.ts';

describe('statistics formulas', () => {
  it('computes satisfaction, average, coverage, closure and on-time', () => {
    const r = rates({ finished: 40, rated: 20, bad: 2, scoreSum: 86, unrated: 20 }, { cases: 2, closed: 1, closedOnTime: 1 });
    expect(r).toEqual({ satisfaction: 0.9, average: 4.3, coverage: 0.5, closure: 0.5, onTime: 1 });
    expect(percent(r.satisfaction)).toBe('90.0%');
    expect(percent(2 / 3)).toBe('66.7%');
    expect(rates({ finished: 0, rated: 0, bad: 0, scoreSum: 0, unrated: 0 }, { cases: 0, closed: 0, closedOnTime: 0 })).toEqual({
      satisfaction: null, average: null, coverage: null, closure: null, onTime: null,
    });
    expect(percent(null)).toBe('—');
  });
});
