// Serves the built PWA from dist/, with the SPA fallback to index.html for the screen routes.
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wav': 'audio/wav',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
const SCREENS = /^\/(kiosk|board|pad|counter|admin)(\/|$)|^\/$/;
/** The citizen's phone pages (built on their own into dist/citizen/): path → page file. */
const CITIZEN_PAGES: Array<[RegExp, string]> = [
  [/^\/t\/[A-Za-z0-9_-]{1,64}$/, 'citizen/progress.html'],
  [/^\/s\/[a-z0-9][a-z0-9-]{1,39}$/, 'citizen/site.html'],
];

export function serveStatic(distDir: string, pathname: string, res: ServerResponse): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return notFound(res);
  }
  const citizenPage = CITIZEN_PAGES.find(([pattern]) => pattern.test(pathname));
  if (citizenPage) decoded = `/${citizenPage[1]}`;
  const rel = normalize(decoded).replace(/^(\.\.[/\\])+/, '');
  let file = join(distDir, rel);
  if (!file.startsWith(distDir + sep) && file !== distDir) return notFound(res);
  if (!existsSync(file) || statSync(file).isDirectory()) {
    if (!SCREENS.test(pathname)) return notFound(res);
    file = join(distDir, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('界面尚未构建，请先运行 npm run build（npm start 会自动构建）。');
      return;
    }
  }
  const immutable = rel.startsWith(`${sep}assets${sep}`) || rel.startsWith('/assets/');
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(file).pipe(res);
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('未找到');
}
