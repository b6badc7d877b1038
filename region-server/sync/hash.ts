// Content hash of one event as the region stores it: a resent event must hash the same, a rewritten history must not.
import { createHash } from 'node:crypto';
import type { SyncEvent } from '../../protocol/region/sync.ts';

export function eventHash(event: SyncEvent): string {
  return createHash('sha256')
    .update(JSON.stringify([event.seq, event.type, event.at, event.data ?? null, event.window ?? null]))
    .digest('hex');
}
