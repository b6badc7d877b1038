// The region console's client: calls an endpoint declared in protocol/region/console.ts with the session's token and
// checks the answer with the endpoint's schema; a failure is a RegionApiError with the server's Chinese message.
import { signal } from '@preact/signals';
import type { z } from 'zod';
import { consolePath, type ConsoleEndpoint, type ConsoleTokenResponse, type ConsoleUser } from '../../protocol/region/console.ts';

const STORAGE_KEY = 'region-console-session';

export class RegionApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

interface StoredSession {
  token: string;
  user: ConsoleUser;
}

function load(): StoredSession | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as StoredSession) : null;
  } catch {
    return null;
  }
}

export const consoleSession = signal<StoredSession | null>(load());

export function saveConsoleSession(answer: ConsoleTokenResponse | null): void {
  consoleSession.value = answer ? { token: answer.token, user: answer.user } : null;
  if (answer) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(consoleSession.value));
  else sessionStorage.removeItem(STORAGE_KEY);
}

export interface CallOptions {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

async function send(endpoint: ConsoleEndpoint, options: CallOptions): Promise<Response> {
  const search = options.query ? `?${new URLSearchParams(options.query).toString()}` : '';
  const headers: Record<string, string> = {};
  const token = consoleSession.value?.token;
  if (token) headers['authorization'] = `Bearer ${token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(consolePath(endpoint.path, options.params) + search, {
      method: endpoint.method,
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
    });
  } catch {
    throw new RegionApiError(0, 'unreachable', '暂时无法连接区域中心，请稍后再试');
  }
  if (!res.ok) {
    const failed = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    if (res.status === 401 && endpoint.permission !== null) saveConsoleSession(null);
    throw new RegionApiError(res.status, failed?.error?.code ?? 'failed', failed?.error?.message ?? `请求失败（${res.status}）`);
  }
  return res;
}

export async function call<E extends ConsoleEndpoint & { response: z.ZodType }>(endpoint: E, options: CallOptions = {}): Promise<z.infer<E['response']>> {
  const res = await send(endpoint, options);
  return endpoint.response.parse(await res.json()) as z.infer<E['response']>;
}

/** A file answer (the CSV export) as a Blob. */
export async function download(endpoint: ConsoleEndpoint, options: CallOptions = {}): Promise<Blob> {
  return (await send(endpoint, options)).blob();
}
