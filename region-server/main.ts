// The region server: one per city or county. Connects to PostgreSQL, applies migrations, serves halls on HTTP.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { resolve } from 'node:path';
import { migrate } from './db/migrate.ts';
import { createConsoleFront } from './console/router.ts';
import { createRegionServer, type RegionLogger } from './http/server.ts';

const HELP = `region-server: the 1+21+N network's centre on PostgreSQL

  --database-url URL   postgres://user@host:port/db (default $DATABASE_URL)
  --port N             HTTP port (default 4700)
  --host ADDR          listen address (default 127.0.0.1)
`;

function jsonLogger(component: string): RegionLogger {
  const line = (level: string) => (message: string, fields: Record<string, unknown> = {}): void => {
    process.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), level, component, message, ...fields })}\n`);
  };
  return { info: line('info'), warn: line('warn'), error: line('error') };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'database-url': { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, help: { type: 'boolean' } },
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
  // The region's key file (signing and sealing keys) is wired in by the hall link's work; until then the console runs
  // without publishing and without the upstream export, and says so when asked for either.
  const consoleFront = createConsoleFront(pool, {
    sealing: null,
    signingKeyPem: null,
    distDir: resolve(import.meta.dirname, '../dist'),
    // For the person at the console, on stderr: stdout carries the JSON log lines, which must not hold the code.
    onSetupCode: (code) => {
      if (code) process.stderr.write(`\n  区域管理台首次设置码 / region console setup code (at /region/): ${code}\n\n`);
    },
  });
  await consoleFront.start();
  const server = createRegionServer(pool, log, consoleFront);
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
