// The ratings feed runs on every rating submit: its reads of the event log must walk the sequence range after the cursor,
// never the events (type, at) index the retention sweep uses (which made each read scan every ticket event ever kept).
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { eventMigrations } from '../core/events.ts';
import { retentionMigrations } from '../core/retention.ts';
import { FEED_SQL, FinishedFeed } from './feed.ts';

function eventLog(): Database.Database {
  const db = new Database(':memory:');
  for (const m of [...eventMigrations, ...retentionMigrations]) db.exec(m.sql);
  return db;
}

const plan = (db: Database.Database, sql: string) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(0) as Array<{ detail: string }>).map((r) => r.detail);

describe('FinishedFeed', () => {
  it('reads the event log by sequence range, not through the type index', () => {
    const db = eventLog();
    expect(plan(db, FEED_SQL.any)).toEqual(['SEARCH events USING INTEGER PRIMARY KEY (rowid>?)']);
    expect(plan(db, FEED_SQL.next)).toEqual(['SEARCH events USING INTEGER PRIMARY KEY (rowid>?)']);
  });

  it('finds finished and undone tickets after the cursor and nothing else', () => {
    const db = eventLog();
    const insert = db.prepare('INSERT INTO events (type, at, data) VALUES (?, ?, ?)');
    const at = '2026-12-03T01:00:00.000Z';
    insert.run('ticket.issued', at, '{}');
    insert.run('ticket.updated', at, JSON.stringify({ action: 'call' }));
    const feed = new FinishedFeed(db);
    expect(feed.hasAfter(0)).toBe(false);
    insert.run('ticket.updated', at, JSON.stringify({ action: 'undo:finish', ticket: {} }));
    expect(feed.hasAfter(0)).toBe(true);
    expect(feed.hasAfter(3)).toBe(false);
  });
});
