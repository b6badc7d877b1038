// Bundles the bridge into one ESM file for terminals (native serialport/node-hid stay external):
//   npx tsx device-bridge/bundle.ts [--out var/bridge/bridge.mjs]
// then run it with `node --lite-mode var/bridge/bridge.mjs …` (no TypeScript loader, about half the memory of tsx).
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = resolve(import.meta.dirname, '..');

export async function bundleBridge(outfile: string): Promise<string> {
  const target = resolve(ROOT, outfile);
  await build({
    entryPoints: [resolve(ROOT, 'device-bridge/main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: target,
    logLevel: 'warning',
  });
  return target;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(ROOT, 'device-bridge/bundle.ts')) {
  const { values } = parseArgs({ options: { out: { type: 'string', default: 'var/bridge/bridge.mjs' } } });
  console.log(await bundleBridge(values.out ?? 'var/bridge/bridge.mjs'));
}
