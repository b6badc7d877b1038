// The boundaries of the floor, computed from the sources: protocol/ and the pages stay browser-safe and off the
// servers, the hall-server, the region-server and the device-bridge do not import each other, and there is no import
// circle.
import { describe, expect, it } from 'vitest';
import { boundaryViolation, importCircles, importEdges, importSpecifiers, reachableFiles, type SourceFile } from './imports.ts';
import { sourcesUnder } from './sources.ts';

const FOLDERS = ['protocol', 'kiosk-app', 'hall-server', 'device-bridge', 'region-server', 'server-shared', 'content', 'scripts', 'tests'];

const file = (path: string, ...specifiers: string[]): SourceFile => ({
  path,
  text: specifiers.map((s) => `import { x } from '${s}';`).join('\n'),
});

describe('import boundaries (rules)', () => {
  it('reads every form of import', () => {
    const text = `import a from './a.ts';\nimport type { B } from "../b.ts";\nexport * from './c.ts';\nimport './d.css';\nconst e = () => import('./e.tsx');`;
    expect(importSpecifiers(text)).toEqual(['./a.ts', '../b.ts', './c.ts', './d.css', './e.tsx']);
  });

  it("flags each crossing the floor was built to end (today's before the move)", () => {
    const crossings = importEdges([
      file('kiosk-app/admin/help/index.tsx', '../../../hall-server/identity/schema.ts'),
      file('kiosk-app/kiosk/controller.ts', '../../device-bridge/protocol/messages.ts'),
      file('device-bridge/codecs/id-number.ts', '../../hall-server/ratings/core/mask.ts'),
      file('hall-server/api/common.ts', '../../device-bridge/codecs/id-number.ts'),
      file('protocol/hall/common.ts', 'node:crypto'),
      file('kiosk-app/shared/hall/api.ts', 'better-sqlite3'),
      file('protocol/person/mask.ts', '../../kiosk-app/kiosk/model/person.ts'),
      file('server-shared/off-thread.ts', '../hall-server/core/log.ts'),
      file('server-shared/worker-thread.ts', '../region-server/main.ts'),
      file('kiosk-app/kiosk/controller.ts', '../../server-shared/off-thread.ts'),
      file('region-server/accounts/handlers.ts', '../../hall-server/accounts/hasher.ts'),
      file('region-server/console/export.ts', '../../hall-server/ratings/core/csv.ts'),
      file('hall-server/region-link/push.ts', '../../region-server/sync/records.ts'),
      file('kiosk-app/citizen/progress/main.ts', '../../../region-server/citizen/view.ts'),
      file('region-server/main.ts', '../device-bridge/bundle.ts'),
    ]);
    expect(crossings.map(boundaryViolation)).toEqual([
      'a browser-side file imports a server',
      'a browser-side file imports a server',
      'the device-bridge imports the hall-server',
      'the hall-server imports the device-bridge',
      'a browser-side file imports a Node module',
      'a browser-side file imports better-sqlite3',
      'protocol/ imports a page',
      'server-shared/ imports a part it serves',
      'server-shared/ imports a part it serves',
      'a browser-side file imports a server',
      'the region-server imports the hall-server',
      'the region-server imports the hall-server',
      'the hall-server imports the region-server',
      'a browser-side file imports a server',
      'the region-server imports the device-bridge',
    ]);
  });

  it('lets every part import protocol/ and packages', () => {
    const allowed = importEdges([
      file('kiosk-app/kiosk/controller.ts', '../../protocol/hall/index.ts', 'zod', 'preact'),
      file('hall-server/identity/ecard.ts', '../../protocol/person/id-number.ts', 'node:crypto', 'better-sqlite3'),
      file('device-bridge/codecs/id-text.ts', '../../protocol/person/id-number.ts', 'node:buffer'),
      file('hall-server/packs/off-thread.ts', '../../server-shared/off-thread.ts'),
      file('region-server/catalogue/off-thread.ts', '../../server-shared/off-thread.ts'),
      file('region-server/accounts/handlers.ts', '../../server-shared/accounts/hasher.ts', '../../protocol/rules/password-policy.ts', 'pg'),
      file('hall-server/accounts/module.ts', '../../server-shared/accounts/hasher.ts'),
      file('server-shared/off-thread.ts', 'node:worker_threads', '../protocol/hall/index.ts'),
    ]);
    expect(allowed.map(boundaryViolation).filter((v) => v !== null)).toEqual([]);
  });

  it('finds both circles the floor opened (a value import and a type-only one through a lazy import)', () => {
    const edges = importEdges([
      file('hall-server/ratings/feed.ts', './service.ts'),
      file('hall-server/ratings/service.ts', './feed.ts'),
      { path: 'kiosk-app/admin/nav.ts', text: "const load = () => import('./overview/index.tsx');" },
      { path: 'kiosk-app/admin/overview/index.tsx', text: "import type { AdminPageProps } from '../nav.ts';" },
      file('kiosk-app/admin/page.ts', 'preact'),
    ]);
    expect(importCircles(edges)).toEqual([
      ['hall-server/ratings/feed.ts', 'hall-server/ratings/service.ts'],
      ['kiosk-app/admin/nav.ts', 'kiosk-app/admin/overview/index.tsx'],
    ]);
  });

  it('follows imports from the entries to every file they reach, once each', () => {
    const edges = importEdges([
      file('region-server/main.ts', './accounts/handlers.ts', 'pg'),
      { path: 'region-server/accounts/handlers.ts', text: "import { h } from '../../server-shared/accounts/hasher.ts';\nconst m = () => import('../main.ts');" },
      file('server-shared/accounts/hasher.ts', 'node:crypto'),
      file('hall-server/main.ts', '../server-shared/accounts/hasher.ts'),
    ]);
    expect(reachableFiles(edges, ['region-server/main.ts'])).toEqual([
      'region-server/accounts/handlers.ts',
      'region-server/main.ts',
      'server-shared/accounts/hasher.ts',
    ]);
  });
});

describe('import boundaries (the sources)', () => {
  const edges = importEdges(FOLDERS.flatMap((folder) => sourcesUnder(folder)));

  it('no file in protocol/ or kiosk-app/ imports node:*, better-sqlite3 or a server; the hall-server, the region-server and the device-bridge do not import each other', () => {
    const broken = edges.flatMap((e) => {
      const why = boundaryViolation(e);
      return why === null ? [] : [`${e.from} → ${e.specifier}: ${why}`];
    });
    expect(broken).toEqual([]);
  });

  it('nor does any file the pages and protocol/ reach through other folders (content/schema/ and the like)', () => {
    const browserEntries = [...new Set(edges.map((e) => e.from))].filter((p) => /^(protocol|kiosk-app)\//.test(p) && !/\.test\.tsx?$/.test(p));
    const reached = new Set(reachableFiles(edges, browserEntries));
    const broken = edges
      .filter((e) => reached.has(e.from) && !/^(protocol|kiosk-app)\//.test(e.from))
      .filter((e) => e.specifier.startsWith('node:') || e.specifier === 'better-sqlite3' || /^(hall-server|region-server|device-bridge|server-shared)\//.test(e.target ?? ''))
      .map((e) => `${e.from} → ${e.specifier}`);
    expect(broken).toEqual([]);
  });

  it('the queue stands on core/ alone: it imports no other hall-server module (the others read it, not it them)', () => {
    const crossings = edges
      .filter((e) => e.from.startsWith('hall-server/queue/') && e.target?.startsWith('hall-server/') && !/^hall-server\/(queue|core|config)\//.test(e.target))
      .map((e) => `${e.from} → ${e.target}`);
    expect(crossings).toEqual([]);
  });

  it('has no import circle', () => {
    expect(importCircles(edges)).toEqual([]);
  });

  it('the hall-server logs through its injected logger: no console.* outside main.ts', () => {
    const consoleUsers = sourcesUnder('hall-server')
      .filter((f) => !f.path.endsWith('.test.ts') && f.path !== 'hall-server/main.ts' && /\bconsole\.[a-z]+\(/.test(f.text))
      .map((f) => f.path);
    expect(consoleUsers).toEqual([]);
  });
});
