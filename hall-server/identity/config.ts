// Configuration of the 医保电子凭证 decode service: `<dataDir>/identity.json`, or the environment for a quick start.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const EcQueryConfig = z.strictObject({
  /** The hall's decode endpoint of the medical-insurance platform (transType ec.query). */
  url: z.url({ protocol: /^https?$/, message: '医保电子凭证解码地址应为 http(s) 地址' }),
  orgId: z.string().min(1).max(40),
  officeId: z.string().min(1).max(40).default('self-service'),
  operatorId: z.string().min(1).max(40).default('kiosk'),
  operatorName: z.string().min(1).max(40).default('自助取号机'),
  businessType: z.string().regex(/^\d{5}$/).default('01101'),
  timeoutMs: z.number().int().min(500).max(30_000).default(5_000),
});
export type EcQueryConfig = z.infer<typeof EcQueryConfig>;

export const IdentityConfig = z.strictObject({ ecQuery: EcQueryConfig.nullable().default(null) });
export type IdentityConfig = z.infer<typeof IdentityConfig>;

export const IDENTITY_CONFIG_FILE = 'identity.json';

/** Reads `<dataDir>/identity.json`; else `YIBAO_EC_QUERY_URL` + `YIBAO_EC_ORG_ID`; else no decode service. */
export function loadIdentityConfig(dataDir: string, env: NodeJS.ProcessEnv = process.env): IdentityConfig {
  const file = join(dataDir, IDENTITY_CONFIG_FILE);
  if (existsSync(file)) {
    const parsed = IdentityConfig.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) {
      throw new Error(`identity config ${file} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    return parsed.data;
  }
  if (env['YIBAO_EC_QUERY_URL']) {
    // The platform identifies the hall by its 机构编码: a made-up one would only fail later, at a citizen's first scan.
    if (!env['YIBAO_EC_ORG_ID']) throw new Error('identity config: YIBAO_EC_QUERY_URL is set but YIBAO_EC_ORG_ID (the hall\'s 机构编码) is not');
    const parsed = IdentityConfig.safeParse({ ecQuery: { url: env['YIBAO_EC_QUERY_URL'], orgId: env['YIBAO_EC_ORG_ID'] } });
    if (!parsed.success) {
      throw new Error(`identity config from the environment is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    return parsed.data;
  }
  return { ecQuery: null };
}
