// The region's embedded database for the demo and quick tests: PGlite (PostgreSQL compiled to WebAssembly) in this
// process, served on a private Unix socket by pglite-socket so the region talks to it through the same `pg` driver and
// the same SQL as to a real PostgreSQL server.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';

/** PGlite is one backend: its socket server multiplexes clients message by message, so two clients' extended-protocol
 * messages (Parse/Bind/Execute) could interleave. One connection keeps every statement and transaction whole. */
export const EMBEDDED_POOL_SIZE = 1;
const SOCKET_PORT = 5432;

export interface EmbeddedDatabase {
  /** A pool on the embedded database (one connection, see EMBEDDED_POOL_SIZE). */
  pool: pg.Pool;
  /** Closes the pool, the socket server and the database (flushing it to the data dir). */
  close(): Promise<void>;
}

/** Opens (or creates) the PGlite database in `dataDir`. The socket lives in a fresh private temp dir (mode 700), so
 * no other local user can reach the database and the socket path stays short whatever the data dir's path. */
export async function openEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = await PGlite.create(dataDir);
  const socketDir = mkdtempSync(join(tmpdir(), 'yibao-region-'));
  const server = new PGLiteSocketServer({ db, path: join(socketDir, `.s.PGSQL.${SOCKET_PORT}`), maxConnections: EMBEDDED_POOL_SIZE });
  await server.start();
  const pool = new pg.Pool({ host: socketDir, port: SOCKET_PORT, user: 'postgres', database: 'postgres', max: EMBEDDED_POOL_SIZE });
  return {
    pool,
    async close() {
      await pool.end();
      await server.stop();
      await db.close();
      rmSync(socketDir, { recursive: true, force: true });
    },
  };
}
