import type { Migration } from '../core/module.ts';

export const packMigrations: Migration[] = [
  {
    id: '001_slots_history',
    sql: `
      CREATE TABLE pack_slots (
        slot TEXT PRIMARY KEY,
        pack_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        title TEXT NOT NULL,
        sample INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('verified', 'active', 'retired')),
        uploaded_at TEXT NOT NULL,
        uploaded_by TEXT NOT NULL,
        last_activated_at TEXT,
        bytes INTEGER NOT NULL,
        report TEXT NOT NULL,
        removed INTEGER NOT NULL DEFAULT 0
      );
      CREATE UNIQUE INDEX pack_slots_one_active ON pack_slots (state) WHERE state = 'active';
      CREATE TABLE pack_history (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        actor TEXT NOT NULL,
        pack_id TEXT,
        version INTEGER,
        slot TEXT,
        note TEXT NOT NULL
      );
    `,
  },
  {
    id: '002_previous_slot',
    // The slot that was active when this one was activated: where a rollback goes.
    sql: `ALTER TABLE pack_slots ADD COLUMN previous_slot TEXT;`,
  },
];
