import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importEdges, reachableFiles } from './architecture/imports.ts';
import { sourcesUnder } from './architecture/sources.ts';
import { isStale, SERVER_BUNDLES } from './server-bundles.ts';

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

/** A project with one source file and, if given, the bundle, each with its own modification time (seconds). */
function project(sourceAt: number, bundleAt: number | null): string {
  const root = mkdtempSync(join(tmpdir(), 'bundles-'));
  roots.push(root);
  const bundle = { file: 'var/build/x.mjs', sources: ['src'] };
  mkdirSync(join(root, 'src/deep'), { recursive: true });
  writeFileSync(join(root, 'src/deep/a.ts'), '');
  for (const dir of ['src', 'src/deep', 'src/deep/a.ts']) utimesSync(join(root, dir), sourceAt, sourceAt);
  if (bundleAt !== null) {
    mkdirSync(join(root, 'var/build'), { recursive: true });
    writeFileSync(join(root, bundle.file), '');
    utimesSync(join(root, bundle.file), bundleAt, bundleAt);
  }
  return root;
}
const X = { file: 'var/build/x.mjs', sources: ['src'] };

describe('server bundles', () => {
  it('a missing bundle is stale; one newer than every source is not; a newer source anywhere below makes it stale', () => {
    expect(isStale(project(1000, null), X)).toBe(true);
    expect(isStale(project(1000, 2000), X)).toBe(false);
    expect(isStale(project(3000, 2000), X)).toBe(true);
  });

  it('both servers are rebuilt when the code they share changes', () => {
    expect(SERVER_BUNDLES.hall.sources).toContain('server-shared');
    expect(SERVER_BUNDLES.region.sources).toContain('server-shared');
  });

  it("each bundle's sources hold every project file its entries (server and worker threads) import", () => {
    const edges = importEdges(['protocol', 'content', 'hall-server', 'region-server', 'device-bridge', 'server-shared'].flatMap((f) => sourcesUnder(f)));
    const entries = {
      hall: ['hall-server/main.ts', 'hall-server/packs/worker.ts'],
      bridge: ['device-bridge/main.ts'],
      region: ['region-server/main.ts', 'region-server/catalogue/pack-worker.ts'],
    } satisfies Record<keyof typeof SERVER_BUNDLES, string[]>;
    for (const [name, files] of Object.entries(entries)) {
      const sources: readonly string[] = SERVER_BUNDLES[name as keyof typeof SERVER_BUNDLES].sources;
      const outside = reachableFiles(edges, files).filter((f) => !sources.some((s) => f === s || f.startsWith(`${s}/`)));
      expect({ bundle: name, outside }).toEqual({ bundle: name, outside: [] });
    }
  });
});
