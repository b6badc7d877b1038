// Test helper: a copy of the built PWA (dist/) for a test hall to serve, and the next build of it. A new build changes
// index.html and therefore its precache revision inside sw.js, so the browser's update check finds a changed service
// worker that precaches the new page; here the copy gets exactly that change, with a build marker in index.html.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './hall.ts';

/** The meta element that names the build a page was loaded from (absent in the original build). */
export const BUILD_MARKER = 'yibao-test-build';

export interface AppShellCopy {
  dir: string;
  /** Writes the next build into the copy: index.html with `<meta name="yibao-test-build" content=build>`, sw.js
   * precaching it under its new revision. */
  publishNextBuild(build: string): void;
  remove(): void;
}

const md5 = (bytes: string) => createHash('md5').update(bytes).digest('hex');

export function copyAppShell(): AppShellCopy {
  const dir = mkdtempSync(join(tmpdir(), 'app-shell-'));
  cpSync(join(ROOT, 'dist'), dir, { recursive: true });
  return {
    dir,
    publishNextBuild(build) {
      const htmlPath = join(dir, 'index.html');
      const swPath = join(dir, 'sw.js');
      const html = readFileSync(htmlPath, 'utf8');
      const next = html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta name="${BUILD_MARKER}" content="${build}" />`);
      if (next === html) throw new Error('index.html has no charset meta to put the build marker after');
      const entry = (html: string) => `{"revision":"${md5(html)}","url":"index.html"}`;
      const sw = readFileSync(swPath, 'utf8');
      if (sw.split(entry(html)).length !== 2) throw new Error('sw.js does not precache index.html under its current revision');
      writeFileSync(htmlPath, next);
      writeFileSync(swPath, sw.replace(entry(html), entry(next)));
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
