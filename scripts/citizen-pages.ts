// Builds the citizen's phone pages outside the PWA bundle: each page's script bundled on its own for old phones and
// in-app browsers (ES2017, no optional chaining, no service worker), next to its HTML and the shared CSS in dist/citizen/.
// Run by the Vite build (vite.config.ts) after the PWA is written.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '..');
const SOURCE = join(ROOT, 'kiosk-app/citizen');
/** The phone pages: name → folder under kiosk-app/citizen/ holding index.html and page.ts. */
export const CITIZEN_PAGES = ['progress', 'site', 'booking'] as const;

export async function buildCitizenPages(outDir: string): Promise<void> {
  const target = join(outDir, 'citizen');
  mkdirSync(target, { recursive: true });
  copyFileSync(join(SOURCE, 'shared/citizen.css'), join(target, 'citizen.css'));
  for (const page of CITIZEN_PAGES) {
    copyFileSync(join(SOURCE, page, 'index.html'), join(target, `${page}.html`));
    await build({
      entryPoints: [join(SOURCE, page, 'page.ts')],
      outfile: join(target, `${page}.js`),
      bundle: true,
      minify: true,
      format: 'iife',
      target: 'es2017',
      legalComments: 'none',
      logLevel: 'warning',
    });
  }
}
