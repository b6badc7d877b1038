// A hall that starts with a long stretch of its event log unread by the ratings feed (a restart after days, an upgrade)
// reads it in bounded steps, one per turn of the event loop, right after the start: the hall answers between the steps,
// and the first rating never pays for reading the whole stretch at once.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FEED_SCAN_EVENTS } from '../../hall-server/ratings/feed.ts';
import { startTestHall, type TestHall } from '../support/hall.ts';

const halls: TestHall[] = [];
afterAll(async () => {
  for (const h of halls) await h.close(true);
});

const AT = '2026-12-03T01:00:00.000Z';

/** Writes `calls` call events and then one finished ticket into the stopped hall's log; returns the finished one's seq. */
function appendUnreadStretch(dataDir: string, calls: number): number {
  const db = new Database(join(dataDir, 'hall.sqlite'));
  const insert = db.prepare('INSERT INTO events (type, at, data, window, roles) VALUES (?, ?, ?, ?, ?)');
  const seq = db.transaction(() => {
    for (let i = 0; i < calls; i++) insert.run('ticket.updated', AT, JSON.stringify({ action: 'call' }), 1, null);
    const finished = {
      ticketId: 'ticket-after-the-stretch', number: 'A901', serviceCode: '212036001003', serviceName: '居民参保登记', window: 1,
      staffId: null, caseNumber: null, finishedAt: AT, senior: false,
    };
    return Number(insert.run('ticket.finished', AT, JSON.stringify(finished), 1, null).lastInsertRowid);
  })();
  db.close();
  return seq;
}

describe('ratings feed after a start with a long unread log', () => {
  it(`reads it ${FEED_SCAN_EVENTS} events a step, one step per turn of the loop, and the finished ticket at its end gets its prompt`, async () => {
    const first = await startTestHall();
    const dataDir = first.dataDir;
    await first.close(false);
    const finishedSeq = appendUnreadStretch(dataDir, 10 * FEED_SCAN_EVENTS);

    const hall = await startTestHall({ dataDir });
    halls.push(hall);
    const db = hall.hall!.db;
    const cursor = () => Number(db.prepare("SELECT value FROM rating_state WHERE key = 'finished-cursor'").pluck().get() ?? 0);
    const seen: number[] = [cursor()];
    while (seen.at(-1)! < finishedSeq) {
      await new Promise((next) => setImmediate(next));
      if (cursor() !== seen.at(-1)) seen.push(cursor());
    }
    const steps = seen.slice(1).map((c, i) => c - seen[i]!);
    expect(steps.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...steps)).toBeLessThanOrEqual(FEED_SCAN_EVENTS);
    const prompt = db.prepare("SELECT window, ticket_number, outcome FROM rating_prompts WHERE ticket_id = 'ticket-after-the-stretch'").get();
    expect(prompt).toEqual({ window: 1, ticket_number: 'A901', outcome: 'pending' });
  });
});
