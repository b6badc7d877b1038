// The console's projections, kept at ingest in the same transaction as the events: a site's status, tickets and waits,
// ratings with their daily roll-up, 差评 cases, and a rating withdrawn on appeal leaving the statistics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolmentCode, createSite } from '../../region-server/sites/enrol.ts';
import { StandInHall } from '../support/region.ts';
import { caseRecorded, ratingRecorded, startConsoleRegion, ticketView, type ConsoleRegion } from '../support/region-console.ts';

let region: ConsoleRegion;

beforeAll(async () => {
  region = await startConsoleRegion();
});
afterAll(async () => {
  await region.close();
});

async function enrolled(id: string): Promise<StandInHall> {
  await createSite(region.pool, { id, name: `${id}站`, level: 'town' }, 'test');
  const hall = new StandInHall(region.url);
  expect((await hall.enrol(await createEnrolmentCode(region.pool, id, 'test'))).status).toBe(200);
  return hall;
}

function append(hall: StandInHall, type: string, data: unknown, at: string): void {
  hall.log.push({ seq: hall.log.length + 1, type, at, data });
}

describe('projections at ingest', () => {
  it('keeps status, tickets, waits, ratings, cases and daily counts from the pushed events', async () => {
    const hall = await enrolled('proj-a');
    const t0 = '2026-11-23T01:00:00.000Z';
    append(hall, 'ticket.issued', { ticket: ticketView({ id: 'k1', number: 'A001', status: 'waiting', issuedAt: t0 }) }, t0);
    append(hall, 'queue.changed', { services: [
      { code: '001', name: '参保登记', prefix: 'A', waiting: 3, issuedToday: 4, dailyCap: null, open: true, closedReason: null },
      { code: '002', name: '异地就医', prefix: 'B', waiting: 2, issuedToday: 2, dailyCap: null, open: true, closedReason: null },
    ] }, t0);
    append(hall, 'window.changed', { window: { number: 1, name: '综合窗口', services: ['001'], group: 'g', tidal: false, paused: false, staffId: '20101', staffName: '王*', current: null, held: [], recallCooldownUntil: null, undoable: null } }, t0);
    append(hall, 'window.changed', { window: { number: 2, name: '二号窗口', services: ['001'], group: 'g', tidal: false, paused: true, staffId: '20102', staffName: '李*', current: null, held: [], recallCooldownUntil: null, undoable: null } }, t0);
    append(hall, 'terminal.seen', { terminal: { id: 'kiosk-1', role: 'kiosk', window: null, name: '取号机', pairedAt: t0, lastSeen: t0, online: true, packVersion: 3,
      devices: [{ device: '热敏打印机', state: 'degraded', reason: '缺纸' }, { device: '身份证阅读器', state: 'ok' }], revoked: false } }, t0);
    await hall.push(1, hall.log.length);
    // Called and finished in a later batch.
    const called = '2026-11-23T01:12:00.000Z';
    append(hall, 'ticket.updated', { ticket: ticketView({ id: 'k1', number: 'A001', status: 'called', issuedAt: t0, calledAt: called, window: 1 }), action: 'call' }, called);
    append(hall, 'ticket.finished', { ticketId: 'k1', number: 'A001', serviceCode: '001', serviceName: '参保登记', window: 1, staffId: '20101', caseNumber: null, finishedAt: '2026-11-23T01:20:00.000Z' }, '2026-11-23T01:20:00.000Z');
    append(hall, 'rating.recorded', ratingRecorded({ ratingId: 'r000001', day: '2026-11-23', score: 5 }), '2026-11-23T01:21:00.000Z');
    append(hall, 'rating.recorded', ratingRecorded({ ratingId: 'r000002', day: '2026-11-23', score: 1 }), '2026-11-23T01:22:00.000Z');
    append(hall, 'rating.case.recorded', caseRecorded({ caseId: 'c1', ratingId: 'r000002', state: '待回访', openedOn: '2026-11-23', dueOn: '2026-11-26' }), '2026-11-23T01:22:01.000Z');
    const answer = await hall.push(6, hall.log.length);
    expect(answer.body).toEqual({ heldThrough: 10, stored: 5 });

    const status = (await region.pool.query('SELECT waiting_now, newest_event_at FROM site_status WHERE site_id = $1', ['proj-a'])).rows[0];
    expect(status.waiting_now).toBe(5);
    expect(status.newest_event_at.toISOString()).toBe('2026-11-23T01:22:01.000Z');
    const windows = (await region.pool.query('SELECT window_no, is_open FROM site_windows WHERE site_id = $1 ORDER BY window_no', ['proj-a'])).rows;
    expect(windows).toEqual([{ window_no: 1, is_open: true }, { window_no: 2, is_open: false }]);
    const terminals = (await region.pool.query('SELECT faults FROM site_terminals WHERE site_id = $1', ['proj-a'])).rows;
    expect(terminals).toEqual([{ faults: [{ device: '热敏打印机', state: 'degraded', reason: '缺纸' }] }]);
    const ticket = (await region.pool.query("SELECT status, to_char(day, 'YYYY-MM-DD') AS day, called_at, finished_at, window_no FROM site_tickets WHERE site_id = $1", ['proj-a'])).rows[0];
    expect(ticket).toMatchObject({ status: 'finished', day: '2026-11-23', window_no: 1 });
    expect(ticket.called_at.toISOString()).toBe(called);
    const daily = (await region.pool.query("SELECT service_code, issued, finished FROM ticket_daily WHERE site_id = $1", ['proj-a'])).rows;
    expect(daily).toEqual([{ service_code: '001', issued: 1, finished: 1 }]);
    const rated = (await region.pool.query('SELECT rated, bad, score_sum::int FROM rating_monthly WHERE site_id = $1', ['proj-a'])).rows;
    expect(rated).toEqual([{ rated: 2, bad: 1, score_sum: 6 }]);
    const cases = (await region.pool.query("SELECT state, to_char(due_on, 'YYYY-MM-DD') AS due_on FROM site_cases WHERE site_id = $1", ['proj-a'])).rows;
    expect(cases).toEqual([{ state: '待回访', due_on: '2026-11-26' }]);
  });

  it('a rating withdrawn on appeal (申诉撤销) leaves the month’s statistics once, however often the case is recorded', async () => {
    const hall = await enrolled('proj-b');
    append(hall, 'rating.recorded', ratingRecorded({ ratingId: 'r000010', day: '2026-11-24', score: 2 }), '2026-11-24T02:00:00.000Z');
    append(hall, 'rating.recorded', ratingRecorded({ ratingId: 'r000011', day: '2026-11-24', score: 4 }), '2026-11-24T02:01:00.000Z');
    await hall.push(1, 2);
    append(hall, 'rating.case.recorded', caseRecorded({ caseId: 'c10', ratingId: 'r000010', state: '申诉撤销', openedOn: '2026-11-24', dueOn: '2026-11-27', closedOn: '2026-11-25' }), '2026-11-25T02:00:00.000Z');
    append(hall, 'rating.case.recorded', caseRecorded({ caseId: 'c10', ratingId: 'r000010', state: '申诉撤销', openedOn: '2026-11-24', dueOn: '2026-11-27', closedOn: '2026-11-25' }), '2026-11-25T02:00:01.000Z');
    await hall.push(3, 1);
    await hall.push(4, 1);
    const rated = (await region.pool.query('SELECT rated, bad, score_sum::int FROM rating_monthly WHERE site_id = $1', ['proj-b'])).rows;
    expect(rated).toEqual([{ rated: 1, bad: 0, score_sum: 4 }]);
  });

  it('a refused batch projects nothing: the projections move with the events or not at all', async () => {
    const hall = await enrolled('proj-c');
    append(hall, 'rating.recorded', ratingRecorded({ ratingId: 'r000020', day: '2026-11-24', score: 5 }), '2026-11-24T02:00:00.000Z');
    append(hall, 'rating.recorded', ratingRecorded({ ratingId: 'r000021', day: '2026-11-24', score: 5 }), '2026-11-24T02:00:01.000Z');
    const gap = await hall.push(2, 1);
    expect(gap.status).toBe(409);
    expect((await region.pool.query('SELECT count(*)::int AS n FROM site_ratings WHERE site_id = $1', ['proj-c'])).rows[0].n).toBe(0);
    expect((await region.pool.query('SELECT count(*)::int AS n FROM rating_monthly WHERE site_id = $1', ['proj-c'])).rows[0].n).toBe(0);
  });
});
