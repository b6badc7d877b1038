// Serves the built console pages at /region/ (dist/region/index.html) and the assets of the one Vite build (/assets/).
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

export function serveRegionPages(distDir: string | undefined, pathname: string, res: ServerResponse): void {
  const index = distDir ? join(distDir, 'region', 'index.html') : '';
  if (!distDir || !existsSync(index)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('区域管理台页面尚未构建，请先运行 npx vite build。');
    return;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    decoded = '/region/';
  }
  const rel = normalize(decoded).replace(/^(\.\.[/\\])+/, '');
  let file = join(distDir, rel);
  const found = file.startsWith(distDir + sep) && existsSync(file) && !statSync(file).isDirectory();
  if (!found && !pathname.startsWith('/region')) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('未找到');
    return;
  }
  if (!found) file = index;
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
  createReadStream(file).pipe(res);
}
