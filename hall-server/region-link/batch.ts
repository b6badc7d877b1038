// Which events of the hall's log go into the next batch: in seq order from the cursor, at most MAX_BATCH_EVENTS and
// within MAX_BATCH_BYTES once serialised with the batch's envelope. Pure.
import { MAX_BATCH_BYTES, MAX_BATCH_EVENTS, type SyncEvent } from '../../protocol/region/sync.ts';

/** Room left for the envelope (siteId, batchId, sentAt, headSeq, brackets). */
const ENVELOPE_BYTES = 512;

export class OversizedEventError extends Error {}

/** Takes events from `page` (consecutive, starting right after the cursor) while the batch stays within both limits.
 * An event that alone exceeds the byte limit can never be sent: that is an error for the operator. */
export function fillBatch(page: readonly SyncEvent[], maxEvents = MAX_BATCH_EVENTS, maxBytes = MAX_BATCH_BYTES): SyncEvent[] {
  const taken: SyncEvent[] = [];
  let bytes = ENVELOPE_BYTES;
  for (const event of page) {
    if (taken.length >= maxEvents) break;
    const size = Buffer.byteLength(JSON.stringify(event)) + 1;
    if (bytes + size > maxBytes) {
      if (taken.length === 0) throw new OversizedEventError(`event ${event.seq} (${size} bytes) exceeds the batch limit of ${maxBytes} bytes`);
      break;
    }
    bytes += size;
    taken.push(event);
  }
  return taken;
}
