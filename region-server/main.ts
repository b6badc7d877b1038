// The region server: one per city or county. Connects to PostgreSQL, applies migrations, serves halls on HTTP.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { resolve } from 'node:path';
import { migrate } from './db/migrate.ts';
import { createConsoleFront } from './console/router.ts';
import { createRegionServer, type RegionLogger } from './http/server.ts';
import type { RegionSealingKeys } from './console/context.ts';
import { loadRegionKeys, resolveRegionKeyFile, type RegionKeys } from './keys.ts';
import { openSealed } from './sealing/open.ts';

const HELP = `region-server: the 1+21+N network's centre on PostgreSQL

  --database-url URL   postgres://user@host:port/db (default $DATABASE_URL)
  --port N             HTTP port (default 4700)
  --host ADDR          listen address (default 127.0.0.1)
  --keys-file FILE     the region's key file (mode 600, outside the database; default
                       $CREDENTIALS_DIRECTORY/region-keys.json); make one with: scripts/region.ts keygen --keys-file FILE
`;

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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'database-url': { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, 'keys-file': { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const url = values['database-url'] ?? process.env.DATABASE_URL;
  if (!url) throw new Error('no database: pass --database-url or set DATABASE_URL');
  const log = jsonLogger('region');
  const pool = new pg.Pool({ connectionString: url, max: 20 });
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
  const server = createRegionServer(pool, log, { keys, consoleFront });
  const port = Number(values.port ?? 4700);
  server.listen(port, values.host ?? '127.0.0.1', () => {
    const address = server.address();
    log.info('listening', { port: typeof address === 'object' && address ? address.port : port });
  });
  const stop = (): void => {
    server.close();
    void pool.end();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`region-server failed to start: ${(err as Error).message}\n`);
  process.exit(1);
});
