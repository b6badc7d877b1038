// The public site page at the region: `/s/<siteId>` (a static page of the build, dist/citizen/site.html, with its
// script), its API `GET /api/citizen/sites/:siteId` (public, cached for a few seconds, a request budget per address),
// and the signed `GET /api/region/sites/:id/neighbours?sites=a,b` by which a hall fetches its neighbours' counts for
// its kiosk home. Registered with one line in http/server.ts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import type { Pool } from 'pg';
import { sendJson, sendPageFile } from './respond.ts';
import { SITE_ID_PATTERN, UNKNOWN_SITE_MESSAGE, type SiteNow } from '../../protocol/citizen/site-now.ts';
import { parseNeighbourIds, type NeighboursAnswer } from '../../protocol/citizen/site-endpoints.ts';
import { RegionError } from '../http/errors.ts';
import { verifySiteRequest } from '../sites/signed-request.ts';
import { RateLimit } from '../../server-shared/citizen/rate-limit.ts';
import { SiteNowReader } from './site-now.ts';

const API = /^\/api\/citizen\/sites\/([^/]{1,64})$/;
const PAGE = /^\/s\/[a-z0-9][a-z0-9-]{1,39}$/;
const NEIGHBOURS = /^\/api\/region\/sites\/([a-z0-9][a-z0-9-]{1,39})\/neighbours$/;
/** Answers are kept this long: a crowd of phones on one site costs one read every few seconds. */
const CACHE_MS = 5_000;



export interface SiteRoutes {
  /** True when the request is one of these routes (answered, possibly later). */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): boolean;
}

export function createSiteRoutes(
  pool: Pool,
  options: { distDir?: string; now?: () => Date; onError?: (err: Error) => void; rate?: RateLimit } = {},
): SiteRoutes {
  const pages = join(options.distDir ?? resolve(import.meta.dirname, '../../dist'), 'citizen');
  const now = options.now ?? (() => new Date());
  const reader = new SiteNowReader(pool);
  const rate = options.rate ?? new RateLimit();
  const cache = new Map<string, { atMs: number; site: SiteNow }>();

  async function publicSite(res: ServerResponse, siteId: string, address: string): Promise<void> {
    const at = now();
    const wait = rate.take(address, at.getTime());
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      return sendJson(res, 429, { error: { code: 'too_many_requests', message: `查询过于频繁，请 ${seconds} 秒后再试` } }, 'no-store', { 'retry-after': String(seconds) });
    }
    const hit = cache.get(siteId);
    let site = hit && at.getTime() - hit.atMs < CACHE_MS ? hit.site : null;
    if (!site) {
      site = SITE_ID_PATTERN.test(siteId) ? ((await reader.read([siteId], at))[0] ?? null) : null;
      if (!site) return sendJson(res, 404, { error: { code: 'unknown_site', message: UNKNOWN_SITE_MESSAGE } });
      // Only known sites are kept: the cache is bounded by the network's size.
      cache.set(siteId, { atMs: at.getTime(), site });
    }
    sendJson(res, 200, site, `public, max-age=${CACHE_MS / 1000}`);
  }

  async function neighbours(req: IncomingMessage, res: ServerResponse, url: URL, siteId: string): Promise<void> {
    await verifySiteRequest(pool, siteId, 'GET', `${url.pathname}${url.search}`, req.headers);
    const ids = parseNeighbourIds(url.searchParams.get('sites'));
    if (!ids) throw new RegionError(400, 'invalid_request', 'sites 应为逗号分隔的站点编号（最多 4 个）');
    const answer: NeighboursAnswer = { sites: await reader.read(ids.filter((id) => id !== siteId), now()) };
    sendJson(res, 200, answer);
  }

  const fail = (res: ServerResponse) => (err: unknown) => {
    if (err instanceof RegionError) {
      if (!res.headersSent) sendJson(res, err.status, { error: { code: err.code, message: err.message } });
      return;
    }
    options.onError?.(err as Error);
    if (!res.headersSent) sendJson(res, 500, { error: { code: 'internal', message: '暂时无法查询，请稍后再试' } });
    else res.destroy();
  };

  return {
    handle(req, res, url) {
      if (req.method !== 'GET') return false;
      const api = API.exec(url.pathname);
      if (api) {
        let siteId = '';
        try {
          siteId = decodeURIComponent(api[1]!);
        } catch {
          siteId = '';
        }
        publicSite(res, siteId, req.socket.remoteAddress ?? '').catch(fail(res));
        return true;
      }
      const signed = NEIGHBOURS.exec(url.pathname);
      if (signed) {
        neighbours(req, res, url, signed[1]!).catch(fail(res));
        return true;
      }
      if (PAGE.test(url.pathname)) {
        sendPageFile(res, join(pages, 'site.html'), 'text/html; charset=utf-8');
        return true;
      }
      if (url.pathname === '/citizen/site.js') {
        sendPageFile(res, join(pages, 'site.js'), 'text/javascript; charset=utf-8');
        return true;
      }
      return false;
    },
  };
}
