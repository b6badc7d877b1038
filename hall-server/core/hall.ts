// Assembles a hall-server: SQLite, event log, modules, HTTP router, WebSocket hub, static PWA.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import type { Pack } from '../../content/schema/index.ts';
import { CoreEndpoints, EVENT_STREAM_PATH, type HealthResponse, type Snapshot } from '../../protocol/hall/index.ts';
import { localDate } from '../../protocol/rules/hall-time.ts';
import type { HallConfig } from '../config/schema.ts';
import { accountsModule } from '../accounts/module.ts';
import { calendarStatus } from '../../content/schema/calendar-status.ts';
import { recordHeartbeat, terminalsModule } from '../terminals/module.ts';
import { TerminalStore } from '../terminals/store.ts';
import { startCheckpointer, type Checkpointer } from './checkpoint.ts';
import { migrate, openHallDatabase } from './db.ts';
import { eventMigrations, EventLog } from './events.ts';
import { ApiError, routeOf, type HallApp, type HallEvent, type HallModule, type Principal } from './module.ts';
import { RetentionPurger, checkedRowRetention, retentionMigrations, type ModuleRetention, type PurgeResult } from './retention.ts';
import { Router } from './router.ts';
import { CommitBatcher } from './batcher.ts';
import { openApiDocument } from './openapi.ts';
import { readKeyFile, resolveKeyFile } from './keys.ts';
import { createSecrets } from './secrets.ts';
import { SocketHub } from './sockets.ts';
import { setSecurityHeaders } from './security-headers.ts';
import { serveStatic } from './static.ts';
import { createLogger, type Logger } from './log.ts';

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
  /** Told the rows of each page a resuming socket reads (tests and benches watch that the pages stay small). */
  onReplayPage?: (rows: number) => void;
  /** Default: a logger on standard error (JSON unless it is a terminal). */
  log?: Logger;
  /** Length of a console session; default 12 hours. */
  adminSessionMs?: number;
}

export interface RunningHall {
  app: HallApp;
  server: Server;
  port: number;
  url: string;
  db: Database.Database;
  /** Purges what the retention settings let go, now (it also runs every hour). */
  purge(): Promise<PurgeResult>;
  /** The WAL checkpoint thread. */
  checkpointer: Checkpointer;
  /** The one-time setup code while the hall has no account (and the file it is kept in); null once set up. */
  setup(): { code: string; file: string } | null;
  close(): Promise<void>;
}

export const HALL_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

const PURGE_INTERVAL_MS = 3_600_000;

export async function startHall(options: HallOptions): Promise<RunningHall> {
  const now = options.now ?? (() => new Date());
  const logger = options.log ?? createLogger('hall');
  const db = openHallDatabase(options.dataDir);
  const keysFile = resolveKeyFile({ dataDir: options.dataDir, keysFile: options.config.keysFile, demo: options.config.demo, env: process.env });
  const secrets = createSecrets(readKeyFile(keysFile));
  migrate(db, 'core', [...eventMigrations, ...retentionMigrations]);
  const checkpointer = startCheckpointer(db, logger.child('checkpoint'));
  const terminals = new TerminalStore(db, now);
  let hub: SocketHub | null = null;
  const committedListeners: Array<(events: HallEvent[]) => void> = [];
  const publishedListeners: Array<(event: HallEvent) => void> = [];
  const log = new EventLog(db, now, (events) => {
    for (const listener of committedListeners) listener(events);
    hub?.deliver(events);
  }, (event) => {
    for (const listener of publishedListeners) listener(event);
  });
  const batcher = new CommitBatcher(log);
  const router = new Router((token) => terminals.authenticate(token), options.config.maxBodyBytes, (fn) => batcher.submit(fn), logger.child('http'));
  const insertAudit = db.prepare('INSERT INTO audit (at, actor_id, actor_role, action, details) VALUES (?, ?, ?, ?, ?)');
  let activePack: Pack | null = options.fallbackPack ?? null;
  const packListeners: Array<(pack: Pack) => void> = [];
  const moduleRetention: ModuleRetention = { rows: [], eventFloors: [] };

  const app: HallApp = {
    db,
    log: logger,
    events: log,
    secrets,
    dataDir: options.dataDir,
    keysFile,
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
    onEventPublished(listener) {
      publishedListeners.push(listener);
    },
    retainRows(rule) {
      moduleRetention.rows.push(checkedRowRetention(rule));
    },
    holdEventsFrom(floor) {
      moduleRetention.eventFloors.push(floor);
    },
    setActivePack(pack) {
      activePack = pack;
      log.publish('pack.activated', { id: pack.manifest.packId, version: pack.manifest.version });
      for (const listener of packListeners) listener(pack);
    },
  };

  const online = () => new Set((hub?.online() ?? []).map((p) => p.id));
  let setup: { code: string; file: string } | null = null;
  const accounts = accountsModule({
    terminals,
    disconnect: (id) => hub?.disconnect(id),
    onSetupCode: (code, file) => {
      setup = code && file ? { code, file } : null;
    },
    ...(options.adminSessionMs ? { sessionMs: options.adminSessionMs } : {}),
  });
  const all: HallModule[] = [terminalsModule(terminals, { online, disconnect: (id) => hub?.disconnect(id) }), accounts, ...options.modules];
  const names = new Set<string>();
  for (const m of all) {
    if (names.has(m.name)) throw new Error(`module ${m.name} listed twice`);
    names.add(m.name);
    migrate(db, m.name, m.migrations);
  }
  for (const m of all) m.register(app);

  const moduleHealth = (): Partial<Pick<HealthResponse, 'region'>> => {
    const parts: Partial<Pick<HealthResponse, 'region'>> = {};
    for (const m of all) Object.assign(parts, m.health?.());
    return parts;
  };
  router.add(routeOf(CoreEndpoints.health, {
    handle: () => {
      const pack = app.pack();
      const today = localDate(app.now().getTime(), options.config.queue.utcOffsetMinutes);
      const body: HealthResponse = {
        status: 'ok',
        version: HALL_VERSION,
        pack: { id: pack.manifest.packId, version: pack.manifest.version },
        calendar: calendarStatus(pack.calendar, today),
        ...moduleHealth(),
      };
      return { body };
    },
  }));

  router.add(routeOf(CoreEndpoints.openapi, {
    handle: () => ({ body: openApiDocument(router.list(), HALL_VERSION) }),
  }));

  const snapshot = (principal: Principal): Snapshot => {
    const modules: Record<string, unknown> = {};
    for (const m of all) {
      if (!m.snapshot) continue;
      try {
        modules[m.name] = m.snapshot(principal);
      } catch (err) {
        // One module's failure must not cut every terminal off the event stream.
        logger.error(`snapshot of module ${m.name} failed`, err);
        modules[m.name] = null;
      }
    }
    return {
      seq: log.lastSeq(),
      serverTime: now().toISOString(),
      principal,
      hallName: activePack?.manifest.hall.name ?? '医保经办大厅',
      utcOffsetMinutes: options.config.queue.utcOffsetMinutes,
      pack: activePack ? { id: activePack.manifest.packId, version: activePack.manifest.version } : null,
      modules,
    };
  };
  hub = new SocketHub({
    log,
    logger: logger.child('sockets'),
    authenticate: (token) => terminals.authenticate(token),
    sessionLeftMs: (token) => terminals.sessionLeftMs(token),
    snapshot,
    heartbeat: (principal, hb) => recordHeartbeat(app, terminals, { online, disconnect: (id) => hub?.disconnect(id) }, principal, hb),
    presence: (principal) => {
      if (principal.role !== 'admin') terminals.touch(principal.id);
    },
    ...(options.onReplayPage ? { onReplayPage: options.onReplayPage } : {}),
  });

  const distDir = resolve(options.distDir ?? new URL('../../dist', import.meta.url).pathname);
  const server = createServer((req, res) => {
    setSecurityHeaders(res);
    const url = new URL(req.url ?? '/', 'http://hall.local');
    router
      .handle(req, res, url)
      .then((handled) => {
        if (!handled) serveStatic(distDir, url.pathname, res);
      })
      .catch((err: unknown) => {
        logger.error('request failed', err);
        if (!res.headersSent) res.writeHead(500).end();
      });
  });
  // Terminals keep their connection open between commands; a short server timeout races with their reuse of it.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 70_000;
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://hall.local').pathname === EVENT_STREAM_PATH) hub?.upgrade(req, socket, head);
    else socket.destroy();
  });
  const purger = new RetentionPurger(
    db,
    {
      eventDays: options.config.eventRetentionDays,
      eventDaysByType: options.config.eventRetentionDaysByType,
      auditYears: options.config.auditRetentionYears,
    },
    now,
    moduleRetention,
  );
  const purge = () =>
    purger.run().then(
      (r) => {
        const rows = Object.entries(r.rows).filter(([, n]) => n > 0).map(([table, n]) => `, ${n} rows of ${table}`).join('');
        if (r.events || r.audit || rows) logger.info(`retention: purged ${r.events} events and ${r.audit} audit entries${rows} in ${r.batches} batches`);
        return r;
      },
      (err: unknown) => {
        logger.error('retention purge failed', err);
        throw err;
      },
    );
  const purgeTimer = setInterval(() => void purge().catch(() => undefined), PURGE_INTERVAL_MS);
  purgeTimer.unref();

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 4600, options.host ?? '127.0.0.1', () => {
      // Only a failure to listen ends the start; a later one (e.g. no file descriptors left to accept with) is logged.
      server.off('error', fail);
      server.on('error', (err) => logger.error('http server error', err));
      ok();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    app,
    server,
    port,
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    db,
    purge,
    checkpointer,
    setup: () => setup,
    async close() {
      clearInterval(purgeTimer);
      await purger.stop();
      hub?.close();
      for (const m of all) m.stop?.();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      await checkpointer.stop();
      db.close();
    },
  };
}
