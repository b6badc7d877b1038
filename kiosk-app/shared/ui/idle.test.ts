import { describe, expect, it } from 'vitest';
import { HELP_HOLD_MS, helpHoldsIdle, idlePhase, idlePolicyFor, NORMAL_IDLE, SENIOR_IDLE, watchedIdlePhase } from './idle.ts';

describe('idle phase', () => {
  it('WCAG 2.2.1: is active for 60 s in normal mode, then counts down 20 s, then expires', () => {
    expect(idlePhase(0, 59_999, NORMAL_IDLE)).toEqual({ phase: 'active' });
    expect(idlePhase(0, 60_000, NORMAL_IDLE)).toEqual({ phase: 'countdown', secondsLeft: 20 });
    expect(idlePhase(0, 79_001, NORMAL_IDLE)).toEqual({ phase: 'countdown', secondsLeft: 1 });
    expect(idlePhase(0, 80_000, NORMAL_IDLE)).toEqual({ phase: 'expired' });
  });

  it('holds off the reset while a help request is open, for at most 10 minutes', () => {
    expect(helpHoldsIdle(null, 1_000)).toBe(false);
    expect(helpHoldsIdle(1_000, 1_000 + HELP_HOLD_MS - 1)).toBe(true);
    expect(helpHoldsIdle(1_000, 1_000 + HELP_HOLD_MS)).toBe(false);
  });

  it('waits 120 s in 长辈模式', () => {
    expect(idlePolicyFor(true)).toBe(SENIOR_IDLE);
    expect(idlePhase(0, 119_999, SENIOR_IDLE)).toEqual({ phase: 'active' });
    expect(idlePhase(0, 120_000, SENIOR_IDLE)).toEqual({ phase: 'countdown', secondsLeft: 20 });
  });

  it('WCAG 2.2.1: a terminal never resets without showing the countdown, even when its time jumps past it', () => {
    const jumped = watchedIdlePhase({ phase: 'active' }, 0, 90_000, NORMAL_IDLE);
    expect(jumped).toEqual({ phase: { phase: 'countdown', secondsLeft: 20 }, lastTouchAt: 30_000 });
    expect(watchedIdlePhase(jumped.phase, jumped.lastTouchAt, 110_000, NORMAL_IDLE).phase).toEqual({ phase: 'expired' });
    expect(watchedIdlePhase({ phase: 'active' }, 0, 59_000, NORMAL_IDLE)).toEqual({ phase: { phase: 'active' }, lastTouchAt: 0 });
  });
});
