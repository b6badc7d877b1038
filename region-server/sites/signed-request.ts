// A hall's signed request for its own things (its pack): the site's enrolled key over method, path and the hall's
// clock, which may be off by the tolerance and no more (a captured request cannot be replayed a day later).
import { verify } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Pool } from 'pg';
import { publicKeyFromRaw } from '../../content/validate/sign.ts';
import { REQUEST_CLOCK_TOLERANCE_MS, SITE_HEADER, SYNC_SIGNATURE_HEADER, TIME_HEADER, requestToSign } from '../../protocol/region/sync.ts';
import { audit } from '../db/audit.ts';
import { RegionError } from '../http/errors.ts';

export async function verifySiteRequest(
  pool: Pool,
  siteId: string,
  method: string,
  pathWithQuery: string,
  headers: IncomingHttpHeaders,
  now = Date.now(),
): Promise<void> {
  const time = headers[TIME_HEADER];
  const signature = headers[SYNC_SIGNATURE_HEADER];
  const refuse = async (why: string): Promise<never> => {
    await audit(pool, { actor: 'sync', action: 'request.refused', siteId, details: { why, path: pathWithQuery } });
    throw new RegionError(401, 'bad_signature', '请求签名无效或时间相差过大，请检查大厅服务器的时钟');
  };
  if (headers[SITE_HEADER] !== siteId || typeof time !== 'string' || typeof signature !== 'string') return refuse('missing headers');
  const at = Date.parse(time);
  if (!Number.isFinite(at) || Math.abs(at - now) > REQUEST_CLOCK_TOLERANCE_MS) return refuse('clock outside tolerance');
  const site = await pool.query<{ public_key: string | null }>('SELECT public_key FROM sites WHERE id = $1', [siteId]);
  const key = site.rows[0]?.public_key;
  if (!key || !/^[A-Za-z0-9+/=]{40,120}$/.test(signature)) return refuse('unknown site or malformed signature');
  if (!verify(null, Buffer.from(requestToSign(method, pathWithQuery, time)), publicKeyFromRaw(key), Buffer.from(signature, 'base64'))) {
    return refuse('signature does not verify');
  }
}
