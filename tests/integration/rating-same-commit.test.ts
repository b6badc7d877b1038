// A finish and the rating of that service in one group commit (the core runs every command that arrived while the
// event loop was busy in one transaction): the rating finds its prompt, as the finish is published in the same
// transaction, and a later rating of the next service finds its own (the ratings module's "nothing new in the log"
// hint never hides a finished ticket).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallModule, Principal } from '../../hall-server/core/module.ts';
import type { QueueEngine } from '../../hall-server/queue/engine.ts';
import type { RatingsModule } from '../../hall-server/ratings/module.ts';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { testIdentity } from '../support/citizens.ts';
import { rating, SERVICE_OF_WINDOW, terminals, type Terminals } from './rating-flow.helpers.ts';

let hall: TestHall;
let t: Terminals;
let queue: HallModule & { engine(): QueueEngine };
let ratings: RatingsModule;

beforeAll(async () => {
  hall = await startTestHall({
    onModules: (modules: HallModule[]) => {
      for (const m of modules) {
        if (m.name === 'queue') queue = m as HallModule & { engine(): QueueEngine };
        if (m.name === 'ratings') ratings = m as RatingsModule;
      }
    },
  });
  t = await terminals(hall, [1]);
  expect((await hall.api('POST', '/api/windows/1/sign-in', { staffId: '20101' }, t.counter[1])).status).toBe(200);
});
afterAll(async () => {
  await hall.close();
});

const counter: Principal = { id: 'counter-1', role: 'counter', window: 1, name: '1号窗口柜员机' };
const pad: Principal = { id: 'pad-1', role: 'pad', window: 1, name: '1号窗口评价器' };

async function calledTicket(key: string): Promise<string> {
  const issued = await hall.api('POST', '/api/tickets', { idempotencyKey: key, serviceCode: SERVICE_OF_WINDOW[1], identity: testIdentity() }, t.kiosk);
  expect(issued.status).toBe(201);
  const called = await hall.api('POST', '/api/windows/1/call-next', {}, t.counter[1]);
  return called.body.ticket.id as string;
}

describe('a finish and its rating in one transaction', () => {
  it('stores the rating, and the next service rated later finds its prompt too', async () => {
    const first = await calledTicket('same-commit-1');
    const stored = hall.hall!.app.tx(() => {
      queue.engine().windowAction(1, { kind: 'finish', caseNumber: null }, counter);
      return ratings.service().submit(pad, 1, { ...rating('samecommit01', first, 4), source: 'touch' });
    });
    expect(stored.status).toBe(201);

    const second = await calledTicket('same-commit-2');
    expect((await hall.api('POST', '/api/windows/1/finish', {}, t.counter[1])).status).toBe(200);
    const later = await hall.api('POST', '/api/windows/1/ratings', rating('samecommit02', second, 5), t.pad[1]);
    expect(later.status).toBe(201);
    const prompt = await hall.api('GET', '/api/windows/1/rating-prompt', undefined, t.pad[1]);
    expect(prompt.body.prompt).toBeNull();
  });
});
