import { describe, expect, it } from 'vitest';
import type { SyncEvent } from '../../protocol/region/sync.ts';
import { fillBatch, OversizedEventError } from './batch.ts';

const event = (seq: number, text = 'x'): SyncEvent => ({ seq, type: 'ticket.issued', at: '2026-12-01T01:00:00.000Z', data: { text } });

describe('filling a batch', () => {
  it('takes at most the event limit, in order', () => {
    const page = Array.from({ length: 12 }, (_, i) => event(i + 1));
    expect(fillBatch(page, 5).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('stops before the byte limit, counting the envelope', () => {
    const page = Array.from({ length: 10 }, (_, i) => event(i + 1, 'y'.repeat(1000)));
    const size = Buffer.byteLength(JSON.stringify(page[0])) + 1;
    expect(fillBatch(page, 500, 512 + size * 3).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(fillBatch(page, 500, 512 + size * 3 - 1).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('names an event that alone exceeds the byte limit', () => {
    expect(() => fillBatch([event(7, 'z'.repeat(5000))], 500, 4096)).toThrow(OversizedEventError);
  });
});
