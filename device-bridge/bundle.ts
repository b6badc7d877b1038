// Bundles the bridge into one ESM file for terminals (native serialport/node-hid stay external). The default output is
// the file `npm start` runs (scripts/build-servers.ts builds the same one):
//   npx tsx device-bridge/bundle.ts [--out var/build/device-bridge.mjs]
//   node --lite-mode --no-expose-wasm var/build/device-bridge.mjs …   (no TypeScript loader, about half the memory of tsx)
import { build, type BuildOptions } from 'esbuild';
import { renameSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = resolve(import.meta.dirname, '..');

/** The one place the bridge bundle lives (git-ignored, under var/), for this script and `npm start` alike. */
export const BRIDGE_BUNDLE = 'var/build/device-bridge.mjs';
/** The bridge holds almost nothing; lite mode (no optimising compiler) halves its code memory. It implies no
 * WebAssembly (the bridge uses none); saying so keeps V8 from printing a warning at every start. */
export const BRIDGE_NODE_FLAGS: readonly string[] = ['--lite-mode', '--no-expose-wasm'];

const HELP = `Usage: npx tsx device-bridge/bundle.ts [--out FILE]

Bundles the device-bridge into one file (default ${BRIDGE_BUNDLE}, the one npm start runs). Keep FILE inside the
project: the bundle loads serialport, node-hid and ws from its node_modules. Run it with
  node ${BRIDGE_NODE_FLAGS.join(' ')} ${BRIDGE_BUNDLE} [bridge options]
`;

/** What every server bundle shares: one ESM file for Node 20, with packages (native addons among them) left in node_modules. */
export const SERVER_BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
} as const satisfies BuildOptions;

export async function bundleBridge(outfile: string = BRIDGE_BUNDLE): Promise<string> {
  const target = resolve(ROOT, outfile);
  await build({
    entryPoints: [resolve(ROOT, 'device-bridge/main.ts')],
    ...SERVER_BUNDLE_OPTIONS,
    outfile: target,
  });
  return target;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(ROOT, 'device-bridge/bundle.ts')) {
  const { values } = parseArgs({ options: { out: { type: 'string', default: BRIDGE_BUNDLE }, help: { type: 'boolean', default: false } } });
  if (values.help) {
    process.stdout.write(HELP);
  } else {
    const target = resolve(ROOT, values.out ?? BRIDGE_BUNDLE);
    // Built under a temporary name and renamed into place, so a bridge starting meanwhile never loads half a file.
    renameSync(await bundleBridge(`${target}.${process.pid}.tmp.mjs`), target);
    console.log(target);
  }
}
