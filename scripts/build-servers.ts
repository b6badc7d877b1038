// Production bundles of the hall-server and the device-bridge (one ESM file each, run with plain `node`): no TypeScript
// loader in the running process, which roughly halves its memory. Native addons and other packages stay external and
// load from node_modules. `npm start` calls `buildServersIfStale`; by hand: `npx tsx scripts/build-servers.ts`.
import { build, stop as stopEsbuild, type Plugin } from 'esbuild';
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { BRIDGE_BUNDLE, bundleBridge, SERVER_BUNDLE_OPTIONS } from '../device-bridge/bundle.ts';
import { isStale, SERVER_BUILD_DIR, SERVER_BUNDLES } from './server-bundles.ts';

const ROOT = resolve(import.meta.dirname, '..');
export { SERVER_BUILD_DIR } from './server-bundles.ts';
export const HALL_BUNDLE = SERVER_BUNDLES.hall.file;
/** Defined beside the bridge's own bundle script, so both build the same file. */
export { BRIDGE_BUNDLE, BRIDGE_NODE_FLAGS } from '../device-bridge/bundle.ts';

export { HALL_NODE_FLAGS, HALL_PROCESS_ENV } from '../hall-server/core/node-flags.ts';

/** In a bundle every module shares one `import.meta.url`, so a source file's `new URL('../../dist', import.meta.url)` would
 * point elsewhere. This gives each file its own URL again, computed from the bundle's place in the project. */
export function sourceUrls(root: string, outfile: string): Plugin {
  const toRoot = relative(dirname(outfile), root).split('\\').join('/') || '.';
  return {
    name: 'source-import-meta',
    setup(b) {
      b.onLoad({ filter: /\.tsx?$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        if (!/import\.meta\.(url|dirname|filename)/.test(text)) return undefined;
        const rel = relative(root, args.path).split('\\').join('/');
        const url = `new URL(${JSON.stringify(`${toRoot}/${rel}`)}, import.meta.url)`;
        const contents = text
          .replaceAll('import.meta.url', `${url}.href`)
          .replaceAll('import.meta.filename', `__fileURLToPath(${url})`)
          .replaceAll('import.meta.dirname', `__dirname_(__fileURLToPath(${url}))`);
        return { contents, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
      });
    },
  };
}

/** The packs worker thread's own bundle, beside the hall's (hall-server/packs/off-thread.ts finds it there). */
export const PACK_WORKER_BUNDLE_NAME = 'pack-worker.mjs';

export async function bundleHall(outfile: string = HALL_BUNDLE, root: string = ROOT): Promise<string> {
  const target = resolve(root, outfile);
  const banner = "import { fileURLToPath as __fileURLToPath } from 'node:url'; import { dirname as __dirname_ } from 'node:path';";
  await build({
    entryPoints: [resolve(root, 'hall-server/main.ts')],
    ...SERVER_BUNDLE_OPTIONS,
    outfile: target,
    // __hallBundleUrl: where the bundle lies, so the packs module starts its worker from the bundled worker file.
    banner: { js: `${banner} const __hallBundleUrl = import.meta.url;` },
    plugins: [sourceUrls(root, target)],
  });
  const worker = join(dirname(target), PACK_WORKER_BUNDLE_NAME);
  await build({
    entryPoints: [resolve(root, 'hall-server/packs/worker.ts')],
    ...SERVER_BUNDLE_OPTIONS,
    outfile: worker,
    banner: { js: banner },
    plugins: [sourceUrls(root, worker)],
  });
  return target;
}

/** Rebuilds whichever bundle is missing or older than its sources; returns the absolute paths of both. */
export async function buildServersIfStale(root: string = ROOT, log: (line: string) => void = console.log): Promise<{ hall: string; bridge: string }> {
  mkdirSync(join(root, SERVER_BUILD_DIR), { recursive: true });
  // Built under a temporary name and renamed into place, so a process starting meanwhile never loads half a file.
  const temp = (bundle: string) => `${bundle}.${process.pid}.tmp.mjs`;
  const hallStale = isStale(root, SERVER_BUNDLES.hall);
  const bridgeStale = isStale(root, SERVER_BUNDLES.bridge);
  if (hallStale) {
    log('[build] bundling the hall-server (esbuild)…');
    renameSync(await bundleHall(temp(HALL_BUNDLE), root), join(root, HALL_BUNDLE));
  }
  if (bridgeStale) {
    log('[build] bundling the device-bridge (esbuild)…');
    renameSync(await bundleBridge(temp(BRIDGE_BUNDLE)), join(root, BRIDGE_BUNDLE));
  }
  // esbuild's helper process would otherwise live on beside the servers the launcher starts.
  if (hallStale || bridgeStale) await stopEsbuild();
  return { hall: join(root, HALL_BUNDLE), bridge: join(root, BRIDGE_BUNDLE) };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(ROOT, 'scripts/build-servers.ts')) {
  const built = await buildServersIfStale();
  console.log(`${built.hall}\n${built.bridge}`);
}
