// The pure decision of the region for one signed batch of a hall's event log: what to store, what to refuse, and when
// a site must be fenced because its history no longer matches what the region already holds.
import type { SyncBatch, SyncEvent, SyncRefusal } from '../../protocol/region/sync.ts';

export interface SiteSyncState {
  heldThrough: number;
  lastBatchId: number;
  fenced: boolean;
}

export type SyncPlan =
  | { kind: 'store'; events: SyncEvent[]; heldThrough: number }
  | { kind: 'refuse'; code: SyncRefusal; detail: string }
  | { kind: 'fence'; detail: string };

/**
 * @param hashOf content hash of an event of this batch (same function the region stored with)
 * @param storedHashes the region's hashes for the batch's seqs it already holds
 */
export function planBatch(
  state: SiteSyncState,
  batch: SyncBatch,
  hashOf: (event: SyncEvent) => string,
  storedHashes: ReadonlyMap<number, string>,
): SyncPlan {
  if (state.fenced) return { kind: 'refuse', code: 'site_fenced', detail: 'site is fenced' };
  if (batch.batchId <= state.lastBatchId) {
    return { kind: 'refuse', code: 'batch_replayed', detail: `batch ${batch.batchId} not after ${state.lastBatchId}` };
  }
  for (let i = 1; i < batch.events.length; i++) {
    if (batch.events[i]!.seq !== batch.events[i - 1]!.seq + 1) {
      return { kind: 'refuse', code: 'invalid_batch', detail: `seq ${batch.events[i]!.seq} does not follow ${batch.events[i - 1]!.seq}` };
    }
  }
  const last = batch.events.at(-1);
  if (last && batch.headSeq < last.seq) {
    return { kind: 'refuse', code: 'invalid_batch', detail: `headSeq ${batch.headSeq} below its own event ${last.seq}` };
  }
  if (batch.headSeq < state.heldThrough) {
    return { kind: 'fence', detail: `hall head seq ${batch.headSeq} is below the ${state.heldThrough} the region holds (restored from an older backup?)` };
  }
  for (const event of batch.events) {
    if (event.seq > state.heldThrough) break;
    const stored = storedHashes.get(event.seq);
    if (stored !== undefined && stored !== hashOf(event)) {
      return { kind: 'fence', detail: `event ${event.seq} differs from the one the region holds` };
    }
  }
  const fresh = batch.events.filter((event) => event.seq > state.heldThrough);
  if (fresh.length > 0 && fresh[0]!.seq !== state.heldThrough + 1) {
    return { kind: 'refuse', code: 'gap', detail: `batch starts at ${fresh[0]!.seq}, region holds through ${state.heldThrough}` };
  }
  return { kind: 'store', events: fresh, heldThrough: fresh.at(-1)?.seq ?? state.heldThrough };
}
