// The patient timer on fake timers: a stalled event loop does not use up the device's time.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PatientTimer } from './patient-timer.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('PatientTimer', () => {
  it('expires after its time when the loop is free', () => {
    vi.useFakeTimers();
    let expired = false;
    new PatientTimer(400, () => (expired = true), 50, () => Date.now());
    vi.advanceTimersByTime(399);
    expect(expired).toBe(false);
    vi.advanceTimersByTime(1);
    expect(expired).toBe(true);
  });

  it('does not expire on a step that overran: a 2 s stall of the loop counts as one step, not as the device being silent', () => {
    vi.useFakeTimers();
    let expired = false;
    new PatientTimer(1_000, () => (expired = true), 50, () => Date.now());
    vi.advanceTimersByTime(900);
    // The loop is held up (the clock runs on, no timer can fire), then runs again.
    vi.setSystemTime(Date.now() + 2_000);
    vi.advanceTimersByTime(50);
    expect(expired).toBe(false);
    vi.advanceTimersByTime(50);
    expect(expired).toBe(true);
  });

  it('still expires on a loop that stays busy, once five times its time has gone by', () => {
    vi.useFakeTimers();
    let expired = false;
    new PatientTimer(100, () => (expired = true), 50, () => Date.now());
    for (let i = 0; i < 4 && !expired; i++) {
      vi.setSystemTime(Date.now() + 150);
      vi.advanceTimersByTime(50);
    }
    expect(expired).toBe(true);
  });

  it('can be cancelled', () => {
    vi.useFakeTimers();
    let expired = false;
    const timer = new PatientTimer(100, () => (expired = true), 50, () => Date.now());
    timer.cancel();
    vi.advanceTimersByTime(1_000);
    expect(expired).toBe(false);
  });
});
