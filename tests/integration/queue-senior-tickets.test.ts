// A ticket issued in 长辈模式 is a senior ticket: the flag is stored on the ticket (it survives a restart), carried by
// the ticket.finished event to the window's pad, and by the rating prompt the pad reads after a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { testIdentity } from '../support/citizens.ts';
import { readDb, SERVICE_OF_WINDOW, terminals, type Terminals } from './rating-flow.helpers.ts';

let hall: TestHall;
let t: Terminals;
let dataDir = '';

beforeAll(async () => {
  hall = await startTestHall();
  dataDir = hall.dataDir;
  t = await terminals(hall, [1]);
});
afterAll(async () => {
  await hall.close();
});

async function issue(key: string, senior?: boolean) {
  const res = await hall.api('POST', '/api/tickets', {
    idempotencyKey: key,
    serviceCode: SERVICE_OF_WINDOW[1],
    identity: testIdentity(),
    ...(senior === undefined ? {} : { senior }),
  }, t.kiosk);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.ticket as { id: string; number: string; senior: boolean };
}

describe('senior tickets (issued in 长辈模式)', () => {
  let seniorId = '';
  let normalId = '';

  it('stores the flag on the ticket and shows it in the ticket view; a kiosk that leaves it out issues a normal ticket', async () => {
    const senior = await issue('senior-ticket-0001', true);
    const normal = await issue('senior-ticket-0002');
    seniorId = senior.id;
    normalId = normal.id;
    expect(senior.senior).toBe(true);
    expect(normal.senior).toBe(false);
    const stored = readDb(hall, (db) => db.prepare('SELECT id, senior FROM queue_tickets ORDER BY issued_at').all());
    expect(stored).toEqual([{ id: seniorId, senior: 1 }, { id: normalId, senior: 0 }]);
  });

  it('keeps the flag across a restart (the queue is loaded from SQLite)', async () => {
    await hall.close(false);
    hall = await startTestHall({ dataDir });
    t = await terminals(hall, [1]);
    const queue = await hall.api('GET', '/api/queue', undefined, t.admin);
    expect(queue.status).toBe(200);
    const waiting = queue.body.waiting as Array<{ id: string; senior: boolean }>;
    expect(waiting.map((w) => [w.id, w.senior])).toEqual([[seniorId, true], [normalId, false]]);
  });

  it('carries the flag in ticket.finished to the pad and in the rating prompt', async () => {
    const pad = await hall.socket(t.pad[1]!);
    const counter = t.counter[1]!;
    expect((await hall.api('POST', '/api/windows/1/sign-in', { staffId: '20101' }, counter)).status).toBe(200);
    for (const [id, senior] of [[seniorId, true], [normalId, false]] as const) {
      const called = await hall.api('POST', '/api/windows/1/call-next', {}, counter);
      expect(called.body.ticket.id).toBe(id);
      expect((await hall.api('POST', '/api/windows/1/finish', {}, counter)).status).toBe(200);
      const event = await pad.waitFor((m) => m.type === 'event' && m.event?.type === 'ticket.finished' && m.event.data.ticketId === id);
      expect(event.event.data.senior).toBe(senior);
      const prompt = await hall.api('GET', '/api/windows/1/rating-prompt', undefined, t.pad[1]);
      expect([prompt.body.prompt.ticketId, prompt.body.prompt.senior]).toEqual([id, senior]);
    }
    pad.close();
  });
});
