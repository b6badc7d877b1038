import { describe, expect, it } from 'vitest';
import { classify, retryDelayMs } from './outbox-policy.ts';

describe('outbox policy', () => {
  it('backs off exponentially up to 30 s with bounded jitter', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((a) => retryDelayMs(a, 0.5))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(retryDelayMs(0, 0)).toBe(750);
    expect(retryDelayMs(0, 1)).toBe(1250);
  });
  it('acknowledges 2xx, refuses final 4xx, retries the rest', () => {
    expect([200, 201].map(classify)).toEqual(['acknowledged', 'acknowledged']);
    expect([400, 403, 404, 409].map(classify)).toEqual(['refused', 'refused', 'refused', 'refused']);
    expect([0, 401, 408, 429, 500, 502, 503].map(classify)).toEqual(['retry', 'retry', 'retry', 'retry', 'retry', 'retry', 'retry']);
  });
});
