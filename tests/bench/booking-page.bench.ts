// citizen.booking_page_gzip_kb: the reference booking page as a phone loads it (HTML, script, CSS), gzip -9, in KB
// (≤ 15, issue #16), built the way the Vite build builds it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildCitizenPages } from '../../scripts/citizen-pages.ts';

const dir = mkdtempSync(join(tmpdir(), 'booking-page-'));
try {
  await buildCitizenPages(dir);
  const bytes = ['booking.html', 'booking.js', 'citizen.css']
    .map((f) => gzipSync(readFileSync(join(dir, 'citizen', f)), { level: 9 }).length)
    .reduce((a, b) => a + b, 0);
  console.log(JSON.stringify({ 'citizen.booking_page_gzip_kb': Number((bytes / 1024).toFixed(2)) }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
