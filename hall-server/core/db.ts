// Opens the hall's SQLite database under the data dir. A marker file records that a hall was created there, so a
// missing or corrupt database is a clear error and never silently a new, empty hall.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Migration } from './module.ts';

export const DB_FILE = 'hall.sqlite';
export const MARKER_FILE = 'hall.json';

/** The data dir is not usable as it is; the message says what to do. */
export class HallDataError extends Error {}

export function openHallDatabase(dataDir: string): Database.Database {
  const dbPath = join(dataDir, DB_FILE);
  const markerPath = join(dataDir, MARKER_FILE);
  const hasDb = existsSync(dbPath);
  const hasMarker = existsSync(markerPath);
  if (hasMarker && !hasDb) {
    const created = readMarker(markerPath);
    throw new HallDataError(
      `The hall database ${dbPath} is missing, but ${markerPath} says a hall was created here on ${created}. ` +
        `Restore ${DB_FILE} (and any ${DB_FILE}-wal) from a backup, or start a new hall with an empty --data-dir.`,
    );
  }
  mkdirSync(dataDir, { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(dbPath, { fileMustExist: hasDb });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`quick_check: ${String(check)}`);
  } catch (err) {
    throw new HallDataError(
      `The hall database ${dbPath} cannot be opened (${(err as Error).message}). It is damaged or not a hall database. ` +
        `Restore it from a backup; the hall-server will not replace it with an empty one.`,
    );
  }
  if (!hasMarker) writeFileSync(markerPath, JSON.stringify({ format: 1, createdAt: new Date().toISOString() }) + '\n');
  db.exec(`CREATE TABLE IF NOT EXISTS _migrations (module TEXT NOT NULL, id TEXT NOT NULL, applied_at TEXT NOT NULL,
    PRIMARY KEY (module, id))`);
  return db;
}

function readMarker(path: string): string {
  try {
    const marker = JSON.parse(readFileSync(path, 'utf8')) as { createdAt?: string };
    return marker.createdAt ?? 'an unknown date';
  } catch {
    return 'an unknown date';
  }
}

/** Applies the module's migrations not yet applied, in order, each in its own transaction. */
export function migrate(db: Database.Database, module: string, migrations: Migration[]): void {
  const applied = new Set(
    db.prepare('SELECT id FROM _migrations WHERE module = ?').pluck().all(module) as string[],
  );
  const record = db.prepare('INSERT INTO _migrations (module, id, applied_at) VALUES (?, ?, ?)');
  for (const m of migrations) {
    if (applied.has(m.id)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(module, m.id, new Date().toISOString());
    })();
  }
}
