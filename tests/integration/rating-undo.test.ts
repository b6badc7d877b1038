// A finish undone by staff (the queue's 30-second undo) withdraws the rating prompt and records no 未评价; a rating
// already given is kept, because staff never delete a citizen's rating.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN, TEST_ADMIN_PASSWORD, startTestHall, type TestHall } from '../support/hall.ts';
import { rating, serveAndFinish, terminals, type Terminals, readDb } from './rating-flow.helpers.ts';

let hall: TestHall;
let t: Terminals;
let clock = new Date('2026-11-24T01:00:00.000Z'); // Tuesday 09:00 in the hall
const later = (seconds: number) => (clock = new Date(clock.getTime() + seconds * 1000));

async function admin(): Promise<string> {
  return (await hall.api('POST', '/api/admin/login', { staffNo: TEST_ADMIN.staffNo, password: TEST_ADMIN_PASSWORD })).body.token as string;
}

async function undo(window: number): Promise<void> {
  const res = await hall.api('POST', `/api/windows/${window}/undo`, {}, t.counter[window]);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.window.current.status).toBe('called'); // back to before the finish
}

async function finishAgain(window: number): Promise<void> {
  expect((await hall.api('POST', `/api/windows/${window}/finish`, {}, t.counter[window])).status).toBe(200);
}

async function prompt(window: number) {
  return (await hall.api('GET', `/api/windows/${window}/rating-prompt`, undefined, t.pad[window])).body.prompt;
}

async function dayTotals() {
  const res = await hall.api('GET', '/api/ratings/stats?from=2026-11-24&to=2026-11-24&group=day', undefined, await admin());
  const { finished, rated, unrated } = res.body.total;
  return { finished, rated, unrated };
}

beforeAll(async () => {
  hall = await startTestHall({ now: () => clock });
  t = await terminals(hall, [1, 2]);
});
afterAll(async () => {
  await hall.close();
});

describe('undo of a finish', () => {
  let ticketId = '';
  let caseNumber = '';

  it('withdraws the unrated prompt: no prompt, no 未评价 after the timeout, a later press refused', async () => {
    ticketId = await serveAndFinish(hall, t, 1, '20101');
    const shown = await prompt(1);
    expect(shown.ticketId).toBe(ticketId);
    caseNumber = shown.caseNumber;
    later(10);
    await undo(1);
    expect(await prompt(1)).toBeNull();
    later(200);
    const sweep = await hall.api('POST', '/api/ratings/sweep', {}, await admin());
    expect(sweep.body.unrated).toBe(0);
    const press = await hall.api('POST', '/api/windows/1/ratings', rating('undotest0001', ticketId, 5, { ratedAt: clock.toISOString() }), t.pad[1]);
    expect(press.status).toBe(409);
    expect(press.body.error).toMatchObject({ code: 'finish_undone', message: '工作人员已撤销本次办结，请在业务办结后再评价' });
    expect(await dayTotals()).toEqual({ finished: 0, rated: 0, unrated: 0 });
    readDb(hall, (db) => {
      expect(db.prepare('SELECT outcome, withdrawn_at FROM rating_prompts WHERE ticket_id = ?').get(ticketId)).toEqual({
        outcome: 'pending', withdrawn_at: '2026-11-24T01:00:10.000Z',
      });
    });
  });

  it('prompts again with the same case number when the ticket is finished again', async () => {
    await finishAgain(1);
    const again = await prompt(1);
    expect(again).toMatchObject({ ticketId, caseNumber, finishedAt: clock.toISOString() });
    const rated = await hall.api('POST', '/api/windows/1/ratings', rating('undotest0002', ticketId, 4, { ratedAt: clock.toISOString() }), t.pad[1]);
    expect(rated.status).toBe(201);
    expect(await dayTotals()).toEqual({ finished: 1, rated: 1, unrated: 0 });
  });

  it('keeps a rating given before the undo, and does not prompt again after the next finish', async () => {
    later(600);
    const rated = await serveAndFinish(hall, t, 2, '20102');
    expect((await hall.api('POST', '/api/windows/2/ratings', rating('undotest0003', rated, 1, {
      reasons: ['等候时间过长'], ratedAt: clock.toISOString(),
    }), t.pad[2])).status).toBe(201);
    later(5);
    await undo(2);
    expect(await prompt(2)).toBeNull();
    later(5);
    await finishAgain(2);
    expect(await prompt(2)).toBeNull();
    readDb(hall, (db) => {
      expect(db.prepare('SELECT id, score FROM ratings WHERE ticket_id = ?').all(rated)).toEqual([{ id: 'undotest0003', score: 1 }]);
      expect(db.prepare('SELECT count(*) AS n FROM rating_cases c JOIN ratings r ON r.id = c.rating_id WHERE r.ticket_id = ?').get(rated))
        .toEqual({ n: 1 });
    });
    expect(await dayTotals()).toEqual({ finished: 2, rated: 2, unrated: 0 });
  });

  it('keeps a press made before the undo that reaches the server after it (pad outbox)', async () => {
    later(600);
    const ticket = await serveAndFinish(hall, t, 1, '20101');
    const pressedAt = later(3).toISOString();
    later(5);
    await undo(1);
    expect(await prompt(1)).toBeNull(); // the server has taken the undo before the queued rating arrives
    later(20);
    const late = await hall.api('POST', '/api/windows/1/ratings', rating('undotest0004', ticket, 5, { ratedAt: pressedAt }), t.pad[1]);
    expect(late.status).toBe(201);
    await finishAgain(1);
    expect(await prompt(1)).toBeNull();
    expect(await dayTotals()).toEqual({ finished: 3, rated: 3, unrated: 0 });
  });
});
