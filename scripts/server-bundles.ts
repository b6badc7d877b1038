// The servers' production bundles in one list: where each lies and which sources it is built from, and the one check
// whether a bundle is missing or older than its sources. scripts/build-servers.ts (hall, bridge) and
// scripts/start/region-bundle.ts (region) rebuild by it.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BRIDGE_BUNDLE } from '../device-bridge/bundle.ts';

/** Git-ignored (under var/). */
export const SERVER_BUILD_DIR = 'var/build';

export interface ServerBundle {
  /** The bundle, relative to the project root. */
  file: string;
  /** Folders and files (relative to the root) whose change makes the bundle stale. */
  sources: readonly string[];
}

const PACKAGES = ['package.json', 'package-lock.json'];

export const SERVER_BUNDLES = {
  hall: { file: `${SERVER_BUILD_DIR}/hall-server.mjs`, sources: ['hall-server', 'server-shared', 'protocol', 'content', ...PACKAGES] },
  bridge: { file: BRIDGE_BUNDLE, sources: ['device-bridge', 'protocol', ...PACKAGES] },
  region: { file: `${SERVER_BUILD_DIR}/region-server.mjs`, sources: ['region-server', 'server-shared', 'protocol', 'content', ...PACKAGES] },
} as const satisfies Record<string, ServerBundle>;

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Whether the bundle is missing or older than any of its sources. */
export function isStale(root: string, bundle: ServerBundle): boolean {
  const file = join(root, bundle.file);
  if (!existsSync(file)) return true;
  const builtAt = statSync(file).mtimeMs;
  return bundle.sources.some((s) => newestMtime(join(root, s)) > builtAt);
}
