// Content hash of one event as the region stores it: a resent event must hash the same, a rewritten history must not.
// The canonical text it hashes, `[seq, type, at, data, window]`, is also the row the ingest sends PostgreSQL, so an
// event is serialised once.
import { hash } from 'node:crypto';
import type { SyncEvent } from '../../protocol/region/sync.ts';

export function canonicalEvent(event: SyncEvent): string {
  return JSON.stringify([event.seq, event.type, event.at, event.data ?? null, event.window ?? null]);
}

export function hashCanonical(canonical: string): string {
  return hash('sha256', canonical, 'hex');
}

export function eventHash(event: SyncEvent): string {
  return hashCanonical(canonicalEvent(event));
}
