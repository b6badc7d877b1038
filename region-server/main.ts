// The region server: one per city or county. Connects to PostgreSQL (a real server with --database-url, or the embedded
// PGlite in --data-dir), applies migrations, serves halls on HTTP.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import pg from 'pg';
import { migrate } from './db/migrate.ts';
import { createConsoleFront } from './console/router.ts';
import { createRegionServer, type RegionLogger } from './http/server.ts';
import type { RegionSealingKeys } from './console/context.ts';
import { loadRegionKeys, resolveRegionKeyFile, type RegionKeys } from './keys.ts';
import { openSealed } from './sealing/open.ts';
import { openEmbeddedDatabase } from './db/pglite.ts';
import { prepareDemoRegion, startDemoRegion } from './simulate/demo.ts';
import { DEFAULT_MAX_PUSHES_IN_FLIGHT, PushGate } from './sync/push-gate.ts';

const HELP = `region-server: the 1+21+N network's centre on PostgreSQL

  --database-url URL   a PostgreSQL server: postgres://user@host:port/db (default $DATABASE_URL)
  --data-dir DIR       without a database URL: the embedded PGlite database in DIR (demo and small trials)
  --port N             HTTP port (default 4700)
  --host ADDR          listen address (default 127.0.0.1)
  --keys-file FILE     the region's key file (mode 600, outside the database; default
                       $CREDENTIALS_DIRECTORY/region-keys.json when set); make one with: scripts/region.ts keygen --keys-file FILE
  --max-pushes N       pushes in flight at once (default 128); past it a hall is answered 503 with Retry-After
  --demo               also run the demo: the demo catalogue, the demo hall's site and simulated sites pushing live
  --demo-enrol-code C  with --demo: the one-time code the demo hall enrols with
`;

/** Connections to a real server: enough for every core of PostgreSQL to work while others wait on fsync, few enough
 * that 120 halls pushing at once queue in the pool instead of thrashing the server (tests/bench/region.bench.ts). */
const SERVER_POOL_SIZE = 16;

function jsonLogger(component: string): RegionLogger {
  const line = (level: string) => (message: string, fields: Record<string, unknown> = {}): void => {
    process.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), level, component, message, ...fields })}\n`);
  };
  return { info: line('info'), warn: line('warn'), error: line('error') };
}

/** The sealing keys as the console's export is handed them (PEM entries, newest first). */
function sealingKeysOf(keys: RegionKeys): RegionSealingKeys {
  return {
    sealing: keys.sealing.map((k) => ({ keyId: k.keyId, privateKey: k.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), createdAt: k.createdAt })),
  };
}

async function openDatabase(url: string | undefined, dataDir: string | undefined): Promise<{ pool: pg.Pool; close(): Promise<void> }> {
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: SERVER_POOL_SIZE });
    return { pool, close: () => pool.end() };
  }
  if (dataDir) return openEmbeddedDatabase(dataDir);
  throw new Error('no database: pass --database-url (or set DATABASE_URL) for a PostgreSQL server, or --data-dir for the embedded one');
}

/** Seconds between two steps of the demo's simulated halls. */
const DEMO_TICK_MS = 2_000;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' },
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'keys-file': { type: 'string' },
      'max-pushes': { type: 'string' },
      demo: { type: 'boolean' },
      'demo-enrol-code': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const log = jsonLogger('region');
  const database = await openDatabase(values['database-url'] ?? process.env.DATABASE_URL, values['data-dir']);
  const { pool } = database;
  pool.on('error', (err) => log.error('idle database connection failed', { error: err.message }));
  const applied = await migrate(pool);
  if (applied.length) log.info('migrations applied', { applied });
  const keysFile = resolveRegionKeyFile(values['keys-file'], process.env);
  const keys = keysFile ? loadRegionKeys(keysFile) : null;
  if (!keys) log.warn('no region key file: enrolled halls get no sealing key, packs cannot be published and the upstream export is refused');
  const consoleFront = createConsoleFront(pool, {
    sealing: keys ? { openSealed: (box) => openSealed(box, keys.sealing), keys: sealingKeysOf(keys) } : null,
    signingKeyPem: keys?.signingKeyPem ?? null,
    distDir: resolve(import.meta.dirname, '../dist'),
    // For the person at the console, on stderr: stdout carries the JSON log lines, which must not hold the code.
    onSetupCode: (code) => {
      if (code) process.stderr.write(`\n  区域管理台首次设置码 / region console setup code (at /region/): ${code}\n\n`);
    },
  });
  await consoleFront.start();
  if (values.demo) await prepareDemoRegion(pool, { hallEnrolCode: values['demo-enrol-code'], signingKeyPem: keys?.signingKeyPem ?? null, log });
  const pushGate = new PushGate(values['max-pushes'] === undefined ? DEFAULT_MAX_PUSHES_IN_FLIGHT : Number(values['max-pushes']));
  const server = createRegionServer(pool, log, { keys, consoleFront, pushGate });
  const port = Number(values.port ?? 4700);
  const host = values.host ?? '127.0.0.1';
  const listening = await new Promise<number>((resolve, reject) => {
    const refused = (err: NodeJS.ErrnoException) =>
      reject(new Error(err.code === 'EADDRINUSE' ? `port ${port} on ${host} is already in use: give the region another one with --port` : err.message));
    server.once('error', refused);
    server.listen(port, host, () => {
      server.off('error', refused);
      server.on('error', (err) => log.error('http server error', { error: err.message }));
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
  log.info('listening', { port: listening });
  const regionUrl = `http://${host}:${listening}`;
  const demo = values.demo
    ? await startDemoRegion(pool, { regionUrl, tickMs: DEMO_TICK_MS, log })
    : null;
  if (demo) log.info('demo ready', { regionUrl, simulatedSites: demo.siteIds });
  const stop = (): void => {
    server.close();
    void (demo?.stop() ?? Promise.resolve())
      .then(() => database.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`region-server failed to start: ${(err as Error).message}\n`);
  process.exit(1);
});
