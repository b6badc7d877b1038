// The region server: one per city or county. Connects to PostgreSQL, applies migrations, serves halls on HTTP.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { migrate } from './db/migrate.ts';
import { createRegionServer, type RegionLogger } from './http/server.ts';
import { loadRegionKeys, resolveRegionKeyFile } from './keys.ts';

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
  if (!keys) log.warn('no region key file: enrolled halls get no sealing key and send personal fields as null');
  const server = createRegionServer(pool, log, { keys });
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
