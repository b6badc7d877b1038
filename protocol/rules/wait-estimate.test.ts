import { describe, expect, it } from 'vitest';
import { estimateWaitMinutes, measuredOf, minutesPerPerson, PRIOR_MINUTES_PER_PERSON } from './wait-estimate.ts';

describe('minutesPerPerson', () => {
  it('is the prior before anything is measured', () => {
    expect(minutesPerPerson(measuredOf([]))).toBe(PRIOR_MINUTES_PER_PERSON);
  });
  it('moves towards the measured mean as services are measured', () => {
    expect(minutesPerPerson(measuredOf([2, 2, 2]))).toBe(4);
    const many = Array.from({ length: 97 }, () => 2);
    expect(minutesPerPerson(measuredOf(many))).toBeCloseTo((6 * 3 + 2 * 97) / 100, 10);
  });
  it('ignores impossible measurements', () => {
    expect(minutesPerPerson(measuredOf([Number.NaN, -1, Number.POSITIVE_INFINITY]))).toBe(PRIOR_MINUTES_PER_PERSON);
  });
});

describe('estimateWaitMinutes', () => {
  it('is 0 with nobody ahead', () => {
    expect(estimateWaitMinutes({ peopleAhead: 0, openWindows: 2, measured: measuredOf([10]) })).toBe(0);
  });
  it('divides by the open windows and rounds up', () => {
    expect(estimateWaitMinutes({ peopleAhead: 5, openWindows: 2, measured: measuredOf([2, 2, 2]) })).toBe(10);
    expect(estimateWaitMinutes({ peopleAhead: 1, openWindows: 3, measured: measuredOf([]) })).toBe(2);
  });
  it('assumes one window when none is open', () => {
    expect(estimateWaitMinutes({ peopleAhead: 3, openWindows: 0, measured: measuredOf([]) })).toBe(18);
  });
  it('is at least one minute when someone waits ahead', () => {
    expect(estimateWaitMinutes({ peopleAhead: 1, openWindows: 10, measured: measuredOf(Array.from({ length: 50 }, () => 0.1)) })).toBe(1);
  });
});
