// The region link's tables: one row for the enrolment and the push position (cursor, next batch id), kept in the hall's
// SQLite so a restart resumes where the region left off.
import type { Migration } from '../core/module.ts';

export const regionLinkMigrations: Migration[] = [
  {
    id: '001-region-link',
    sql: `CREATE TABLE region_link (
  id                  INTEGER PRIMARY KEY CHECK (id = 1),
  region_url          TEXT NOT NULL,
  site_id             TEXT NOT NULL,
  site_name           TEXT NOT NULL,
  level               TEXT NOT NULL,
  public_key          TEXT NOT NULL,
  sealing_key_id      TEXT,
  sealing_public_key  TEXT,
  enrolled_at         TEXT NOT NULL,
  held_through        INTEGER NOT NULL DEFAULT 0,
  next_batch_id       INTEGER NOT NULL DEFAULT 1,
  last_push_at        TEXT,
  fenced_at           TEXT,
  stop_code           TEXT,
  stop_message        TEXT,
  pack_version        INTEGER NOT NULL DEFAULT 0,
  pack_refusal        TEXT
);`,
  },
  {
    // The region's pack-signing public key from the enrolment answer: trusted for this site's packs only.
    id: '002-region-pack-signing-key',
    sql: 'ALTER TABLE region_link ADD COLUMN pack_signing_key TEXT;',
  },
];
