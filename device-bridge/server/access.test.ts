import { describe, expect, it } from 'vitest';
import { decideAccess, type AccessPolicy } from './access.ts';

const TOKEN = 'a'.repeat(16) + 'B'.repeat(16);
const policy: AccessPolicy = { port: 4601, allowedOrigins: ['http://127.0.0.1:4600'], toolToken: TOKEN };
const host = '127.0.0.1:4601';

describe('decideAccess', () => {
  it('admits a page from an allowed Origin on the loopback Host', () => {
    expect(decideAccess({ origin: 'http://127.0.0.1:4600', host, authorization: undefined }, policy)).toEqual({ allowed: true, as: 'page' });
    expect(decideAccess({ origin: 'http://127.0.0.1:4600', host: 'localhost:4601', authorization: undefined }, policy)).toEqual({ allowed: true, as: 'page' });
  });

  it('refuses a foreign Origin even with the token, and a foreign Host', () => {
    expect(decideAccess({ origin: 'http://evil.example', host, authorization: `Bearer ${TOKEN}` }, policy)).toEqual({ allowed: false, status: 403, reason: 'origin not allowed' });
    expect(decideAccess({ origin: 'http://127.0.0.1:4600', host: 'evil.example:4601', authorization: undefined }, policy)).toEqual({ allowed: false, status: 403, reason: 'host not allowed' });
  });

  it('admits a client without Origin only with the exact bearer token', () => {
    expect(decideAccess({ origin: undefined, host, authorization: `Bearer ${TOKEN}` }, policy)).toEqual({ allowed: true, as: 'tool' });
    for (const authorization of [undefined, TOKEN, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`, `bearer ${TOKEN}`, `Bearer  ${TOKEN}`]) {
      expect(decideAccess({ origin: undefined, host, authorization }, policy)).toEqual({ allowed: false, status: 401, reason: 'no origin and no valid tool token' });
    }
  });

  it('admits no client without Origin when no token is configured', () => {
    expect(decideAccess({ origin: undefined, host, authorization: 'Bearer ' }, { ...policy, toolToken: undefined })).toEqual({
      allowed: false,
      status: 401,
      reason: 'no origin, and no tool token is configured',
    });
  });
});
