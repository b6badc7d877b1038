// Idempotency keys as Stripe uses them: a key belongs to the caller that sent it, and a retry must repeat the request it
// was first used for. Another caller's equal key is a different key; the same key with another body is refused (422)
// and changes nothing. Bodies are compared by a keyed hash (they may hold an ID number), over a canonical JSON text.
import { ApiError, type Principal } from './module.ts';

/** JSON with object keys sorted, so equal bodies give equal text whatever order their fields came in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The stored form of a caller's key: the caller's id and the key, so two terminals never share one. */
export function scopedKey(principal: Pick<Principal, 'id'>, key: string): string {
  return `${principal.id}\u0000${key}`;
}

/** The text whose keyed hash identifies a request body (`Secrets.fingerprint` hashes it). */
export function fingerprintText(operation: string, body: unknown): string {
  return `${operation}\n${canonicalJson(body)}`;
}

export function idempotencyKeyReused(): ApiError {
  return new ApiError(422, 'idempotency_key_reused', '该请求编号已用于另一份不同的请求，本次未做任何更改，请重新操作');
}

/** Refuses a retry whose body differs from the first use of its key. A first use recorded before fingerprints (null)
 * is taken as the same request. */
export function assertSameRequest(stored: string | null, fingerprint: string): void {
  if (stored !== null && stored !== fingerprint) throw idempotencyKeyReused();
}
