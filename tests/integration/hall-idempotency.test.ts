// Issue 11 items 9 and 13: idempotency keys belong to their caller and a retry must repeat its request; a rating's time
// is the server's time of receipt, the pad's own time kept apart and bounded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testIdentity } from '../support/citizens.ts';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { rating, readDb, SERVICE_OF_WINDOW, serveAndFinish, terminals, type Terminals } from './rating-flow.helpers.ts';

let hall: TestHall;
let t: Terminals;
let otherKiosk: string;
let clock = new Date('2026-11-23T01:00:00.000Z');
const later = (seconds: number) => (clock = new Date(clock.getTime() + seconds * 1000));

beforeAll(async () => {
  hall = await startTestHall({ now: () => clock });
  t = await terminals(hall, [1, 2]);
  otherKiosk = await hall.pair('kiosk');
});
afterAll(() => hall.close());

const ticketCount = () => hall.hall!.db.prepare('SELECT COUNT(*) FROM queue_tickets').pluck().get();

describe('ticket idempotency keys', () => {
  it('answers a retry with the first ticket, and refuses the same key with another body (422, nothing issued)', async () => {
    const body = { idempotencyKey: 'idem-scope-0001', serviceCode: SERVICE_OF_WINDOW[1], identity: testIdentity('周八') };
    const first = await hall.api('POST', '/api/tickets', body, t.kiosk);
    expect(first.status).toBe(201);
    const retry = await hall.api('POST', '/api/tickets', { ...body, identity: { ...body.identity } }, t.kiosk);
    expect(retry.status).toBe(200);
    expect(retry.body.ticket.id).toBe(first.body.ticket.id);
    const before = ticketCount();
    const changed = await hall.api('POST', '/api/tickets', { ...body, serviceCode: SERVICE_OF_WINDOW[2] }, t.kiosk);
    expect(changed.status).toBe(422);
    expect(changed.body.error).toEqual({ code: 'idempotency_key_reused', message: '该请求编号已用于另一份不同的请求，本次未做任何更改，请重新操作' });
    expect(ticketCount()).toBe(before);
  });

  it('gives another kiosk with the same key its own ticket, never the first kiosk’s', async () => {
    const body = { idempotencyKey: 'idem-scope-0002', serviceCode: SERVICE_OF_WINDOW[2] };
    const mine = await hall.api('POST', '/api/tickets', body, t.kiosk);
    const theirs = await hall.api('POST', '/api/tickets', body, otherKiosk);
    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    expect(theirs.body.reused).toBeNull();
    expect(theirs.body.ticket.id).not.toBe(mine.body.ticket.id);
    expect(theirs.body.ticket.number).not.toBe(mine.body.ticket.number);
  });

  it('refuses a window command key replayed with another body', async () => {
    await hall.api('POST', '/api/tickets', { idempotencyKey: 'idem-scope-0003', serviceCode: SERVICE_OF_WINDOW[2] }, t.kiosk);
    await hall.api('POST', '/api/windows/2/sign-in', { staffId: '20102' }, t.counter[2]);
    expect((await hall.api('POST', '/api/windows/2/call-next', {}, t.counter[2])).status).toBe(200);
    const finish = await hall.api('POST', '/api/windows/2/finish', { idempotencyKey: 'idem-finish-01', caseNumber: 'CASE-A' }, t.counter[2]);
    expect(finish.status).toBe(200);
    const retry = await hall.api('POST', '/api/windows/2/finish', { idempotencyKey: 'idem-finish-01', caseNumber: 'CASE-A' }, t.counter[2]);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(finish.body);
    const changed = await hall.api('POST', '/api/windows/2/finish', { idempotencyKey: 'idem-finish-01', caseNumber: 'CASE-B' }, t.counter[2]);
    expect(changed.status).toBe(422);
    expect(changed.body.error.code).toBe('idempotency_key_reused');
  });
});

describe('rating ids', () => {
  it('refuses a rating replayed 5→1 with the same id (422), keeping the 5', async () => {
    const ticketId = await serveAndFinish(hall, t, 1, '20101');
    later(5);
    const five = rating('idem-rating-01', ticketId, 5, { ratedAt: clock.toISOString() });
    expect((await hall.api('POST', '/api/windows/1/ratings', five, t.pad[1])).status).toBe(201);
    const retry = await hall.api('POST', '/api/windows/1/ratings', five, t.pad[1]);
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ duplicate: true, score: 5 });
    const one = await hall.api('POST', '/api/windows/1/ratings', { ...five, score: 1, reasons: ['等候时间过长'] }, t.pad[1]);
    expect(one.status).toBe(422);
    expect(one.body.error.code).toBe('idempotency_key_reused');
    readDb(hall, (db) => {
      expect(db.prepare('SELECT score FROM ratings WHERE id = ?').pluck().all('idem-rating-01')).toEqual([5]);
      expect(db.prepare('SELECT COUNT(*) FROM rating_cases').pluck().get()).toBe(0);
    });
  });
});

describe('rating time', () => {
  it('stores the server’s time of receipt, and the pad’s time apart', async () => {
    const ticketId = await serveAndFinish(hall, t, 1, '20101');
    const finishedAt = clock.toISOString();
    const pressed = later(4).toISOString();
    const received = later(6).toISOString(); // from the outbox, a little later
    const res = await hall.api('POST', '/api/windows/1/ratings', rating('idem-time-0001', ticketId, 4, { ratedAt: pressed }), t.pad[1]);
    expect(res.status).toBe(201);
    readDb(hall, (db) => {
      expect(db.prepare('SELECT finished_at, rated_at, pad_rated_at FROM ratings WHERE id = ?').get('idem-time-0001'))
        .toEqual({ finished_at: finishedAt, rated_at: received, pad_rated_at: pressed });
    });
  });

  it.each([
    [-Date.parse('2026-11-23T01:00:00.000Z') / 1000, 'the epoch'],
    [-86_400, 'a day before the finish'],
    [60, 'a minute after now (within the prompt’s 120 s)'],
  ])('refuses a pad time %d s from the finish (%s) with 400 and stores nothing', async (offsetSeconds) => {
    const ticketId = await serveAndFinish(hall, t, 1, '20101');
    const ratedAt = new Date(Math.max(0, clock.getTime() + offsetSeconds * 1000)).toISOString();
    const res = await hall.api('POST', '/api/windows/1/ratings', rating(`idem-bad-${String(offsetSeconds).replace('.', '')}`.slice(0, 30), ticketId, 5, { ratedAt }), t.pad[1]);
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ code: 'bad_rated_at', message: '评价器时间不正确（早于办结时间或晚于当前时间），请校准评价器时钟后重试' });
    readDb(hall, (db) => expect(db.prepare('SELECT COUNT(*) FROM ratings WHERE ticket_id = ?').pluck().get(ticketId)).toBe(0));
  });
});
