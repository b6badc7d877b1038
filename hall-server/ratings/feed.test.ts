// The ratings feed runs on every rating submit: its reads of the event log must walk the sequence range after the cursor,
// never the events (type, at) index the retention sweep uses (which made each read scan every ticket event ever kept),
// and a long unread stretch of the log is read in bounded steps, never in one read.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { eventMigrations } from '../core/events.ts';
import { retentionMigrations } from '../core/retention.ts';
import { FEED_SCAN_EVENTS, FEED_SQL, FinishedFeed } from './feed.ts';

function eventLog(): Database.Database {
  const db = new Database(':memory:');
  for (const m of [...eventMigrations, ...retentionMigrations]) db.exec(m.sql);
  return db;
}

const plan = (db: Database.Database, sql: string, ...params: number[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail);

const AT = '2026-12-03T01:00:00.000Z';
const finished = (ticketId: string) =>
  JSON.stringify({
    ticketId, number: 'A001', serviceCode: '212036001003', serviceName: '居民参保登记', window: 1, staffId: null,
    finishedAt: AT, caseNumber: null, senior: false,
  });

describe('FinishedFeed', () => {
  it('reads the event log by sequence range, not through the type index', () => {
    const db = eventLog();
    expect(plan(db, FEED_SQL.step, 0, 0)).toEqual(['SEARCH events USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)']);
    expect(plan(db, FEED_SQL.firstAfter, 0)).toEqual(['SEARCH events USING INTEGER PRIMARY KEY (rowid>?)']);
  });

  it('finds finished tickets and undone finishes after the cursor and nothing else', () => {
    const db = eventLog();
    const insert = db.prepare('INSERT INTO events (type, at, data) VALUES (?, ?, ?)');
    const feed = new FinishedFeed(db);
    expect(feed.head()).toBe(0);
    insert.run('ticket.issued', AT, '{}');
    insert.run('ticket.updated', AT, JSON.stringify({ action: 'call' }));
    expect(feed.head()).toBe(2);
    expect(feed.read(0, feed.head())).toEqual({ items: [], cursor: 2, malformed: 0 });
    insert.run('ticket.finished', AT, finished('t-1'));
    // An undone finish whose ticket is not a ticket view is read (the cursor passes it) and reported as malformed.
    insert.run('ticket.updated', '2026-12-03T01:00:09.000Z', JSON.stringify({ action: 'undo:finish', ticket: { id: 't-1' } }));
    expect(feed.read(2, feed.head())).toMatchObject({ items: [{ kind: 'finished', ticket: { ticketId: 't-1' } }], cursor: 4, malformed: 1 });
    expect(feed.head()).toBe(4);
  });

  it(`reads a long unread stretch of the log ${FEED_SCAN_EVENTS} events at a time, the finished ticket at its end in the last step`, () => {
    const db = eventLog();
    const insert = db.prepare('INSERT INTO events (type, at, data) VALUES (?, ?, ?)');
    const calls = 2 * FEED_SCAN_EVENTS + 500;
    db.transaction(() => {
      for (let i = 0; i < calls; i++) insert.run('ticket.updated', AT, JSON.stringify({ action: 'call' }));
      insert.run('ticket.finished', AT, finished('t-late'));
    })();
    const feed = new FinishedFeed(db);
    const steps: Array<{ cursor: number; items: number }> = [];
    for (let cursor = 0; cursor < feed.head(); ) {
      const step = feed.read(cursor, feed.head());
      steps.push({ cursor: step.cursor, items: step.items.length });
      cursor = step.cursor;
    }
    expect(steps).toEqual([
      { cursor: FEED_SCAN_EVENTS, items: 0 },
      { cursor: 2 * FEED_SCAN_EVENTS, items: 0 },
      { cursor: calls + 1, items: 1 },
    ]);
  });

  it('skips the purged start of the log rather than stepping through it', () => {
    const db = eventLog();
    const insert = db.prepare('INSERT INTO events (seq, type, at, data) VALUES (?, ?, ?, ?)');
    insert.run(5_000_000, 'ticket.finished', AT, finished('t-after-purge'));
    const feed = new FinishedFeed(db);
    expect(feed.read(0, feed.head())).toMatchObject({ items: [{ kind: 'finished' }], cursor: 5_000_000 });
  });
});
