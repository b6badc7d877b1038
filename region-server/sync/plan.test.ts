import { describe, expect, it } from 'vitest';
import type { SyncBatch, SyncEvent } from '../../protocol/region/sync.ts';
import { planBatch, type SiteSyncState } from './plan.ts';

const event = (seq: number, type = 'ticket.issued'): SyncEvent => ({ seq, type, at: '2026-12-03T01:00:00.000Z', data: { n: seq } });
const batch = (batchId: number, seqs: number[], headSeq = seqs.at(-1) ?? 0): SyncBatch => ({
  siteId: 'town-1',
  batchId,
  sentAt: '2026-12-03T01:00:00.000Z',
  headSeq,
  events: seqs.map((s) => event(s)),
});
const hashOf = (e: SyncEvent): string => `${e.seq}:${e.type}`;
const fresh: SiteSyncState = { heldThrough: 0, lastBatchId: 0, fenced: false };

describe('planBatch', () => {
  it('stores a first contiguous batch and answers its last seq', () => {
    expect(planBatch(fresh, batch(1, [1, 2, 3]), hashOf, new Map())).toEqual({ kind: 'store', events: [event(1), event(2), event(3)], heldThrough: 3 });
  });

  it('stores only what is new when a resend overlaps what is held', () => {
    const state = { heldThrough: 2, lastBatchId: 1, fenced: false };
    const held = new Map([[1, '1:ticket.issued'], [2, '2:ticket.issued']]);
    expect(planBatch(state, batch(2, [1, 2, 3, 4]), hashOf, held)).toEqual({ kind: 'store', events: [event(3), event(4)], heldThrough: 4 });
  });

  it('an empty batch is a heartbeat: nothing stored, held seq answered', () => {
    expect(planBatch({ heldThrough: 5, lastBatchId: 3, fenced: false }, batch(4, [], 5), hashOf, new Map())).toEqual({ kind: 'store', events: [], heldThrough: 5 });
  });

  it('refuses a gap and says from where to resend', () => {
    const plan = planBatch({ heldThrough: 2, lastBatchId: 1, fenced: false }, batch(2, [4, 5]), hashOf, new Map());
    expect(plan).toMatchObject({ kind: 'refuse', code: 'gap' });
  });

  it('refuses a batch id seen before (replay), whatever it carries', () => {
    expect(planBatch({ heldThrough: 3, lastBatchId: 7, fenced: false }, batch(7, [4]), hashOf, new Map())).toMatchObject({ kind: 'refuse', code: 'batch_replayed' });
    expect(planBatch({ heldThrough: 3, lastBatchId: 7, fenced: false }, batch(6, [4]), hashOf, new Map())).toMatchObject({ kind: 'refuse', code: 'batch_replayed' });
  });

  it('refuses events out of order within a batch', () => {
    expect(planBatch(fresh, batch(1, [1, 3, 2]), hashOf, new Map())).toMatchObject({ kind: 'refuse', code: 'invalid_batch' });
  });

  it('fences a hall whose newest seq is below what the region holds (restored from an older backup)', () => {
    expect(planBatch({ heldThrough: 10, lastBatchId: 4, fenced: false }, batch(5, [], 6), hashOf, new Map())).toMatchObject({ kind: 'fence' });
  });

  it('fences a hall whose history differs from what the region holds', () => {
    const held = new Map([[3, '3:ticket.called']]);
    expect(planBatch({ heldThrough: 3, lastBatchId: 1, fenced: false }, batch(2, [3, 4]), hashOf, held)).toMatchObject({ kind: 'fence' });
  });

  it('refuses everything from a fenced site', () => {
    expect(planBatch({ heldThrough: 3, lastBatchId: 1, fenced: true }, batch(2, [4]), hashOf, new Map())).toMatchObject({ kind: 'refuse', code: 'site_fenced' });
  });
});
