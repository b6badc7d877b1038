import { describe, expect, it } from 'vitest';
import { canonicalEvent, eventHash } from './hash.ts';

// Hashes stored by earlier versions must still match a resent event, so the canonical text and its digest are fixed.
describe('event content hash', () => {
  it('hashes the canonical text [seq, type, at, data, window]', () => {
    const event = { seq: 7, type: 'ticket.issued', at: '2026-12-04T01:02:03.000Z', data: { number: 'A007', serviceName: '城乡居民参保登记' } };
    expect(canonicalEvent(event)).toBe('[7,"ticket.issued","2026-12-04T01:02:03.000Z",{"number":"A007","serviceName":"城乡居民参保登记"},null]');
    expect(eventHash(event)).toBe('561d48c56948ecfc6d442032b3826633043e4bd896d97f3cb9d932020053666f');
  });

  it('writes an undefined data as null and keeps the window', () => {
    const event = { seq: 8, type: 'window.opened', at: '2026-12-04T01:02:04.000Z', data: undefined, window: 3 };
    expect(canonicalEvent(event)).toBe('[8,"window.opened","2026-12-04T01:02:04.000Z",null,3]');
    expect(eventHash(event)).toBe('bcca5fbd342f20be27ce12ef58fc60b6858c64ed4e9243d66294ea0e7a27355c');
  });

  it('changes with any field', () => {
    const event = { seq: 8, type: 'window.opened', at: '2026-12-04T01:02:04.000Z', data: undefined, window: 3 };
    expect(eventHash({ ...event, window: 4 })).not.toBe(eventHash(event));
    expect(eventHash({ ...event, at: '2026-12-04T01:02:05.000Z' })).not.toBe(eventHash(event));
  });
});
