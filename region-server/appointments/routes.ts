// The booking API (网办/掌办 channel: a province platform or a mini-program calls it) and the site's signed feed for its
// hall. Registered with one line in http/server.ts; declared in protocol/citizen/appointments.ts. Nothing here logs an
// ID number or a phone.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Pool } from 'pg';
import { BookRequest, CancelRequest } from '../../protocol/citizen/appointments.ts';
import type { z } from 'zod';
import { RegionError } from '../http/errors.ts';
import type { RegionKeys } from '../keys.ts';
import { verifySiteRequest } from '../sites/signed-request.ts';
import { book, bookingSites, cancel, freeSlots, siteFeed } from './store.ts';

const SLOTS = /^\/api\/booking\/sites\/([a-z0-9-]{2,40})\/items\/([A-Za-z0-9_-]{1,40})\/slots$/;
const FEED = /^\/api\/region\/sites\/([a-z0-9-]{2,40})\/appointments$/;

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'x-content-type-options': 'nosniff', 'cache-control': 'no-store',
  });
  res.end(text);
}

async function parsed<S extends z.ZodType>(req: IncomingMessage, schema: S): Promise<z.output<S>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 8 * 1024) throw new RegionError(413, 'too_large', '请求太大');
    chunks.push(chunk as Buffer);
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new RegionError(400, 'invalid_json', '请求不是有效的 JSON');
  }
  const result = schema.safeParse(json);
  if (!result.success) throw new RegionError(400, 'invalid_request', result.error.issues[0]?.message ?? '请求格式不对');
  return result.data;
}

function requireKeys(keys: RegionKeys | null): RegionKeys {
  if (!keys) throw new RegionError(503, 'no_keys', '区域中心未配置密钥文件，暂不能预约');
  return keys;
}

/** Answers the request if it is one of this file's routes; false otherwise. */
export async function appointmentRoutes(req: IncomingMessage, res: ServerResponse, url: URL, pool: Pool, keys: RegionKeys | null): Promise<boolean> {
  const path = url.pathname;
  if (req.method === 'GET' && path === '/api/booking/sites') {
    send(res, 200, await bookingSites(pool));
    return true;
  }
  const slots = req.method === 'GET' ? SLOTS.exec(path) : null;
  if (slots) {
    send(res, 200, await freeSlots(pool, slots[1]!, slots[2]!, Date.now()));
    return true;
  }
  if (req.method === 'POST' && path === '/api/booking/appointments') {
    send(res, 201, await book(pool, requireKeys(keys), await parsed(req, BookRequest)));
    return true;
  }
  if (req.method === 'POST' && path === '/api/booking/appointments/cancel') {
    await cancel(pool, requireKeys(keys), await parsed(req, CancelRequest));
    send(res, 200, { ok: true });
    return true;
  }
  const feed = req.method === 'GET' ? FEED.exec(path) : null;
  if (feed) {
    await verifySiteRequest(pool, feed[1]!, 'GET', `${path}${url.search}`, req.headers);
    send(res, 200, await siteFeed(pool, requireKeys(keys), feed[1]!));
    return true;
  }
  return false;
}
