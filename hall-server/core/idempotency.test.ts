import { describe, expect, it } from 'vitest';
import { assertSameRequest, canonicalJson, fingerprintText, scopedKey } from './idempotency.ts';

describe('canonicalJson', () => {
  it('sorts object keys at every depth and drops undefined fields', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: undefined } })).toBe('{"a":{"d":[2,{"e":0,"f":1}]},"b":1}');
  });
  it('gives the same text for the same body in another field order', () => {
    expect(fingerprintText('ticket.issue', { serviceCode: 'S1', identity: { name: '张三', idNumber: 'X' } }))
      .toBe(fingerprintText('ticket.issue', { identity: { idNumber: 'X', name: '张三' }, serviceCode: 'S1' }));
  });
});

describe('scopedKey', () => {
  it('differs between callers for the same key', () => {
    expect(scopedKey({ id: 'kiosk-1' }, 'k-00000001')).not.toBe(scopedKey({ id: 'kiosk-2' }, 'k-00000001'));
  });
});

describe('assertSameRequest', () => {
  it('passes the same fingerprint and a first use recorded without one', () => {
    expect(() => assertSameRequest('abc', 'abc')).not.toThrow();
    expect(() => assertSameRequest(null, 'abc')).not.toThrow();
  });
  it('refuses another body with 422 idempotency_key_reused', () => {
    expect(() => assertSameRequest('abc', 'abd')).toThrow(expect.objectContaining({ status: 422, code: 'idempotency_key_reused' }));
  });
});
