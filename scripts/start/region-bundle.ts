// The region-server as one ESM file (var/build/region-server.mjs) run with plain `node`, like the hall and the bridge:
// packages (pg, PGlite and its WebAssembly) stay external and load from node_modules; each source file keeps its own
// import.meta location, so the SQL migrations and the demo content are found where they lie in the project.
import { build, stop as stopEsbuild } from 'esbuild';
import { mkdirSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SERVER_BUNDLE_OPTIONS } from '../../device-bridge/bundle.ts';
import { REGION_PACK_WORKER_BUNDLE } from '../../region-server/catalogue/off-thread.ts';
import { sourceUrls } from '../build-servers.ts';
import { isStale, SERVER_BUILD_DIR, SERVER_BUNDLES } from '../server-bundles.ts';

export const REGION_BUNDLE = SERVER_BUNDLES.region.file;

/** Rebuilds the region bundle when it is missing or older than its sources; returns its absolute path. */
export async function buildRegionIfStale(root: string, log: (line: string) => void): Promise<string> {
  const bundle = join(root, REGION_BUNDLE);
  if (!isStale(root, SERVER_BUNDLES.region)) return bundle;
  log('[start] bundling the region-server (esbuild)…');
  mkdirSync(join(root, SERVER_BUILD_DIR), { recursive: true });
  // Built under a temporary name and renamed into place, so a process starting meanwhile never loads half a file.
  const temp = resolve(root, `${REGION_BUNDLE}.${process.pid}.tmp.mjs`);
  const banner = "import { fileURLToPath as __fileURLToPath } from 'node:url'; import { dirname as __dirname_ } from 'node:path';";
  // The pack worker first, so a region bundle never starts without its worker beside it.
  const worker = join(root, SERVER_BUILD_DIR, REGION_PACK_WORKER_BUNDLE);
  await build({
    entryPoints: [resolve(root, 'region-server/catalogue/pack-worker.ts')],
    ...SERVER_BUNDLE_OPTIONS,
    outfile: worker,
    banner: { js: banner },
    plugins: [sourceUrls(root, worker)],
  });
  await build({
    entryPoints: [resolve(root, 'region-server/main.ts')],
    ...SERVER_BUNDLE_OPTIONS,
    outfile: temp,
    // __regionBundleUrl: where the bundle lies, so the catalogue starts its pack worker from the bundled worker file.
    banner: { js: `${banner} const __regionBundleUrl = import.meta.url;` },
    plugins: [sourceUrls(root, bundle)],
  });
  await stopEsbuild();
  renameSync(temp, bundle);
  return bundle;
}
