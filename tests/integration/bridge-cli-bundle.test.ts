// The bridge bundle has one default place, the file `npm start` runs; its bundle script and REAL-DEVICES.md say so.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BRIDGE_BUNDLE, BRIDGE_NODE_FLAGS } from '../../scripts/build-servers.ts';

const ROOT = resolve(import.meta.dirname, '../..');
// Inside the project (git-ignored var/): the bundle loads its packages from the project's node_modules.
mkdirSync(join(ROOT, 'var'), { recursive: true });
const dir = mkdtempSync(join(ROOT, 'var', 'bridge-bundle-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bundleScript = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'device-bridge/bundle.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

describe('device-bridge bundle', () => {
  it('defaults to the bundle npm start runs', () => {
    expect(BRIDGE_BUNDLE).toBe('var/build/device-bridge.mjs');
    const help = bundleScript(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain(`default ${BRIDGE_BUNDLE}, the one npm start runs`);
    expect(help.stdout).toContain(`node --lite-mode --no-expose-wasm ${BRIDGE_BUNDLE} [bridge options]`);
  });

  it('REAL-DEVICES.md shows the same bundle commands', () => {
    const doc = readFileSync(join(ROOT, 'device-bridge/REAL-DEVICES.md'), 'utf8');
    expect(doc).toContain('\nnpx tsx device-bridge/bundle.ts\n');
    expect(doc).toContain(`\nnode ${BRIDGE_NODE_FLAGS.join(' ')} ${BRIDGE_BUNDLE} --config /etc/yibao/bridge.json\n`);
    expect(doc).not.toContain('var/bridge/');
  });

  it('builds a bundle that runs under plain node with the bridge flags, leaving no temporary file', () => {
    const out = join(dir, 'device-bridge.mjs');
    const built = bundleScript(['--out', out]);
    expect(built.status).toBe(0);
    expect(built.stdout.trim()).toBe(out);
    expect(readdirSync(dir)).toEqual(['device-bridge.mjs']);
    const run = spawnSync(process.execPath, [...BRIDGE_NODE_FLAGS, out, '--help'], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('--simulate');
    expect(existsSync(out)).toBe(true);
  });
});
