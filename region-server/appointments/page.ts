// The reference booking page (网办/掌办 channel) at /booking with its script, built into dist/citizen/ by the Vite
// build beside the progress page; the page calls the public booking API of routes.ts. Same headers as the progress
// page: nothing from elsewhere, no framing, no referrer.
import { createReadStream, existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';

const FILES: Record<string, { file: string; type: string }> = {
  '/booking': { file: 'booking.html', type: 'text/html; charset=utf-8' },
  '/citizen/booking.js': { file: 'booking.js', type: 'text/javascript; charset=utf-8' },
};
const HEADERS = {
  'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** Answers GET /booking and its script; false for any other request. */
export function bookingPage(distDir = resolve(import.meta.dirname, '../../dist')): (req: IncomingMessage, res: ServerResponse, url: URL) => boolean {
  const pages = join(distDir, 'citizen');
  return (req, res, url) => {
    const found = req.method === 'GET' ? FILES[url.pathname] : undefined;
    if (!found) return false;
    const path = join(pages, found.file);
    if (!existsSync(path)) {
      res.writeHead(503, { ...HEADERS, 'content-type': 'text/plain; charset=utf-8' });
      res.end('页面尚未构建，请先运行 npm run build。');
      return true;
    }
    res.writeHead(200, { ...HEADERS, 'content-type': found.type, 'cache-control': 'no-cache' });
    createReadStream(path).pipe(res);
    return true;
  };
}
