// Where the 医保电子凭证 decode service's settings come from, and that a half-given environment is an error.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIdentityConfig } from './config.ts';

const emptyDir = () => mkdtempSync(join(tmpdir(), 'identity-config-'));

describe('identity config from the environment', () => {
  it('needs both the decode URL and the hall\'s 机构编码', () => {
    expect(() => loadIdentityConfig(emptyDir(), { YIBAO_EC_QUERY_URL: 'http://127.0.0.1:9/ec' })).toThrow(
      'identity config: YIBAO_EC_QUERY_URL is set but YIBAO_EC_ORG_ID (the hall\'s 机构编码) is not',
    );
  });
  it('uses both when given, and has no decode service when neither is', () => {
    const config = loadIdentityConfig(emptyDir(), { YIBAO_EC_QUERY_URL: 'http://127.0.0.1:9/ec', YIBAO_EC_ORG_ID: 'H21010200001' });
    expect(config.ecQuery).toMatchObject({ url: 'http://127.0.0.1:9/ec', orgId: 'H21010200001' });
    expect(loadIdentityConfig(emptyDir(), {})).toEqual({ ecQuery: null });
  });
});
