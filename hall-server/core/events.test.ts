// The event log's transactions: gap-free sequence numbers, delivery only after commit, group commit with savepoints.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { eventMigrations, EventLog, visibleTo } from './events.ts';
import type { HallEvent } from './module.ts';

function setup() {
  const db = new Database(':memory:');
  for (const m of eventMigrations) db.exec(m.sql);
  db.exec('CREATE TABLE t (v TEXT)');
  const delivered: HallEvent[] = [];
  const log = new EventLog(db, () => new Date('2026-11-23T01:00:00Z'), (events) => delivered.push(...events));
  return { db, log, delivered };
}

describe('EventLog', () => {
  it('delivers only after commit, and a rolled-back transaction leaves no event and no gap', () => {
    const { db, log, delivered } = setup();
    expect(() =>
      log.tx(() => {
        log.publish('a', 1);
        expect(delivered).toEqual([]);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(delivered).toEqual([]);
    log.tx(() => log.publish('b', 2));
    expect(delivered.map((e) => [e.seq, e.type])).toEqual([[1, 'b']]);
    expect(db.prepare('SELECT COUNT(*) FROM events').pluck().get()).toBe(1);
  });

  it('group commit: a failing command rolls back alone, the others commit with gap-free seqs', () => {
    const { db, log, delivered } = setup();
    const results = log.batch([
      () => {
        db.prepare("INSERT INTO t VALUES ('one')").run();
        return log.publish('one', null).seq;
      },
      () => {
        db.prepare("INSERT INTO t VALUES ('bad')").run();
        log.publish('bad', null);
        throw new Error('refused');
      },
      () => log.publish('three', null).seq,
    ]);
    expect(results.map((r) => (r.ok ? r.value : (r.error as Error).message))).toEqual([1, 'refused', 2]);
    expect(db.prepare('SELECT v FROM t').pluck().all()).toEqual(['one']);
    expect(delivered.map((e) => e.type)).toEqual(['one', 'three']);
    expect(log.page(0, 2, 10).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('scopes events by role and window', () => {
    const pad = (window: number) => ({ id: 'p', role: 'pad' as const, window, name: '' });
    const board = { id: 'b', role: 'board' as const, window: null, name: '' };
    const finished: HallEvent = { seq: 1, type: 'ticket.finished', at: '', data: null, window: 3 };
    const windowChanged: HallEvent = { ...finished, type: 'window.changed', roles: ['pad', 'counter', 'board'] };
    expect([visibleTo(finished, pad(3)), visibleTo(finished, pad(4)), visibleTo(finished, board)]).toEqual([true, false, false]);
    expect([visibleTo(windowChanged, pad(3)), visibleTo(windowChanged, pad(4)), visibleTo(windowChanged, board)]).toEqual([true, false, true]);
  });
});
