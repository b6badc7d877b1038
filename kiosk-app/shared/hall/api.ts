// fetch wrapper for the hall-server: JSON in, schema-checked JSON out, typed errors with a Chinese message. Pages call
// a declared endpoint (protocol/hall) through `call`; this file is the one place a page reads a failed call's body.
import type { z } from 'zod';
import {
  endpointPath, errorOfResponse, type BodyOf, type Endpoint, type ParamsOf, type QueryInputOf, type ResponseOf,
} from '../../../protocol/hall/endpoint.ts';
import { saveSession, session } from './session.ts';

/** Base URL of the hall-server; empty when the page is served by it (the normal case). */
let baseUrl = '';
export function setHallBaseUrl(url: string): void {
  baseUrl = url.replace(/\/$/, '');
}
export function hallBaseUrl(): string {
  return baseUrl || globalThis.location?.origin || '';
}

export class HallApiError extends Error {
  constructor(
    /** HTTP status; 0 when the hall-server could not be reached. */
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
  get unreachable(): boolean {
    return this.status === 0;
  }
}

export interface ApiOptions<R extends z.ZodType> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Validates the response body; without it the body is returned unchecked as unknown. */
  response?: R;
  token?: string | null;
  signal?: AbortSignal;
}

/** Calls the hall API. A body means POST unless `method` says otherwise. */
export async function api<R extends z.ZodType = z.ZodUnknown>(
  path: string,
  body?: unknown,
  options: ApiOptions<R> = {},
): Promise<z.infer<R>> {
  const token = options.token === undefined ? session.value?.token : options.token;
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers['authorization'] = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(baseUrl + path, {
      method: options.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      signal: options.signal ?? null,
    });
  } catch {
    throw new HallApiError(0, 'unreachable', '暂时无法连接大厅服务器，请稍后再试');
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    throw new HallApiError(res.status, 'bad_response', '大厅服务器的回复无法识别，请联系工作人员');
  }
  if (!res.ok) {
    if (res.status === 401 && token && token === session.value?.token) saveSession(null);
    throw failedCall(res.status, json);
  }
  if (!options.response) return json as z.infer<R>;
  const parsed = options.response.safeParse(json);
  if (!parsed.success) throw new HallApiError(res.status, 'bad_response', '大厅服务器的回复无法识别，请联系工作人员');
  return parsed.data as z.infer<R>;
}

/** The HallApiError of a failed call's status and body (the hall's error body, or one that names the status). */
export function failedCall(status: number, json: unknown): HallApiError {
  const { code, message } = errorOfResponse(status, json);
  return new HallApiError(status, code, message);
}

export interface CallOptions<E extends Endpoint> {
  params?: ParamsOf<E>;
  body?: BodyOf<E>;
  /** The declared query's fields (protocol/hall/query.ts), or raw parameters for an endpoint that declares none. */
  query?: [QueryInputOf<E>] extends [never] ? URLSearchParams : QueryInputOf<E>;
  token?: string | null;
  signal?: AbortSignal;
}

/** The path of a declared endpoint with its parameters filled in, and the query. */
function urlOf<E extends Endpoint>(declared: E, options: Pick<CallOptions<E>, 'params' | 'query'>): string {
  // ParamsOf<E> names exactly the path's parameters; endpointPath takes any record of them.
  const path = endpointPath(declared.path, options.params as Record<string, string | number> | undefined);
  const query = searchOf(options.query)?.toString();
  return query ? `${path}?${query}` : path;
}

/** The parameters of a query object (absent fields left out), or raw ones as they are. */
function searchOf(query: URLSearchParams | object | undefined): URLSearchParams | undefined {
  if (query === undefined || query instanceof URLSearchParams) return query;
  const fields = Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  return new URLSearchParams(fields);
}

/** Calls a declared endpoint: its method and path, its response checked by its schema. */
export function call<E extends Endpoint>(declared: E, options: CallOptions<E> = {}): Promise<ResponseOf<E>> {
  return api(urlOf(declared, options), options.body, {
    method: declared.method,
    ...(declared.response ? { response: declared.response } : {}),
    ...(options.token !== undefined ? { token: options.token } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  }) as Promise<ResponseOf<E>>;
}

/** Fetches a declared endpoint that answers with a file (a CSV export): the response, or the HallApiError of a failed
 * call. The token goes in a header, never in the URL. */
export async function fetchFile<E extends Endpoint>(declared: E, options: Omit<CallOptions<E>, 'body'> = {}): Promise<Response> {
  const token = options.token === undefined ? session.value?.token : options.token;
  let res: Response;
  try {
    res = await fetch(baseUrl + urlOf(declared, options), {
      method: declared.method,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      signal: options.signal ?? null,
    });
  } catch {
    throw new HallApiError(0, 'unreachable', '暂时无法连接大厅服务器，请稍后再试');
  }
  if (!res.ok) throw failedCall(res.status, await res.json().catch(() => null));
  return res;
}

/** A fresh idempotency key for one command (reuse it when retrying the same command). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID().replaceAll('-', '');
}
