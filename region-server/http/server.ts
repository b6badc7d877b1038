// The region's HTTP front for halls: enrolment with a one-time code and the signed event-log push. Every body is read
// with a size cap and validated before anything touches the database; errors answer `{"error":{code,message}}`.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Pool } from 'pg';
import { MAX_BATCH_BYTES, SYNC_SIGNATURE_HEADER, enrolRequestSchema } from '../../protocol/region/sync.ts';
import { latestSitePack } from '../catalogue/store.ts';
import { verifySiteRequest } from '../sites/signed-request.ts';
import { redeemEnrolment } from '../sites/enrol.ts';
import { ingestBatch, verifyBatch } from '../sync/ingest.ts';
import { RegionError } from './errors.ts';
import type { ConsoleFront } from '../console/router.ts';
import { currentSealingKey, packSigningPublicKey, type RegionKeys } from '../keys.ts';
import { sealingRoute } from '../sealing/routes.ts';
import { BUSY_RETRY_AFTER_S, PushGate } from '../sync/push-gate.ts';
import { createCitizenRoutes } from '../citizen/routes.ts';
import { createSiteRoutes } from '../citizen/site-routes.ts';
import { appointmentRoutes } from '../appointments/routes.ts';
import { bookingPage } from '../appointments/page.ts';
import { phoneRatingFeedRoute } from '../citizen/rating-route.ts';

export interface RegionLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new RegionError(413, 'too_large', '请求太大');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  res.end(text);
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new RegionError(400, 'invalid_json', '请求不是有效的 JSON');
  }
}

export interface RegionServerOptions {
  /** The region's key file (signing and sealing keys); without it enrolled halls get no sealing key. */
  keys?: RegionKeys | null;
  /** The console's pages and API (region-server/console/), when this server carries them. */
  consoleFront?: ConsoleFront;
  /** The cap on pushes in flight (default DEFAULT_MAX_PUSHES_IN_FLIGHT). */
  pushGate?: PushGate;
}

export function createRegionServer(pool: Pool, log: RegionLogger, options: RegionServerOptions = {}): Server {
  const keys = options.keys ?? null;
  const consoleFront = options.consoleFront;
  const pushGate = options.pushGate ?? new PushGate();
  const citizen = createCitizenRoutes(pool, { keys, onError: (err) => log.error('citizen request failed', { error: err.message }) });
  const sites = createSiteRoutes(pool, { onError: (err) => log.error('site page request failed', { error: err.message }) });
  const booking = bookingPage();
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://region');
    if (consoleFront?.handle(req, res, url) || citizen.handle(req, res, url) || sites.handle(req, res, url) || booking(req, res, url)) return;
    const packPath = /^\/api\/region\/sites\/([a-z0-9-]{2,40})\/pack$/.exec(url.pathname);
    const route = packPath && req.method === 'GET' ? 'GET /api/region/sites/:id/pack' : `${req.method} ${url.pathname}`;
    const handle = async (): Promise<void> => {
      if (sealingRoute(route, res, keys)) return;
      if (await appointmentRoutes(req, res, url, pool, keys)) return;
      if (await phoneRatingFeedRoute(req, res, url, pool, keys)) return;
      switch (route) {
        case 'GET /api/region/sites/:id/pack': {
          const siteId = packPath![1]!;
          await verifySiteRequest(pool, siteId, req.method!, `${url.pathname}${url.search}`, req.headers);
          const have = Number(url.searchParams.get('have') ?? '0');
          if (!Number.isSafeInteger(have) || have < 0) throw new RegionError(400, 'invalid_request', 'have 应为已有内容包的版本号');
          const pack = await latestSitePack(pool, siteId, have);
          if (!pack) {
            res.writeHead(204, { 'cache-control': 'no-store' });
            res.end();
            return;
          }
          res.writeHead(200, {
            'content-type': 'application/zip',
            'content-length': pack.zip.length,
            'x-pack-version': String(pack.version),
            'x-content-type-options': 'nosniff',
            'cache-control': 'no-store',
          });
          res.end(pack.zip);
          return;
        }
        case 'GET /api/region/health':
          await pool.query('SELECT 1');
          return send(res, 200, { ok: true });
        case 'POST /api/region/enrol': {
          const parsed = enrolRequestSchema.safeParse(parseJson(await readBody(req, 16 * 1024)));
          if (!parsed.success) throw new RegionError(400, 'invalid_request', parsed.error.issues[0]?.message ?? '请求格式不对');
          const answer = await redeemEnrolment(pool, parsed.data);
          log.info('site enrolled', { siteId: answer.siteId });
          return send(res, 200, keys ? { ...answer, sealingKey: currentSealingKey(keys), packSigningKey: packSigningPublicKey(keys) } : answer);
        }
        case 'POST /api/region/sync': {
          if (!pushGate.tryEnter()) {
            // Answered before the body is read; the connection closes so the rest of the body is not waited for.
            res.setHeader('retry-after', String(BUSY_RETRY_AFTER_S));
            res.setHeader('connection', 'close');
            throw new RegionError(503, 'region_busy', '区域中心正忙，请稍后重试');
          }
          try {
            const body = await readBody(req, MAX_BATCH_BYTES);
            const signature = req.headers[SYNC_SIGNATURE_HEADER];
            const batch = await verifyBatch(pool, body, typeof signature === 'string' ? signature : undefined);
            const answer = await ingestBatch(pool, batch);
            if (answer.stored > 0) citizen.siteChanged(batch.siteId);
            return send(res, 200, answer);
          } finally {
            pushGate.leave();
          }
        }
        default:
          throw new RegionError(404, 'not_found', '没有这个接口');
      }
    };
    handle().catch((err: unknown) => {
      if (err instanceof RegionError) {
        if ((err.status >= 500 && err.code !== 'region_busy') || err.code === 'site_fenced' || err.code === 'bad_signature') log.warn('request refused', { route, code: err.code });
        if (!res.headersSent) send(res, err.status, { error: { code: err.code, message: err.message, ...err.extra } });
        else res.destroy();
        return;
      }
      log.error('request failed', { route, error: (err as Error).message });
      if (!res.headersSent) send(res, 500, { error: { code: 'internal', message: '区域中心暂时出错，请稍后重试' } });
      else res.destroy();
    });
  });
}
