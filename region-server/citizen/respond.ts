// How the region answers the citizen's phone pages and their APIs: nothing from elsewhere, no framing, no referrer;
// a page file from the build (or a clear 503 before it is built) and JSON answers.
import { createReadStream, existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';

export const PAGE_HEADERS = {
  'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export function sendJson(res: ServerResponse, status: number, body: unknown, cache = 'no-store', extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...PAGE_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': cache, 'content-length': Buffer.byteLength(text), ...extra });
  res.end(text);
}

export function sendPageFile(res: ServerResponse, path: string, type: string): void {
  if (!existsSync(path)) {
    res.writeHead(503, { ...PAGE_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
    res.end('页面尚未构建，请先运行 npm run build。');
    return;
  }
  res.writeHead(200, { ...PAGE_HEADERS, 'content-type': type, 'cache-control': 'no-cache' });
  createReadStream(path).pipe(res);
}
