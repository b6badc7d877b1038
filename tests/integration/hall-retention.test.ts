// Retention per kind: each event type and the audit trail are kept as long as the hall config says, and the purge
// deletes them in batches of at most PURGE_BATCH_ROWS rows.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseHallConfig } from '../../hall-server/config/load.ts';
import { PURGE_BATCH_ROWS } from '../../hall-server/core/retention.ts';
import type { RatingsModule } from '../../hall-server/ratings/module.ts';
import { startTestHall, type TestHall } from '../support/hall.ts';

const NOW = new Date('2027-03-01T02:00:00.000Z');
const DAY_MS = 86_400_000;
let hall: TestHall;

beforeAll(async () => {
  let ratings: RatingsModule | undefined;
  hall = await startTestHall({
    now: () => NOW,
    config: { eventRetentionDays: 7, eventRetentionDaysByType: { 'terminal.seen': 1, 'ticket.called': 30 }, auditRetentionYears: 1 },
    onModules: (modules) => (ratings = modules.find((m): m is RatingsModule => m.name === 'ratings')),
  });
  // The ratings feed reads the log right after the start; until it has, retention keeps what it has not read.
  await vi.waitFor(() => expect(ratings!.service().unreadFrom()).toBe(Number.MAX_SAFE_INTEGER), { timeout: 30_000 });
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

  it('keeps every event a module holds (not yet sent upstream), however old, and purges the rest', async () => {
    db().exec('DELETE FROM events');
    fillEvents(10, 'queue.changed', daysAgo(30));
    const seqs = db().prepare('SELECT seq FROM events ORDER BY seq').pluck().all() as number[];
    let floor = seqs[4]!;
    hall.hall!.app.holdEventsFrom(() => floor);

    await hall.hall!.purge();
    expect(db().prepare('SELECT seq FROM events ORDER BY seq').pluck().all()).toEqual(seqs.slice(4));

    floor = Number.MAX_SAFE_INTEGER;
    await hall.hall!.purge();
    expect(db().prepare('SELECT seq FROM events ORDER BY seq').pluck().all()).toEqual(seqs.slice(-1));
  });

  it("purges the modules' own expired rows: idempotency keys after a week, throttle counters and pairing codes", async () => {
    const nowMs = NOW.getTime();
    const insertKey = db().prepare("INSERT INTO queue_commands (key, response, at, fingerprint) VALUES (?, '{}', ?, 'f')");
    const insertThrottle = db().prepare('INSERT INTO auth_throttle (key, failures, last_failure_ms) VALUES (?, 5, ?)');
    const insertKnown = db().prepare('INSERT INTO auth_known_address (key, at_ms) VALUES (?, ?)');
    const insertCode = db().prepare("INSERT INTO pairing_codes (code_hash, role, window, name, expires_at) VALUES (?, 'pad', 1, 'x', ?)");
    db().transaction(() => {
      for (let i = 0; i < 1200; i++) insertKey.run(`old-${i}`, daysAgo(8));
      for (let i = 0; i < 3; i++) insertKey.run(`new-${i}`, daysAgo(6));
      for (let i = 0; i < 700; i++) insertThrottle.run(`addr:10.0.${i}`, nowMs - 2 * DAY_MS);
      insertThrottle.run('addr:10.9.9.9', nowMs - 3_600_000);
      insertKnown.run('old', nowMs - 31 * DAY_MS);
      insertKnown.run('recent', nowMs - 29 * DAY_MS);
      insertCode.run('old', daysAgo(2));
      insertCode.run('fresh', daysAgo(-0.01));
    })();

    const result = await hall.hall!.purge();

    expect(result.rows).toMatchObject({ queue_commands: 1200, auth_throttle: 700, auth_known_address: 1, pairing_codes: 1 });
    expect(result.largestBatch).toBeLessThanOrEqual(PURGE_BATCH_ROWS);
    expect(db().prepare("SELECT key FROM queue_commands WHERE key LIKE 'new-%' ORDER BY key").pluck().all()).toEqual(['new-0', 'new-1', 'new-2']);
    expect(db().prepare('SELECT key FROM auth_throttle').pluck().all()).toEqual(['addr:10.9.9.9']);
    expect(db().prepare('SELECT key FROM auth_known_address').pluck().all()).toEqual(['recent']);
    expect(db().prepare('SELECT code_hash FROM pairing_codes').pluck().all()).toEqual(['fresh']);
  });

  it('refuses a retention shorter than a day or an audit kept less than a year, with a message naming the field', () => {
    expect(() => parseHallConfig({ eventRetentionDaysByType: { 'terminal.seen': 0 } })).toThrow(/eventRetentionDaysByType\.terminal\.seen/);
    expect(() => parseHallConfig({ auditRetentionYears: 0 })).toThrow(/auditRetentionYears/);
  });
});
