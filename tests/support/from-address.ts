// Test helper: an API call from a chosen loopback source address (127.0.0.2, 127.0.0.3, …), so a test can be two
// people on the hall LAN: the guesser and the real manager at another desk.
import { request } from 'node:http';
import type { ApiResult } from './hall.ts';

export function apiFrom<T = any>( // any: tests read fields freely
  localAddress: string,
  url: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<ApiResult<T> & { headers: Record<string, string | string[] | undefined> }> {
  const payload = body === undefined ? null : JSON.stringify(body);
  const headers: Record<string, string> = {};
  if (payload !== null) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  if (token) headers['authorization'] = `Bearer ${token}`;
  return new Promise((ok, fail) => {
    const req = request(url + path, { method, headers, localAddress, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null, headers: res.headers }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end(payload ?? undefined);
  });
}
