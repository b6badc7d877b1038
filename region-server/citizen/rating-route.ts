// The region's 扫码评价 routes: `POST /api/citizen/tickets/:token/rating` for the phone (public; the token is the
// credential, so misses count toward the same guessing throttle as the progress API), and the signed
// `GET /api/region/sites/:id/phone-ratings` its hall pulls. Declared in protocol/citizen/ (endpoints.ts, phone-rating-link.ts)
// and in the region's API reference. Nothing here logs a phone number.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Pool } from 'pg';
import { PhoneRatingRequestSchema } from '../../protocol/citizen/endpoints.ts';
import { UNKNOWN_TOKEN_MESSAGE } from '../../protocol/citizen/progress.ts';
import { isCitizenToken } from '../../protocol/rules/citizen-token.ts';
import type { GuessThrottle } from '../../server-shared/citizen/guessing.ts';
import { tokenHash } from '../../server-shared/citizen/token.ts';
import { RegionError } from '../http/errors.ts';
import type { RegionKeys } from '../keys.ts';
import { verifySiteRequest } from '../sites/signed-request.ts';
import { pendingPhoneRatings, submitPhoneRating } from './phone-ratings.ts';

const RATE = /^\/api\/citizen\/tickets\/([^/]{1,64})\/rating$/;
const FEED = /^\/api\/region\/sites\/([a-z0-9-]{2,40})\/phone-ratings$/;
const MAX_BODY = 4 * 1024;

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store',
    'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer',
  });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new RegionError(413, 'too_large', '请求太大');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new RegionError(400, 'invalid_json', '请求不是有效的 JSON');
  }
}

export interface PhoneRatingRouteOptions {
  keys: RegionKeys | null;
  throttle: GuessThrottle;
  now: () => Date;
  /** A new rating is kept: the site's watching pages get 正在送达大厅. */
  changed: (siteId: string) => void;
  onError: (err: Error) => void;
}

/** The phone's POST; true when the request was this route (answered, possibly later). */
export function handlePhoneRating(req: IncomingMessage, res: ServerResponse, url: URL, pool: Pool, options: PhoneRatingRouteOptions): boolean {
  const match = req.method === 'POST' ? RATE.exec(url.pathname) : null;
  if (!match) return false;
  const address = req.socket.remoteAddress ?? '';
  const run = async (): Promise<void> => {
    const at = options.now();
    const wait = options.throttle.waitMs(address, at.getTime());
    if (wait > 0) throw new RegionError(429, 'too_many_tries', `操作过于频繁，请 ${Math.ceil(wait / 1000)} 秒后再试`);
    const token = decodeURIComponent(match[1]!);
    const parsed = PhoneRatingRequestSchema.safeParse(await readJson(req));
    if (!parsed.success) throw new RegionError(400, 'invalid_request', parsed.error.issues[0]?.message ?? '评价内容格式不对');
    const result = isCitizenToken(token) ? await submitPhoneRating(pool, options.keys, tokenHash(token), parsed.data, at) : null;
    if (!result) {
      options.throttle.miss(address, at.getTime());
      throw new RegionError(404, 'unknown_ticket', UNKNOWN_TOKEN_MESSAGE);
    }
    send(res, result.status, result.body);
    if (result.changedSite) options.changed(result.changedSite);
  };
  run().catch((err: unknown) => {
    if (err instanceof RegionError) return send(res, err.status, { error: { code: err.code, message: err.message } });
    options.onError(err as Error);
    if (!res.headersSent) send(res, 500, { error: { code: 'internal', message: '暂时无法提交评价，请稍后再试' } });
    else res.destroy();
  });
  return true;
}

/** The hall's signed pull of its site's pending phone ratings; false when the request is not this route. */
export async function phoneRatingFeedRoute(req: IncomingMessage, res: ServerResponse, url: URL, pool: Pool, keys: RegionKeys | null): Promise<boolean> {
  const feed = req.method === 'GET' ? FEED.exec(url.pathname) : null;
  if (!feed) return false;
  await verifySiteRequest(pool, feed[1]!, 'GET', `${url.pathname}${url.search}`, req.headers);
  send(res, 200, await pendingPhoneRatings(pool, keys, feed[1]!));
  return true;
}
