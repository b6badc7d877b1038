// The phone pages' one network helper: GET or POST JSON with a timeout, answering the status and the parsed body
// (null when there is none or it is not JSON). No exceptions for HTTP errors: the page decides what a status means.

export interface JsonAnswer {
  status: number;
  body: unknown;
}

/** Status 0: the network failed or timed out. */
export async function fetchJson(url: string, init: { method?: 'GET' | 'POST'; body?: unknown; timeoutMs?: number } = {}): Promise<JsonAnswer> {
  const controller = typeof AbortController === 'function' ? new AbortController() : null;
  const timer = setTimeout(() => controller && controller.abort(), init.timeoutMs === undefined ? 15_000 : init.timeoutMs);
  try {
    const res = await fetch(url, {
      method: init.method || 'GET',
      headers: init.body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: init.body === undefined ? null : JSON.stringify(init.body),
      cache: 'no-store',
      signal: controller ? controller.signal : null,
    });
    let body: unknown = null;
    try {
      body = await res.json();
    } catch {
      body = null;
    }
    return { status: res.status, body };
  } catch {
    return { status: 0, body: null };
  } finally {
    clearTimeout(timer);
  }
}

/** The Chinese message of an error answer (`{"error":{"message"}}`), or the fallback. */
export function errorMessage(body: unknown, fallback: string): string {
  if (typeof body === 'object' && body !== null) {
    const error = (body as { error?: unknown }).error;
    if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
      return (error as { message: string }).message;
    }
  }
  return fallback;
}
