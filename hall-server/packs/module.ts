// The packs module: pack store in <dataDir>/packs, upload → validation report → preview → activate → rollback,
// history, and the pack files (voice clips, staff photos, media) served to the pages.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { DEMO_PUBLIC_KEY } from '../../content/keys/demo.ts';
import { packData } from '../../content/schema/index.ts';
import { formatIssue, readPackSource, type ReadResult } from '../../content/validate/index.ts';
import { ApiError, routeOf, type HallApp, type HallModule, type Principal } from '../core/module.ts';
import type { Logger } from '../core/log.ts';
import { MAX_UPLOAD_BYTES, PackEndpoints } from '../../protocol/hall/packs.ts';
import { readTrustedKeysFile, TRUSTED_KEYS_FILE } from '../config/trusted-keys.ts';
import type { SiteScopedKey } from '../../content/validate/site-scope.ts';
import { contentTypeOf } from './content-type.ts';
import { packMigrations } from './schema.ts';
import { PackStore, type PreparedUpload } from './store.ts';

export const SAMPLE_PACK_DIR = fileURLToPath(new URL('../../content/packs/sample', import.meta.url));

export interface PacksModuleOptions {
  /** Raw base64url Ed25519 public keys this hall trusts, besides those in <dataDir>/packs/trusted-keys.txt.
   * A demo hall also trusts the demo key of the sample pack. */
  trustedKeys?: readonly string[];
  /** Keys trusted for the hall's own site's packs only: the region's pack-signing key once the hall is enrolled. */
  siteKeys?: () => readonly SiteScopedKey[];
  /** Pack imported when the store has none active and no `--pack` was given; default: the sample pack in a demo hall,
   * none in a real one (its manager uploads the hall's own pack). */
  firstPack?: string | null;
}

const SYSTEM: Principal = { id: 'system', role: 'admin', window: null, name: '系统（启动时导入）' };

function readSource(path: string): ReadResult {
  return readPackSource(path);
}

/** Creates the module; `store()` gives the PackStore once registered (tests, benchmarks). */
export function packsModule(options: PacksModuleOptions = {}): HallModule & { store(): PackStore } {
  let store: PackStore | null = null;
  return {
    name: 'packs',
    migrations: packMigrations,
    store() {
      if (!store) throw new Error('packs module not registered');
      return store;
    },
    register(app: HallApp) {
      const root = join(app.dataDir, 'packs');
      const fixed = [...(options.trustedKeys ?? []), ...(app.demo ? [DEMO_PUBLIC_KEY] : [])];
      const s = new PackStore({
        db: app.db,
        root,
        trustedKeys: () => [...fixed, ...readTrustedKeysFile(join(root, TRUSTED_KEYS_FILE))],
        ...(options.siteKeys ? { siteKeys: options.siteKeys } : {}),
        now: () => app.now(),
        tx: (fn) => app.tx(fn),
        setActive: (pack) => app.setActivePack(pack),
        audit: (actor, action, details) => app.audit(actor, action, details),
        log: app.log.child('packs'),
      });
      store = s;
      importAtStart(s, app.log.child('packs'), app.startupPack, options.firstPack === undefined ? (app.demo ? SAMPLE_PACK_DIR : null) : options.firstPack);
      registerRoutes(app, s);
    },
  };
}

/** `--pack` always wins (staged and activated if newer); otherwise the stored active slot; otherwise the first pack. */
function importAtStart(store: PackStore, log: Logger, startupPack: string | null, firstPack: string | null): void {
  const restored = store.restore();
  const source = startupPack ?? (restored ? null : firstPack);
  if (!source || !existsSync(source)) {
    if (source) log.error(`pack not found: ${source}`);
    return;
  }
  const active = store.active();
  const read = readSource(source);
  const incoming = manifestOf(read);
  if (active && incoming && incoming.packId === active.manifest.packId && incoming.version <= active.manifest.version) {
    log.info(`${source} is version ${incoming.version}; keeping active version ${active.manifest.version}`);
    return;
  }
  const outcome = store.stage(read, SYSTEM);
  if (!outcome.accepted || !outcome.slot) {
    const errors = outcome.report.errors;
    log.error(`${source} refused (${errors.length} problems): ${errors.slice(0, 5).map(formatIssue).join(' | ')}`);
    return;
  }
  store.activate(outcome.slot.slot, SYSTEM);
  log.info(`activated ${outcome.slot.packId} v${outcome.slot.version} from ${source}`);
}

/** packId and version of a pack about to be imported, when its manifest can be read at all. */
function manifestOf(read: ReadResult): { packId: string; version: number } | null {
  try {
    const m = JSON.parse(new TextDecoder().decode(read.files.get('manifest.json'))) as { packId?: unknown; version?: unknown };
    return typeof m.packId === 'string' && typeof m.version === 'number' ? { packId: m.packId, version: m.version } : null;
  } catch {
    return null;
  }
}

function registerRoutes(app: HallApp, store: PackStore): void {
  app.route(routeOf(PackEndpoints.upload, {
    maxBodyBytes: MAX_UPLOAD_BYTES,
    // Validation and staging run in a worker thread; only the bookkeeping runs in the hall's transaction.
    async prepare({ body }) {
      if (body.length === 0) throw new ApiError(400, 'empty_upload', '没有收到文件，请选择内容包 zip 文件后再上传');
      return store.prepareUpload(new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
    },
    handle({ principal }, prepared: PreparedUpload) {
      const outcome = store.commitUpload(prepared, principal);
      return { status: outcome.accepted ? 201 : 422, body: outcome };
    },
  }));
  app.route(routeOf(PackEndpoints.list, { handle: () => ({ body: store.list() }) }));
  app.route(routeOf(PackEndpoints.report, { handle: ({ params }) => ({ body: store.report(params['slot']!) }) }));
  // Each reads and checks a whole pack from disk: in a worker thread (prepare), then the quick step in the transaction.
  app.route(routeOf(PackEndpoints.preview, {
    prepare: ({ params }) => store.verifyForSwitch(params['slot']!),
    handle: ({ params }, verified) => ({ body: store.preview(params['slot']!, verified) }),
  }));
  app.route(routeOf(PackEndpoints.activate, {
    prepare: ({ params }) => store.verifyForSwitch(params['slot']!),
    handle: ({ params, principal }, verified) => ({ body: { active: store.activate(params['slot']!, principal, verified) } }),
  }));
  app.route(routeOf(PackEndpoints.rollback, {
    prepare: () => store.verifyForSwitch(store.rollbackTarget()?.slot ?? null),
    handle: ({ principal }, verified) => ({ body: { active: store.rollback(principal, verified) } }),
  }));
  app.route(routeOf(PackEndpoints.active, { handle: () => ({ body: packData(app.pack()) }) }));
  app.route(routeOf(PackEndpoints.file, {
    handle({ params }) {
      const version = Number(params['version']);
      const path = `${params['dir']}/${params['name']}`;
      const bytes = Number.isInteger(version) ? store.file(params['packId']!, version, path) : undefined;
      if (!bytes) throw new ApiError(404, 'no_such_file', '内容包中没有这个文件');
      return {
        raw: bytes,
        // nosniff: a browser never second-guesses the type (the validator has checked the bytes match it).
        headers: { 'content-type': contentTypeOf(path), 'cache-control': 'public, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' },
      };
    },
  }));
}
