// Figure of the public site page (issue #16): citizen.site_page_gzip_kb — the site page as a phone loads it (HTML,
// script, the shared CSS), each file gzip -9, in KB (≤ 15, like the progress page). Built here as the Vite build does.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildCitizenPages } from '../../scripts/citizen-pages.ts';

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'citizen-site-page-'));
  try {
    await buildCitizenPages(dir);
    const bytes = ['site.html', 'site.js', 'citizen.css']
      .map((f) => gzipSync(readFileSync(join(dir, 'citizen', f)), { level: 9 }).length)
      .reduce((a, b) => a + b, 0);
    console.log(JSON.stringify({ 'citizen.site_page_gzip_kb': Number((bytes / 1024).toFixed(2)) }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
