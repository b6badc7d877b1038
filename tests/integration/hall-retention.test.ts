// Retention per kind: each event type and the audit trail are kept as long as the hall config says, and the purge
// deletes them in batches of at most PURGE_BATCH_ROWS rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHallConfig } from '../../hall-server/config/load.ts';
import { PURGE_BATCH_ROWS } from '../../hall-server/core/retention.ts';
import { startTestHall, type TestHall } from '../support/hall.ts';

const NOW = new Date('2027-03-01T02:00:00.000Z');
const DAY_MS = 86_400_000;
let hall: TestHall;

beforeAll(async () => {
  hall = await startTestHall({
    now: () => NOW,
    config: { eventRetentionDays: 7, eventRetentionDaysByType: { 'terminal.seen': 1, 'ticket.called': 30 }, auditRetentionYears: 1 },
  });
});
afterAll(() => hall.close());

const db = () => hall.hall!.db;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS).toISOString();

function fillEvents(n: number, type: string, at: string): void {
  const insert = db().prepare("INSERT INTO events (type, at, data) VALUES (?, ?, '{}')");
  db().transaction(() => {
    for (let i = 0; i < n; i++) insert.run(type, at);
  })();
}

function fillAudit(n: number, at: string): void {
  const insert = db().prepare("INSERT INTO audit (at, action, details) VALUES (?, 'window.call-next', '{}')");
  db().transaction(() => {
    for (let i = 0; i < n; i++) insert.run(at);
  })();
}

const countEvents = (type: string) => db().prepare('SELECT COUNT(*) FROM events WHERE type = ?').pluck().get(type) as number;

describe('retention', () => {
  it('purges each event type after its own days and audit entries after the configured years, in small batches', async () => {
    db().exec("DELETE FROM audit; DELETE FROM events WHERE type IN ('terminal.seen', 'queue.changed', 'ticket.called')");
    fillEvents(1200, 'terminal.seen', daysAgo(2));
    fillEvents(1300, 'queue.changed', daysAgo(8));
    fillEvents(40, 'ticket.called', daysAgo(8));
    fillEvents(5, 'ticket.called', daysAgo(31));
    fillEvents(700, 'terminal.seen', daysAgo(0.5));
    fillEvents(600, 'queue.changed', daysAgo(6));
    fillAudit(1100, daysAgo(370));
    fillAudit(30, daysAgo(360));
    const lastSeq = db().prepare('SELECT MAX(seq) FROM events').pluck().get();

    const result = await hall.hall!.purge();

    expect({ seen: countEvents('terminal.seen'), changed: countEvents('queue.changed'), called: countEvents('ticket.called') })
      .toEqual({ seen: 700, changed: 600, called: 40 });
    expect(db().prepare('SELECT COUNT(*) FROM audit').pluck().get()).toBe(30);
    expect(result).toMatchObject({ events: 1200 + 1300 + 5, audit: 1100 });
    expect(result.largestBatch).toBeLessThanOrEqual(PURGE_BATCH_ROWS);
    expect(result.batches).toBeGreaterThanOrEqual(Math.ceil(1200 / PURGE_BATCH_ROWS) + Math.ceil(1300 / PURGE_BATCH_ROWS) + Math.ceil(1100 / PURGE_BATCH_ROWS));
    expect(db().prepare('SELECT MAX(seq) FROM events').pluck().get()).toBe(lastSeq);
    expect(await hall.hall!.purge()).toMatchObject({ events: 0, audit: 0 });
  });

  it('keeps the newest event even when it has expired, so seq numbers never start again', async () => {
    db().exec('DELETE FROM events');
    fillEvents(3, 'terminal.seen', daysAgo(3));
    await hall.hall!.purge();
    expect(db().prepare('SELECT type, seq FROM events').all()).toHaveLength(1);
  });

  it('refuses a retention shorter than a day or an audit kept less than a year, with a message naming the field', () => {
    expect(() => parseHallConfig({ eventRetentionDaysByType: { 'terminal.seen': 0 } })).toThrow(/eventRetentionDaysByType\.terminal\.seen/);
    expect(() => parseHallConfig({ auditRetentionYears: 0 })).toThrow(/auditRetentionYears/);
  });
});
