// The ticket's link token: derived from the ticket id with the hall's keyed hash, so the hall can print it again
// (a reprint) without keeping it; at rest the hall keeps only the token's SHA-256.
import { createHash } from 'node:crypto';

/** 18 bytes = 144 bits = 24 base64url characters. */
const TOKEN_BYTES = 18;

/** `keyedHashHex` is the hall's HMAC-SHA256 (hex) of a text (secrets.fingerprint). */
export function ticketToken(ticketId: string, keyedHashHex: (text: string) => string): string {
  return Buffer.from(keyedHashHex(`citizen-link:${ticketId}`), 'hex').subarray(0, TOKEN_BYTES).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
