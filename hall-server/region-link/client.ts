// The hall's HTTP calls to its region: enrol, push a signed batch, fetch the sealing key, pull the site's pack. A network
// error, a timeout or a 5xx is `RegionUnreachable` (try again later); a 4xx with the region's error body is
// `RegionRefusal` carrying its code, its Chinese message and, for sync refusals, what the region holds.
import { parseRetryAfter } from './backoff.ts';
import { sign, type KeyObject } from 'node:crypto';
import { SealingPublicKey } from '../../protocol/region/records.ts';
import {
  SITE_HEADER,
  SYNC_SIGNATURE_HEADER,
  TIME_HEADER,
  enrolResponseSchema,
  requestToSign,
  syncAnswerSchema,
  syncErrorSchema,
  type EnrolRequest,
  type EnrolResponse,
  type SyncAnswer,
} from '../../protocol/region/sync.ts';

const TIMEOUT_MS = 30_000;
const PACK_TIMEOUT_MS = 5 * 60_000;

export class RegionUnreachable extends Error {
  /** How long the region asked to be left alone (a 503 with Retry-After), in ms; null when it did not say. */
  retryAfterMs: number | null = null;
}

export class RegionRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly heldThrough: number | undefined,
  ) {
    super(message);
  }
}

async function call(url: string, init: RequestInit, timeoutMs = TIMEOUT_MS): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    throw new RegionUnreachable(`region not reachable: ${(err as Error).message}`);
  }
  if (res.status >= 500) {
    await res.body?.cancel();
    const unreachable = new RegionUnreachable(`region answered ${res.status}`);
    unreachable.retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), new Date());
    throw unreachable;
  }
  if (res.status >= 400) {
    const parsed = syncErrorSchema.safeParse(await res.json().catch(() => null));
    if (!parsed.success) throw new RegionRefusal(res.status, 'unexpected', `区域中心拒绝了请求（HTTP ${res.status}）`, undefined);
    throw new RegionRefusal(res.status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.heldThrough);
  }
  return res;
}

function join(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}

async function json(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    throw new RegionUnreachable('region answered something that is not JSON');
  }
}

export async function enrolAt(regionUrl: string, request: EnrolRequest): Promise<EnrolResponse> {
  const res = await call(join(regionUrl, '/api/region/enrol'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  const parsed = enrolResponseSchema.safeParse(await json(res));
  if (!parsed.success) throw new RegionUnreachable('the region answered the enrolment with an unexpected shape');
  return parsed.data;
}

/** Sends one batch body signed with the hall's key; answers what the region holds. */
export async function pushBatch(regionUrl: string, body: string, key: KeyObject): Promise<SyncAnswer> {
  const res = await call(join(regionUrl, '/api/region/sync'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SYNC_SIGNATURE_HEADER]: sign(null, Buffer.from(body), key).toString('base64') },
    body,
  });
  const parsed = syncAnswerSchema.safeParse(await json(res));
  if (!parsed.success) throw new RegionUnreachable('the region answered a batch with an unexpected shape');
  return parsed.data;
}

export async function fetchSealingKey(regionUrl: string): Promise<SealingPublicKey> {
  const parsed = SealingPublicKey.safeParse(await json(await call(join(regionUrl, '/api/region/sealing-key'), { method: 'GET' })));
  if (!parsed.success) throw new RegionUnreachable('the region answered its sealing key with an unexpected shape');
  return parsed.data;
}

/** A GET signed with the hall's key over method, path and clock (the region checks it against the site's public key). */
export async function signedGet(regionUrl: string, siteId: string, path: string, key: KeyObject, now: Date, timeoutMs = TIMEOUT_MS): Promise<Response> {
  const time = now.toISOString();
  return call(
    join(regionUrl, path),
    {
      method: 'GET',
      headers: {
        [SITE_HEADER]: siteId,
        [TIME_HEADER]: time,
        [SYNC_SIGNATURE_HEADER]: sign(null, Buffer.from(requestToSign('GET', path, time)), key).toString('base64'),
      },
    },
    timeoutMs,
  );
}

/** A signed GET whose JSON answer must match `schema`; `what` names it in the error when it does not. */
export async function signedGetJson<T>(
  regionUrl: string, siteId: string, path: string, key: KeyObject, now: Date, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  what: string, timeoutMs?: number,
): Promise<T> {
  const parsed = schema.safeParse(await json(await signedGet(regionUrl, siteId, path, key, now, timeoutMs)));
  if (!parsed.success) throw new RegionUnreachable(`the region sent ${what} that does not parse`);
  return parsed.data;
}

/** The site's newest pack if newer than `have`. */
export async function fetchSitePack(
  regionUrl: string,
  siteId: string,
  have: number,
  key: KeyObject,
  now: Date,
): Promise<{ version: number; zip: Uint8Array } | null> {
  const res = await signedGet(regionUrl, siteId, `/api/region/sites/${encodeURIComponent(siteId)}/pack?have=${have}`, key, now, PACK_TIMEOUT_MS);
  if (res.status === 204) return null;
  const version = Number(res.headers.get('x-pack-version'));
  const zip = new Uint8Array(await res.arrayBuffer());
  if (!Number.isSafeInteger(version) || version < 1) throw new RegionUnreachable('the region sent a pack without its version');
  return { version, zip };
}
