// Assembles a hall-server: SQLite, event log, modules, HTTP router, WebSocket hub, static PWA.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import type { Pack } from '../../content/schema/index.ts';
import { ApiPaths, HealthResponse, type Snapshot } from '../api/index.ts';
import type { HallConfig } from '../config/schema.ts';
import { calendarStatus } from '../../content/schema/calendar-status.ts';
import { recordHeartbeat, terminalsModule } from '../terminals/module.ts';
import { TerminalStore } from '../terminals/store.ts';
import { migrate, openHallDatabase } from './db.ts';
import { eventMigrations, EventLog } from './events.ts';
import { ApiError, type HallApp, type HallEvent, type HallModule, type Principal } from './module.ts';
import { Router } from './router.ts';
import { CommitBatcher } from './batcher.ts';
import { openApiDocument } from './openapi.ts';
import { createSecrets, loadOrCreateKeys } from './secrets.ts';
import { SocketHub } from './sockets.ts';
import { serveStatic } from './static.ts';

export interface HallOptions {
  dataDir: string;
  config: HallConfig;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** The built PWA; default `dist/` of the project. */
  distDir?: string;
  modules: HallModule[];
  /** Used when no module (the packs module) activates a pack. */
  fallbackPack?: Pack;
  startupPack?: string | null;
  now?: () => Date;
}

export interface RunningHall {
  app: HallApp;
  server: Server;
  port: number;
  url: string;
  db: Database.Database;
  close(): Promise<void>;
}

export const HALL_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export async function startHall(options: HallOptions): Promise<RunningHall> {
  const now = options.now ?? (() => new Date());
  const db = openHallDatabase(options.dataDir);
  const secrets = createSecrets(loadOrCreateKeys(options.dataDir, options.config.secrets));
  migrate(db, 'core', eventMigrations);
  const terminals = new TerminalStore(db, now);
  let hub: SocketHub | null = null;
  const committedListeners: Array<(events: HallEvent[]) => void> = [];
  const log = new EventLog(db, now, (events) => {
    for (const listener of committedListeners) listener(events);
    hub?.deliver(events);
  });
  const batcher = new CommitBatcher(log);
  const router = new Router((token) => terminals.authenticate(token), options.config.maxBodyBytes, (fn) => batcher.submit(fn));
  const insertAudit = db.prepare('INSERT INTO audit (at, actor_id, actor_role, action, details) VALUES (?, ?, ?, ?, ?)');
  let activePack: Pack | null = options.fallbackPack ?? null;
  const packListeners: Array<(pack: Pack) => void> = [];

  const app: HallApp = {
    db,
    events: log,
    secrets,
    dataDir: options.dataDir,
    startupPack: options.startupPack ?? null,
    demo: options.config.demo,
    tx: (fn) => log.tx(fn),
    route: (spec) => router.add(spec),
    audit(actor, action, details) {
      insertAudit.run(now().toISOString(), actor?.id ?? null, actor?.role ?? null, action, JSON.stringify(details));
    },
    now,
    pack() {
      if (!activePack) throw new ApiError(503, 'no_pack', '大厅尚未加载内容包，请管理员在管理台导入内容包');
      return activePack;
    },
    onPackActivated(listener) {
      packListeners.push(listener);
    },
    onEventsCommitted(listener) {
      committedListeners.push(listener);
    },
    setActivePack(pack) {
      activePack = pack;
      log.publish('pack.activated', { id: pack.manifest.packId, version: pack.manifest.version });
      for (const listener of packListeners) listener(pack);
    },
  };

  const online = () => new Set((hub?.online() ?? []).map((p) => p.id));
  const all: HallModule[] = [terminalsModule(terminals, { online, disconnect: (id) => hub?.disconnect(id) }), ...options.modules];
  const names = new Set<string>();
  for (const m of all) {
    if (names.has(m.name)) throw new Error(`module ${m.name} listed twice`);
    names.add(m.name);
    migrate(db, m.name, m.migrations);
  }
  for (const m of all) m.register(app);

  router.add({
    method: 'GET', path: ApiPaths.health, roles: 'public', summary: 'Liveness and the active content pack', response: HealthResponse,
    handle: (): { body: HealthResponse } => {
      const pack = app.pack();
      const today = new Date(app.now().getTime() + options.config.queue.utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
      return {
        body: {
          status: 'ok',
          version: HALL_VERSION,
          pack: { id: pack.manifest.packId, version: pack.manifest.version },
          calendar: calendarStatus(pack.calendar, today),
        },
      };
    },
  });

  router.add({
    method: 'GET', path: '/api/openapi.json', roles: 'public', summary: 'This API reference (OpenAPI 3.1)',
    handle: () => ({ body: openApiDocument(router.list(), HALL_VERSION) }),
  });

  const snapshot = (principal: Principal): Snapshot => {
    const modules: Record<string, unknown> = {};
    for (const m of all) {
      if (!m.snapshot) continue;
      try {
        modules[m.name] = m.snapshot(principal);
      } catch (err) {
        // One module's failure must not cut every terminal off the event stream.
        console.error(`[hall] snapshot of module ${m.name} failed:`, err);
        modules[m.name] = null;
      }
    }
    return {
      seq: log.lastSeq(),
      serverTime: now().toISOString(),
      principal,
      hallName: activePack?.manifest.hall.name ?? '医保经办大厅',
      pack: activePack ? { id: activePack.manifest.packId, version: activePack.manifest.version } : null,
      modules,
    };
  };
  hub = new SocketHub({
    log,
    authenticate: (token) => terminals.authenticate(token),
    snapshot,
    heartbeat: (principal, hb) => recordHeartbeat(app, terminals, { online, disconnect: (id) => hub?.disconnect(id) }, principal, hb),
    presence: (principal) => {
      if (principal.role !== 'admin') terminals.touch(principal.id);
    },
  });

  const distDir = resolve(options.distDir ?? new URL('../../dist', import.meta.url).pathname);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://hall.local');
    router
      .handle(req, res, url)
      .then((handled) => {
        if (!handled) serveStatic(distDir, url.pathname, res);
      })
      .catch((err: unknown) => {
        console.error('[hall] request failed:', err);
        if (!res.headersSent) res.writeHead(500).end();
      });
  });
  // Terminals keep their connection open between commands; a short server timeout races with their reuse of it.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 70_000;
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://hall.local').pathname === ApiPaths.events) hub?.upgrade(req, socket, head);
    else socket.destroy();
  });
  // Read here, not in the timer: a closure over `options` would keep the fallback pack (media and all) in memory after
  // the packs module has activated its own copy.
  const eventRetentionMs = options.config.eventRetentionDays * 86_400_000;
  const purgeTimer = setInterval(() => {
    log.purge(new Date(now().getTime() - eventRetentionMs));
  }, 3_600_000);
  purgeTimer.unref();

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 4600, options.host ?? '127.0.0.1', () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    app,
    server,
    port,
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    db,
    async close() {
      clearInterval(purgeTimer);
      hub?.close();
      for (const m of all) m.stop?.();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      db.close();
    },
  };
}
