// Plain SQL migrations: every file of migrations/ in name order, each applied once in its own transaction and recorded
// in schema_migrations. A table lock (standard SQL, no advisory locks) keeps two region processes from racing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from 'pg';

const MIGRATIONS_DIR = join(import.meta.dirname, 'migrations');

export interface MigrationFile {
  id: string;
  sql: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => ({ id: name.replace(/\.sql$/, ''), sql: readFileSync(join(dir, name), 'utf8') }));
}

/** Applies what is missing; returns the ids applied now. */
export async function migrate(pool: Pool, migrations: MigrationFile[] = readMigrations()): Promise<string[]> {
  await pool.query('CREATE TABLE IF NOT EXISTS schema_migrations (id varchar(120) PRIMARY KEY, applied_at timestamptz NOT NULL)');
  const applied: string[] = [];
  for (const migration of migrations) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('LOCK TABLE schema_migrations IN EXCLUSIVE MODE');
      const done = await client.query('SELECT 1 FROM schema_migrations WHERE id = $1', [migration.id]);
      if (done.rowCount === 0) {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (id, applied_at) VALUES ($1, now())', [migration.id]);
        applied.push(migration.id);
      }
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK');
      throw new Error(`migration ${migration.id} failed: ${(err as Error).message}`);
    } finally {
      client.release();
    }
  }
  return applied;
}
