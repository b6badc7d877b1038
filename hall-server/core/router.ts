// Matches requests to routes, authenticates, checks roles and the pad/counter window rule, reads and validates the
// body strictly, and turns every failure into `{"error":{"code","message"}}` with a 4xx.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { staffMayCall } from '../../protocol/hall/access.ts';
import { ApiError, type Principal, type RouteResult, type RouteSpec } from './module.ts';
import { parseDeclaredQuery } from './declared-query.ts';
import type { Logger } from './log.ts';

const zhCN = z.locales.zhCN();

// unknown: the router only passes `prepare`'s result on to the same route's `handle`.
type AnyRoute = RouteSpec<z.ZodType, unknown>;

interface CompiledRoute {
  spec: AnyRoute;
  parts: string[];
}

export type Authenticate = (token: string) => Principal | null;
/** Runs a handler inside the (group) transaction; resolves once it is durable. */
export type RunCommand = <T>(fn: () => T) => Promise<T>;

export class Router {
  private routes: CompiledRoute[] = [];

  constructor(
    private readonly authenticate: Authenticate,
    private readonly defaultMaxBody: number,
    private readonly runCommand: RunCommand,
    private readonly log: Logger,
  ) {}

  add<S extends z.ZodType, P>(route: RouteSpec<S, P>): void {
    const spec = route as unknown as AnyRoute;
    const parts = spec.path.split('/').filter(Boolean);
    const clash = this.routes.find((r) => r.spec.method === spec.method && r.spec.path === spec.path);
    if (clash) throw new Error(`route ${spec.method} ${spec.path} registered twice`);
    this.routes.push({ spec, parts });
  }

  list(): AnyRoute[] {
    return this.routes.map((r) => r.spec);
  }

  /** Returns false when no route has this path (the caller serves static files then). */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const segments = url.pathname.split('/').filter(Boolean).map(safeDecode);
    let pathKnown = false;
    let found: { r: CompiledRoute; params: Record<string, string> } | null = null;
    for (const r of this.routes) {
      const params = match(r.parts, segments);
      if (!params) continue;
      pathKnown = true;
      if (r.spec.method === req.method) {
        found = { r, params };
        break;
      }
    }
    if (!pathKnown) {
      if (!url.pathname.startsWith('/api/')) return false;
      sendError(res, new ApiError(404, 'not_found', '没有这个接口'));
      return true;
    }
    if (!found) {
      sendError(res, new ApiError(405, 'method_not_allowed', '该接口不支持这种请求方式'));
      return true;
    }
    try {
      const result = await this.run(found.r.spec, found.params, req, url);
      send(res, result);
    } catch (err) {
      if (err instanceof ApiError) sendError(res, err);
      else {
        this.log.error(`${req.method} ${url.pathname} failed`, err);
        sendError(res, new ApiError(500, 'internal', '服务器内部错误，请稍后再试或联系管理员'));
      }
    }
    return true;
  }

  private async run(spec: AnyRoute, params: Record<string, string>, req: IncomingMessage, url: URL): Promise<RouteResult> {
    const principal = this.principalOf(req);
    if (spec.roles !== 'public') {
      if (!principal) throw new ApiError(401, 'unauthorized', '请先配对终端或登录管理台');
      if (!spec.roles.includes(principal.role)) throw new ApiError(403, 'forbidden', '本终端无权进行此操作');
      if (principal.role === 'admin' && (!principal.staffRole || !staffMayCall(spec, principal.staffRole))) {
        throw new ApiError(403, 'forbidden_for_role', '您的账号角色无权进行此操作，请联系大厅负责人');
      }
      if (params['window'] !== undefined && (principal.role === 'pad' || principal.role === 'counter')) {
        if (String(principal.window) !== params['window']) {
          throw new ApiError(403, 'wrong_window', `本终端只能操作 ${principal.window} 号窗口`);
        }
      }
    }
    const raw = await readBody(req, spec.maxBodyBytes ?? this.defaultMaxBody);
    let body: unknown = undefined;
    if (spec.rawBody) body = raw;
    else if (spec.body) {
      if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
        throw new ApiError(415, 'unsupported_media_type', '请求内容应为 JSON（Content-Type: application/json）');
      }
      let json: unknown;
      try {
        json = JSON.parse(raw.toString('utf8'));
      } catch {
        throw new ApiError(400, 'bad_json', '请求内容不是有效的 JSON');
      }
      const parsed = spec.body.safeParse(json, { error: zhCN.localeError });
      if (!parsed.success) throw new ApiError(400, 'invalid_body', describeBodyIssues(parsed.error));
      body = parsed.data;
    } else if (raw.length > 0) {
      throw new ApiError(400, 'unexpected_body', '此接口不接受请求内容');
    }
    // A declared query's parsed object goes to the handler `routeOf` typed for it; the router's route type is untyped.
    const query = (spec.query ? parseDeclaredQuery(spec.query, url.searchParams) : url.searchParams) as URLSearchParams;
    const remoteAddress = req.socket.remoteAddress ?? 'unknown';
    const request = { body, params, query, principal, remoteAddress, headers: req.headers };
    const prepared = spec.prepare ? await spec.prepare(request) : undefined;
    return await this.runCommand(() => spec.handle(request, prepared));
  }

  private principalOf(req: IncomingMessage): Principal | null {
    const header = req.headers['authorization'];
    const m = typeof header === 'string' ? /^Bearer (\S+)$/.exec(header) : null;
    return m?.[1] ? this.authenticate(m[1]) : null;
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function match(parts: string[], segments: string[]): Record<string, string> | null {
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const s = segments[i]!;
    if (p.startsWith(':')) params[p.slice(1)] = s;
    else if (p !== s) return null;
  }
  return params;
}

function describeBodyIssues(error: z.ZodError): string {
  const lines = error.issues.slice(0, 5).map((i) => {
    const field = i.path.join('.');
    if (i.code === 'unrecognized_keys') return `不认识的字段：${i.keys.join('、')}`;
    return field ? `字段 ${field}：${i.message}` : i.message;
  });
  return `请求内容有误。${lines.join('；')}`;
}

/** Bytes of an oversized body read and thrown away so the client, still sending, reads the 413 rather than a reset.
 * A sender that goes on past this is cut off. */
const DISCARD_AFTER_LIMIT_BYTES = 32 * 1024 * 1024;

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => new ApiError(413, 'body_too_large', `请求内容过大（上限 ${limit} 字节）`);
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      discardRest(req);
      reject(tooLarge());
      return;
    }
    // With a declared length the body is copied chunk by chunk into one buffer of its own as it arrives, so a 40 MB
    // upload never costs one long copy at the end, and the buffer can be handed (transferred) to a worker as it is.
    const into = declared > 0 ? Buffer.allocUnsafeSlow(declared) : null;
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      const start = size;
      size += chunk.length;
      if (size > limit || (into && size > into.length)) {
        req.off('data', onData);
        chunks.length = 0;
        discardRest(req);
        reject(size > limit ? tooLarge() : new ApiError(400, 'body_length_mismatch', '请求内容比声明的长度长'));
        return;
      }
      if (into) chunk.copy(into, start);
      else chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => {
      if (!into) resolve(Buffer.concat(chunks));
      else if (size === into.length) resolve(into);
      else reject(new ApiError(400, 'body_length_mismatch', '请求内容比声明的长度短'));
    });
    req.on('error', reject);
  });
}

/** Reads the rest of a refused body without keeping it, up to a bound; the answer says `connection: close`. */
function discardRest(req: IncomingMessage): void {
  let discarded = 0;
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DISCARD_AFTER_LIMIT_BYTES) req.socket.destroy();
  });
  req.resume();
}

export function send(res: ServerResponse, result: RouteResult): void {
  const headers: Record<string, string> = { 'cache-control': 'no-store', ...result.headers };
  if (result.raw !== undefined) {
    headers['content-length'] ??= String(typeof result.raw === 'string' ? Buffer.byteLength(result.raw) : result.raw.byteLength);
    res.writeHead(result.status ?? 200, headers);
    res.end(result.raw);
    return;
  }
  const payload = result.body === undefined ? '' : JSON.stringify(result.body);
  if (payload) {
    headers['content-type'] = 'application/json; charset=utf-8';
    // A declared length lets the answer go out in one write, without chunked framing.
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  res.writeHead(result.status ?? (payload ? 200 : 204), headers);
  res.end(payload);
}

export function sendError(res: ServerResponse, err: ApiError): void {
  if (res.headersSent) return;
  res.setHeader('connection', err.status === 413 ? 'close' : 'keep-alive');
  send(res, { status: err.status, body: { error: { code: err.code, message: err.message } } });
}
