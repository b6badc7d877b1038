// The console's HTTP front: matches a request to its endpoint in protocol/region/console.ts, checks the session and
// the role's permission (one table: accounts/permissions.ts), validates query and body with the endpoint's schemas,
// and answers JSON or a file, with the console's security headers on every answer. Also serves the OpenAPI document
// and the built pages at /region/.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Pool } from 'pg';
import { z } from 'zod';
import { CONSOLE_ENDPOINTS, type ConsoleEndpoint, type ConsoleEndpointName } from '../../protocol/region/console.ts';
import { bearerToken, ConsoleAccounts } from '../accounts/handlers.ts';
import { roleMay } from '../accounts/permissions.ts';
import { RegionError } from '../http/errors.ts';
import type { ConsoleOptions, FileAnswer } from './context.ts';
import { consoleHandlers } from './handlers.ts';
import { regionOpenApi } from './openapi.ts';
import { setConsoleSecurityHeaders } from './security-headers.ts';
import { serveRegionPages } from './static.ts';

const MAX_BODY = 64 * 1024;

interface Compiled {
  name: ConsoleEndpointName;
  endpoint: ConsoleEndpoint;
  pattern: RegExp;
  params: string[];
}

function compile(): Compiled[] {
  return (Object.entries(CONSOLE_ENDPOINTS) as Array<[ConsoleEndpointName, ConsoleEndpoint]>).map(([name, endpoint]) => {
    const params = [...endpoint.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    const pattern = new RegExp(`^${endpoint.path.replace(/:(\w+)/g, '([^/]+)')}$`);
    return { name, endpoint, pattern, params };
  });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new RegionError(413, 'too_large', '请求太大');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new RegionError(400, 'invalid_json', '请求不是有效的 JSON');
  }
}

function validate(schema: z.ZodType | undefined, value: unknown): unknown {
  if (!schema) return value;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new RegionError(400, 'invalid_request', parsed.error.issues[0]?.message ?? '请求格式不对');
  return parsed.data;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

export interface ConsoleFront {
  /** True when the request was the console's (answered or being answered). */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): boolean;
  /** Makes the setup code while no account exists and hands it to `onSetupCode`. */
  start(): Promise<void>;
}

export function createConsoleFront(pool: Pool, options: ConsoleOptions): ConsoleFront {
  const accounts = new ConsoleAccounts(pool, options.sessionMs);
  const handlers = consoleHandlers(pool, accounts, options);
  const routes = compile();

  async function answer(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const match = routes
      .filter((r) => r.endpoint.method === req.method)
      .map((r) => ({ route: r, m: r.pattern.exec(url.pathname) }))
      .find((x) => x.m !== null);
    if (!match) throw new RegionError(404, 'not_found', '没有这个接口');
    const { route, m } = match;
    const params = Object.fromEntries(route.params.map((p, i) => [p, decodeURIComponent(m![i + 1]!)]));
    const token = bearerToken(req.headers.authorization);
    const user = token ? await accounts.userOfToken(token) : null;
    const permission = route.endpoint.permission;
    if (permission !== null) {
      if (!user) throw new RegionError(401, 'unauthorized', '请先登录区域管理台');
      if (permission !== 'signed_in' && !roleMay(user.role, permission)) throw new RegionError(403, 'forbidden', '您的角色没有这项权限');
    }
    const query = validate(route.endpoint.query, Object.fromEntries(url.searchParams));
    const body = validate(route.endpoint.body, req.method === 'GET' ? undefined : await readJson(req));
    const result = await handlers[route.name]({ req, url, params, query, body, user, token, address: req.socket.remoteAddress ?? '' });
    if (result && typeof result === 'object' && 'file' in result) {
      const { file } = result as FileAnswer;
      res.writeHead(200, {
        'content-type': file.contentType,
        'content-length': file.bytes.length,
        'content-disposition': `attachment; filename="${file.name}"`,
        'cache-control': 'no-store',
      });
      res.end(file.bytes);
      return;
    }
    sendJson(res, 200, validate(route.endpoint.response, result));
  }

  return {
    async start() {
      options.onSetupCode(await accounts.prepareSetupCode());
    },
    handle(req, res, url) {
      const isApi = url.pathname.startsWith('/api/region/console/');
      const isDoc = url.pathname === '/api/openapi.json' && req.method === 'GET';
      const isPage = url.pathname === '/region' || url.pathname.startsWith('/region/')
        || (req.method === 'GET' && (url.pathname.startsWith('/assets/') || url.pathname === '/manifest.webmanifest'));
      if (!isApi && !isDoc && !isPage) return false;
      setConsoleSecurityHeaders(res);
      if (isDoc) {
        sendJson(res, 200, regionOpenApi());
        return true;
      }
      if (isPage) {
        serveRegionPages(options.distDir, url.pathname, res);
        return true;
      }
      answer(req, res, url).catch((err: unknown) => {
        const known = err instanceof RegionError ? err : null;
        if (res.headersSent) return void res.destroy();
        if (known) sendJson(res, known.status, { error: { code: known.code, message: known.message, ...known.extra } });
        else sendJson(res, 500, { error: { code: 'internal', message: '区域中心暂时出错，请稍后重试' } });
      });
      return true;
    },
  };
}
