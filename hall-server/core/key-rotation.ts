// Rotating the hall's encryption key: a new key becomes current, every sealed field is sealed again with it, then the
// old key is dropped from the key file. Run with the hall-server stopped (scripts/hall-keys rotate). The key file is
// written before and after the re-sealing, so a rotation cut short leaves both keys readable and can be run again.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DB_FILE } from './db.ts';
import { newKey, readKeyFile, writeKeyFile } from './keys.ts';
import { createSecrets, keyId } from './secrets.ts';

/** Every column that holds a field sealed by `Secrets.encrypt`. */
export const SEALED_COLUMNS: ReadonlyArray<{ table: string; column: string }> = [
  { table: 'queue_tickets', column: 'person_sealed' },
  { table: 'queue_tickets', column: 'name_sealed' },
  { table: 'ratings', column: 'phone_sealed' },
  { table: 'ratings', column: 'id_sealed' },
  { table: 'ratings', column: 'name_sealed' },
  { table: 'ratings', column: 'comment_sealed' },
];

const PAGE = 500;

export interface RotationResult {
  resealed: number;
  keyId: string;
}

export function rotateEncryptionKey(keysFile: string, dataDir: string): RotationResult {
  const before = readKeyFile(keysFile);
  const rotating = { ...before, encryptionKey: newKey(), previousEncryptionKeys: [before.encryptionKey, ...before.previousEncryptionKeys] };
  writeKeyFile(keysFile, rotating);
  const secrets = createSecrets(rotating);
  const db = new Database(join(dataDir, DB_FILE), { fileMustExist: true });
  let resealed = 0;
  try {
    db.pragma('busy_timeout = 5000');
    for (const { table, column } of SEALED_COLUMNS) {
      const exists = db.prepare('SELECT 1 FROM pragma_table_info(?) WHERE name = ?').get(table, column);
      if (!exists) continue;
      const page = db.prepare(`SELECT rowid AS id, ${column} AS sealed FROM ${table} WHERE rowid > ? AND ${column} IS NOT NULL ORDER BY rowid LIMIT ${PAGE}`);
      const update = db.prepare(`UPDATE ${table} SET ${column} = ? WHERE rowid = ?`);
      let after = 0;
      for (;;) {
        const rows = page.all(after) as Array<{ id: number; sealed: string }>;
        if (rows.length === 0) break;
        db.transaction(() => {
          for (const r of rows) {
            if (secrets.sealedWithCurrentKey(r.sealed)) continue;
            update.run(secrets.encrypt(secrets.decrypt(r.sealed)), r.id);
            resealed++;
          }
        })();
        after = rows[rows.length - 1]!.id;
      }
    }
  } finally {
    db.close();
  }
  writeKeyFile(keysFile, { ...rotating, previousEncryptionKeys: [] });
  return { resealed, keyId: keyId(rotating.encryptionKey) };
}
