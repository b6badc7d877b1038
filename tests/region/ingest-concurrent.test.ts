// Many sites pushing at the same moment, as after a region restart: each site's batches name the same items as the
// others' but in another order. Every push must be stored; none may fail on a lock taken in a different order by
// another site's transaction (found by tests/bench/region.bench.ts: "deadlock detected" on the shared item names).
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SyncEvent } from '../../protocol/region/sync.ts';
import type { TicketView } from '../../protocol/hall/queue.ts';
import { createEnrolmentCode, createSite } from '../../region-server/sites/enrol.ts';
import { StandInHall, startTestRegion, type TestRegion } from '../support/region.ts';

const SITES = 8;
const ITEMS = Array.from({ length: 40 }, (_, i) => ({ code: `item-${String(i).padStart(2, '0')}`, name: `事项${i}` }));
const BATCHES = 6;

let region: TestRegion;
beforeAll(async () => {
  region = await startTestRegion();
});
afterAll(async () => {
  await region.close();
});

function issued(siteId: string, n: number, item: { code: string; name: string }, at: string): Omit<SyncEvent, 'seq'> {
  const ticket: TicketView = {
    id: `${siteId}-t${n}`, number: `A${String(n).padStart(3, '0')}`, serviceCode: item.code, serviceName: item.name, status: 'waiting',
    priority: 'normal', senior: false, maskedName: null, issuedAt: at, calledAt: null, startedAt: null, finishedAt: null, window: null,
    targetWindow: null, callCount: 0, print: 'printed', staffId: null, caseNumber: null,
  };
  return { type: 'ticket.issued', at, data: { ticket } };
}

it('stores every batch of sites pushing at once whose batches name the same items in different orders', async () => {
  const halls: StandInHall[] = [];
  for (let s = 0; s < SITES; s++) {
    const id = `crowd-${s}`;
    await createSite(region.pool, { id, name: `并发站${s}`, level: 'town' }, 'test');
    const hall = new StandInHall(region.url);
    expect((await hall.enrol(await createEnrolmentCode(region.pool, id, 'test'))).status).toBe(200);
    // Each site walks the items from its own starting point, half of them backwards.
    const order = ITEMS.map((_, i) => ITEMS[(s % 2 === 0 ? i + s * 5 : ITEMS.length * 2 - i - s * 5) % ITEMS.length]!);
    for (let b = 0; b < BATCHES; b++) {
      order.forEach((item, i) => hall.append(issued(id, b * ITEMS.length + i + 1, item, new Date(Date.UTC(2026, 11, 3, 1, b, i)).toISOString())));
    }
    halls.push(hall);
  }
  const held = await Promise.all(halls.map((hall) => hall.pushAll(1, ITEMS.length)));
  expect(held).toEqual(halls.map(() => BATCHES * ITEMS.length));
  const names = await region.pool.query<{ n: string }>('SELECT count(*) AS n FROM service_names');
  expect(Number(names.rows[0]!.n)).toBe(ITEMS.length);
  const tickets = await region.pool.query<{ n: string }>('SELECT count(*) AS n FROM site_tickets');
  expect(Number(tickets.rows[0]!.n)).toBe(SITES * BATCHES * ITEMS.length);
});
