// One declaration per hall API endpoint: method, path, body and response schemas, roles. The hall-server registers
// its handler against the descriptor (its result checked against the response schema at compile time) and the pages
// and tools call through one client function per side that owns error parsing. Browser-safe.
import type { z } from 'zod';
import type { StaffRole } from './access.ts';
import { ErrorBody, type RoleSchema } from './common.ts';

type Role = z.infer<typeof RoleSchema>;

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Endpoint {
  method: Method;
  /** Express-style path, e.g. "/api/admin/packs/:slot/activate". */
  path: string;
  /** Roles allowed to call it, or 'public'. */
  roles: readonly Role[] | 'public';
  /** With 'admin' in `roles`: the console account roles that may call it (access.ts); absent: the 大厅负责人 only. */
  staff?: readonly StaffRole[];
  /** Query parameters: a schema taking them as an object of strings (query.ts); the router answers 400 when they fail
   * and hands the handler the parsed object. None: the handler reads the raw parameters, if any. */
  query?: z.ZodType<unknown, Record<string, string>>;
  /** JSON body schema (strict objects); none: the request has no JSON body. */
  body?: z.ZodType;
  /** The success body's schema; none: the success body is not JSON the page reads (a file, a CSV). */
  response?: z.ZodType;
  /** The body is raw bytes (a pack zip), not JSON. */
  rawBody?: true;
  /** One line for the API reference (`GET /api/openapi.json`). */
  summary?: string;
}

/** Declares an endpoint, keeping its literal types (the path's parameters, its schemas). */
export function endpoint<const E extends Endpoint>(declared: E): E {
  return declared;
}

/** What the page sends (before the schema's transforms) and what it gets back. */
export type BodyOf<E extends Endpoint> = E['body'] extends z.ZodType ? z.input<E['body']> : undefined;
export type ParsedBodyOf<E extends Endpoint> = E['rawBody'] extends true
  ? Uint8Array
  : E['body'] extends z.ZodType
    ? z.output<E['body']>
    : undefined;
/** What the page passes as the query of a declared one (before the schema's defaults and checks). */
export type QueryInputOf<E extends Endpoint> = E['query'] extends z.ZodType ? z.input<E['query']> : never;
/** What the handler reads of a declared query. */
export type ParsedQueryOf<E extends Endpoint> = E['query'] extends z.ZodType ? z.output<E['query']> : never;
export type ResponseOf<E extends Endpoint> = E['response'] extends z.ZodType ? z.output<E['response']> : unknown;
/** What a handler may answer with: the response schema's input (it is serialised as JSON). */
export type ResponseInputOf<E extends Endpoint> = E['response'] extends z.ZodType ? z.input<E['response']> : unknown;

type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;
/** The path parameters of an endpoint, by name. */
export type ParamsOf<E extends Endpoint> = { [K in ParamNames<E['path']>]: string | number };

/** The request path with its `:name` segments filled in (encoded). */
export function endpointPath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new RangeError(`path parameter ${name} missing for ${path}`);
    return encodeURIComponent(String(value));
  });
}

/** The error a failed call answered with: the hall's `{"error":{"code","message"}}`, or one that says the status. */
export function errorOfResponse(status: number, json: unknown): { code: string; message: string } {
  const parsed = ErrorBody.safeParse(json);
  if (parsed.success) return parsed.data.error;
  return { code: `http_${status}`, message: '大厅服务器暂时无法处理，请稍后再试' };
}
