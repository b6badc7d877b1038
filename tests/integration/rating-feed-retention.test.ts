// The event log's retention never purges an event the ratings feed has not read: a hall that could not take its
// finished tickets for longer than the events are kept (no valid pack after a restart, a feed that failed) still
// rates every one of them once it can, and the events the feed has read are purged as usual.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestHall, type TestHall } from '../support/hall.ts';

const NOW = new Date('2027-03-01T02:00:00.000Z');
const DAY_MS = 86_400_000;
const OLD = new Date(NOW.getTime() - 10 * DAY_MS).toISOString();
const halls: TestHall[] = [];
afterAll(async () => {
  for (const h of halls) await h.close(true);
});

const finished = (ticketId: string, number: string) => ({
  ticketId, number, serviceCode: '212036001003', serviceName: '居民参保登记', window: 1, staffId: null, caseNumber: null, finishedAt: OLD, senior: false,
});

/** Appends to the stopped hall's log: a read stretch, the ratings cursor after it, then an unread finished ticket. */
function appendOldLog(dataDir: string): { read: number[]; unread: number } {
  const db = new Database(join(dataDir, 'hall.sqlite'));
  const insert = db.prepare('INSERT INTO events (type, at, data, window, roles) VALUES (?, ?, ?, ?, ?)');
  const seqs = db.transaction(() => {
    const read = [
      Number(insert.run('ticket.updated', OLD, JSON.stringify({ action: 'call' }), 1, null).lastInsertRowid),
      Number(insert.run('ticket.finished', OLD, JSON.stringify(finished('ticket-read', 'A801')), 1, null).lastInsertRowid),
    ];
    db.prepare("INSERT INTO rating_state (key, value) VALUES ('finished-cursor', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(read[1]));
    const unread = Number(insert.run('ticket.finished', OLD, JSON.stringify(finished('ticket-unread', 'A802')), 1, null).lastInsertRowid);
    // A newer event, so that the unread one is not the log's newest (which retention always keeps).
    insert.run('terminal.seen', NOW.toISOString(), '{}', null, null);
    return { read, unread };
  })();
  db.close();
  return seqs;
}

describe('ratings feed and the event retention', () => {
  it('keeps the unread finished ticket through the purge, purges what the feed has read, and the ticket gets its prompt later, after which it is purged too', async () => {
    const first = await startTestHall({ now: () => NOW, config: { eventRetentionDays: 7 } });
    const dataDir = first.dataDir;
    await first.close(false);
    const { read, unread } = appendOldLog(dataDir);

    // A hall whose ratings feed does not run (as when no pack is valid after the restart) purges its log.
    const stalled = await startTestHall({
      dataDir, now: () => NOW, config: { eventRetentionDays: 7 },
      onModules: (modules) => modules.find((m) => m.name === 'ratings')?.stop?.(),
    });
    const present = (seq: number) => stalled.hall!.db.prepare('SELECT COUNT(*) FROM events WHERE seq = ?').pluck().get(seq) as number;
    await stalled.hall!.purge();
    expect(read.map(present)).toEqual([0, 0]);
    expect(present(unread)).toBe(1);
    await stalled.close(false);

    const hall = await startTestHall({ dataDir, now: () => NOW, config: { eventRetentionDays: 7 } });
    halls.push(hall);
    const prompt = () => hall.hall!.db.prepare("SELECT ticket_number FROM rating_prompts WHERE ticket_id = 'ticket-unread'").get();
    await expect.poll(prompt, { timeout: 30_000 }).toEqual({ ticket_number: 'A802' });
    // Read now: the next purge lets it go like any expired event.
    await hall.hall!.purge();
    expect(hall.hall!.db.prepare('SELECT COUNT(*) FROM events WHERE seq = ?').pluck().get(unread)).toBe(0);
  });
});
