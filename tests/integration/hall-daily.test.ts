// The business day with a controlled clock: numbering restarts at the reset time, yesterday's open tickets are
// cancelled, and personal fields are erased after the retention period.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { testIdentity } from '../support/citizens.ts';

let now = Date.parse('2026-11-23T01:00:00Z'); // 09:00 in the hall
let hall: TestHall;
let kiosk: string;
let service: string;

beforeAll(async () => {
  hall = await startTestHall({ now: () => new Date(now) });
  kiosk = await hall.pair('kiosk');
  service = (await hall.api('GET', '/api/queue', undefined, kiosk)).body.windows[1].services[0];
});
afterAll(() => hall.close());

let k = 0;
const issue = (identity?: object) =>
  hall.api('POST', '/api/tickets', { idempotencyKey: `daily-${k++}-xxxx`, serviceCode: service, identity: identity ?? testIdentity() }, kiosk);

describe('business day', () => {
  it('restarts numbering after the reset time and cancels what was left waiting', async () => {
    const first = (await issue()).body.ticket;
    const second = (await issue()).body.ticket;
    expect(second.number.slice(1) - first.number.slice(1)).toBe(1);
    const board = await hall.socket(await hall.pair('board'));
    await board.waitFor((m) => m.type === 'snapshot');
    now = Date.parse('2026-11-23T19:00:00Z'); // 03:00 next day
    const next = (await issue()).body.ticket;
    expect(next.number).toBe(first.number.replace(/\d+$/, (d: string) => '1'.padStart(d.length, '0')));
    const reset = await board.waitFor((m) => m.type === 'event' && m.event.type === 'queue.reset');
    expect(reset.event.data).toEqual({ businessDay: '2026-11-24' });
    const admin = await hall.admin();
    const queue = (await hall.api('GET', '/api/queue', undefined, admin)).body;
    expect(queue.businessDay).toBe('2026-11-24');
    expect(queue.waiting.map((t: { id: string }) => t.id)).toEqual([next.id]);
    const row = hall.hall!.db.prepare('SELECT status FROM queue_tickets WHERE id = ?').get(first.id) as { status: string };
    expect(row.status).toBe('cancelled');
    board.close();
  });

  it('erases personal fields after the retention period (90 days by default)', async () => {
    const t = (await issue({ idNumber: '210102195001011239', name: '王小明', birthDate: '1950-01-01', source: 'id_card' })).body.ticket;
    const fields = () => hall.hall!.db.prepare('SELECT person_hash, masked_name, person_sealed, name_sealed FROM queue_tickets WHERE id = ?').get(t.id);
    expect(Object.values(fields() as object).every((v) => v !== null)).toBe(true);
    now += 89 * 86_400_000;
    await issue();
    expect(Object.values(fields() as object).every((v) => v !== null)).toBe(true);
    now += 2 * 86_400_000;
    await issue();
    expect(fields()).toEqual({ person_hash: null, masked_name: null, person_sealed: null, name_sealed: null });
  });
});
