import { describe, expect, it } from 'vitest';
import { idlePhase, idlePolicyFor, NORMAL_IDLE, SENIOR_IDLE } from './idle.ts';

describe('idle phase', () => {
  it('is active for 60 s in normal mode, then counts down, then expires', () => {
    expect(idlePhase(0, 59_999, NORMAL_IDLE)).toEqual({ phase: 'active' });
    expect(idlePhase(0, 60_000, NORMAL_IDLE)).toEqual({ phase: 'countdown', secondsLeft: 15 });
    expect(idlePhase(0, 74_001, NORMAL_IDLE)).toEqual({ phase: 'countdown', secondsLeft: 1 });
    expect(idlePhase(0, 75_000, NORMAL_IDLE)).toEqual({ phase: 'expired' });
  });

  it('waits 120 s in 长辈模式', () => {
    expect(idlePolicyFor(true)).toBe(SENIOR_IDLE);
    expect(idlePhase(0, 119_999, SENIOR_IDLE)).toEqual({ phase: 'active' });
    expect(idlePhase(0, 120_000, SENIOR_IDLE)).toEqual({ phase: 'countdown', secondsLeft: 20 });
  });
});
