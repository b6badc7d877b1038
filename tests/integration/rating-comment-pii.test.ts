// Issue 11 item 15: ID and phone numbers typed into a 差评 comment are masked at ingest — in the stored comment, the
// case list and the export — and the original is sealed with the call-back phone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckCharacter } from '../../protocol/person/id-number.ts';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { rating, readDb, serveAndFinish, terminals, type Terminals } from './rating-flow.helpers.ts';

const ID = '21010219850612003' + idCheckCharacter('21010219850612003');
const COMMENT = `等了两小时，我身份证${ID}，手机13812345678，家里电话024-23456789`;
const MASKED = `等了两小时，我身份证210102********${ID.slice(-4)}，手机138****5678，家里电话*******6789`;

let hall: TestHall;
let t: Terminals;
let admin: string;
let caseId: string;
const clock = new Date('2026-11-23T01:00:00.000Z');

beforeAll(async () => {
  hall = await startTestHall({ now: () => clock });
  t = await terminals(hall, [1]);
  admin = t.admin;
  const ticketId = await serveAndFinish(hall, t, 1, '20101');
  const res = await hall.api('POST', '/api/windows/1/ratings',
    rating('piicomment01', ticketId, 1, { comment: COMMENT, phone: '13900001111', consent: true, ratedAt: clock.toISOString() }), t.pad[1]);
  expect(res.status).toBe(201);
  caseId = res.body.caseId;
});
afterAll(() => hall.close());

describe('personal numbers in a 差评 comment', () => {
  it('are masked in the stored comment, the original sealed', () => {
    const row = readDb(hall, (db) => db.prepare('SELECT comment, comment_sealed FROM ratings WHERE id = ?').get('piicomment01')) as {
      comment: string; comment_sealed: string;
    };
    expect(row.comment).toBe(MASKED);
    expect(row.comment_sealed).not.toContain('13812345678');
    expect(hall.hall!.app.secrets.decrypt(row.comment_sealed)).toBe(COMMENT);
  });

  it('are masked in the case list and the case', async () => {
    const list = await hall.api('GET', '/api/ratings/cases', undefined, admin);
    expect(list.body.cases.map((c: { comment: string }) => c.comment)).toEqual([MASKED]);
    expect((await hall.api('GET', `/api/ratings/cases/${caseId}`, undefined, admin)).body.comment).toBe(MASKED);
  });

  it('are masked in the full export', async () => {
    const res = await fetch(`${hall.url}/api/ratings/export?kind=full&from=2026-11-01&to=2026-11-30`, { headers: { authorization: `Bearer ${admin}` } });
    const csv = await res.text();
    expect(csv).toContain(MASKED);
    for (const secret of [ID, '13812345678', '23456789']) expect(csv).not.toContain(secret);
  });

  it('the sealed original goes with the phone at the retention purge', async () => {
    const { RatingStore } = await import('../../hall-server/ratings/store.ts');
    const store = new RatingStore(hall.hall!.db);
    store.purgePersonal('2099-01-01T00:00:00.000Z', clock.toISOString()); // the case is open: kept
    expect(readDb(hall, (db) => db.prepare('SELECT comment_sealed IS NOT NULL FROM ratings').pluck().get())).toBe(1);
  });
});
