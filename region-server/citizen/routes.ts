// The citizen's phone at the region: `GET /api/citizen/tickets/:token` (the progress, from the projections) and the
// progress page itself at /t/<token> with its script and CSS (built into dist/citizen/ by the Vite build).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import type { Pool } from 'pg';
import { sendJson, sendPageFile } from './respond.ts';
import { UNKNOWN_TOKEN_MESSAGE } from '../../protocol/citizen/progress.ts';
import { isCitizenToken } from '../../protocol/rules/citizen-token.ts';
import { GuessThrottle } from '../../server-shared/citizen/guessing.ts';
import { tokenHash } from '../../server-shared/citizen/token.ts';
import { regionProgress, siteOfToken } from './progress.ts';
import { ProgressWatchers } from './watchers.ts';
import { handlePhoneRating } from './rating-route.ts';
import type { RegionKeys } from '../keys.ts';

const API = /^\/api\/citizen\/tickets\/([^/]{1,64})(\/stream)?$/;
const PAGE = /^\/t\/[A-Za-z0-9_-]{1,64}$/;
const FILES: Record<string, string> = {
  '/citizen/progress.js': 'text/javascript; charset=utf-8',
  '/citizen/citizen.css': 'text/css; charset=utf-8',
};

export interface CitizenRoutes {
  /** True when the request is one of these routes (answered, possibly later). */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): boolean;
  /** A site's batch was ingested: its watching pages get their changes. */
  siteChanged(siteId: string): void;
  /** Open progress streams. */
  watching(): number;
  close(): void;
}



export function createCitizenRoutes(
  pool: Pool,
  options: { distDir?: string; now?: () => Date; onError?: (err: Error) => void; keys?: RegionKeys | null } = {},
): CitizenRoutes {
  const pages = join(options.distDir ?? resolve(import.meta.dirname, '../../dist'), 'citizen');
  const now = options.now ?? (() => new Date());
  const throttle = new GuessThrottle();
  const watchers = new ProgressWatchers(pool, now, (err) => options.onError?.(err));
  const rating = { keys: options.keys ?? null, throttle, now, changed: (site: string) => watchers.siteChanged(site), onError: (err: Error) => options.onError?.(err) };

  /** `GET …/stream`: Server-Sent Events, the progress now and then each change. */
  async function progress(res: ServerResponse, token: string, address: string, stream: boolean): Promise<void> {
    const at = now();
    const wait = throttle.waitMs(address, at.getTime());
    if (wait > 0) return sendJson(res, 429, { error: { code: 'too_many_tries', message: `查询过于频繁，请 ${Math.ceil(wait / 1000)} 秒后再试` } });
    const found = isCitizenToken(token) ? await regionProgress(pool, tokenHash(token), at) : null;
    if (!found) {
      throttle.miss(address, at.getTime());
      return sendJson(res, 404, { error: { code: 'unknown_ticket', message: UNKNOWN_TOKEN_MESSAGE } });
    }
    if (!stream) return sendJson(res, 200, found);
    const site = await siteOfToken(pool, tokenHash(token), at);
    if (!site) return sendJson(res, 404, { error: { code: 'unknown_ticket', message: UNKNOWN_TOKEN_MESSAGE } });
    watchers.watch(res, site, tokenHash(token), found);
  }

  return {
    handle(req, res, url) {
      if (handlePhoneRating(req, res, url, pool, rating)) return true;
      if (req.method !== 'GET') return false;
      const api = API.exec(url.pathname);
      if (api) {
        progress(res, decodeURIComponent(api[1]!), req.socket.remoteAddress ?? '', api[2] !== undefined).catch((err: unknown) => {
          options.onError?.(err as Error);
          if (!res.headersSent) sendJson(res, 500, { error: { code: 'internal', message: '暂时无法查询，请稍后再试' } });
          else res.destroy();
        });
        return true;
      }
      if (PAGE.test(url.pathname)) {
        sendPageFile(res, join(pages, 'progress.html'), 'text/html; charset=utf-8');
        return true;
      }
      const type = FILES[url.pathname];
      if (type) {
        sendPageFile(res, join(pages, url.pathname.slice('/citizen/'.length)), type);
        return true;
      }
      return false;
    },
    siteChanged: (siteId) => watchers.siteChanged(siteId),
    watching: () => watchers.size,
    close: () => watchers.close(),
  };
}
