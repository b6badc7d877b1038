import { signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { quietAfterCalls } from './quiet.ts';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('board quiet for an update', () => {
  it('is quiet a minute after start when nothing is read', () => {
    const { quiet } = quietAfterCalls(signal(null));
    vi.advanceTimersByTime(59_999);
    expect(quiet.value).toBe(false);
    vi.advanceTimersByTime(1);
    expect(quiet.value).toBe(true);
  });

  it('is not quiet while a call is read, and only a full minute after the last one ends', () => {
    const speaking = signal<string | null>(null);
    const { quiet } = quietAfterCalls(speaking);
    vi.advanceTimersByTime(60_000);
    speaking.value = 'A001';
    expect(quiet.value).toBe(false);
    vi.advanceTimersByTime(120_000);
    expect(quiet.value).toBe(false);
    speaking.value = null;
    vi.advanceTimersByTime(30_000);
    speaking.value = 'A002';
    speaking.value = null;
    vi.advanceTimersByTime(59_000);
    expect(quiet.value).toBe(false);
    vi.advanceTimersByTime(1_000);
    expect(quiet.value).toBe(true);
  });
});
