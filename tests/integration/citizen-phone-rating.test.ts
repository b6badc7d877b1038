// 扫码评价 on a hall without a region (the phone on the hall's Wi-Fi): the progress page's POST goes to the hall, whose
// ratings store is the arbiter of one rating per service across pad and phone. Pad first → the phone is told 已评价
// with when and where; phone first → the pad is refused with 已评价（二维码）; a phone rating after the pad's prompt
// expired supersedes that 未评价 and every count stays exact; channel 二维码 in the statistics and the exports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { testIdentity } from '../support/citizens.ts';
import { progressPath } from '../../protocol/citizen/progress.ts';
import { phoneRatingPath } from '../../protocol/citizen/phone-rating.ts';
import { tokenOfProgressUrl } from '../../protocol/rules/citizen-token.ts';

const RESIDENT = '212036001003';
const DAY = '2026-11-02';
let now = Date.parse('2026-11-02T01:00:00Z'); // 09:00 in the hall
let hall: TestHall;
let kiosk: string;
let counter: string;
let pad: string;
let admin: string;
let reasons: string[];

beforeAll(async () => {
  hall = await startTestHall({ now: () => new Date(now), config: { citizen: { hallUrl: 'http://192.168.10.2:4600' } } });
  kiosk = await hall.pair('kiosk');
  counter = await hall.pair('counter', 1);
  pad = await hall.pair('pad', 1);
  admin = await hall.admin();
  reasons = (await hall.api('GET', '/api/packs/active', undefined, admin)).body.evaluation.badReasons as string[];
  expect((await hall.api('POST', '/api/windows/1/sign-in', { staffId: '20101' }, counter)).status).toBe(200);
});
afterAll(() => hall.close(true));

let k = 0;
/** A ticket issued, called and finished at window 1: its token and id. */
async function finishedTicket(): Promise<{ token: string; ticketId: string }> {
  now += 1_000;
  const res = await hall.api('POST', '/api/tickets', { idempotencyKey: `phone-rating-${k++}-xxxx`, serviceCode: RESIDENT, identity: testIdentity() }, kiosk);
  expect(res.status).toBe(201);
  const ticketId = res.body.ticket.id as string;
  expect((await hall.api('POST', '/api/windows/1/call', { ticketId }, counter)).status).toBe(200);
  now += 60_000;
  expect((await hall.api('POST', '/api/windows/1/finish', {}, counter)).status).toBe(200);
  return { token: tokenOfProgressUrl(res.body.progressUrl)!, ticketId };
}

const rate = (token: string, body: object) => hall.api('POST', phoneRatingPath(token), body);
const progress = async (token: string) => (await hall.api('GET', progressPath(token))).body;
const padRating = (ticketId: string, id: string, score = 5) => hall.api('POST', '/api/windows/1/ratings', {
  id, ticketId, score, reasons: [], comment: '', phone: '', consent: false, source: 'touch', ratedAt: new Date(now).toISOString(),
}, pad);
const clock = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(11, 16);
const stats = async (group: string) => (await hall.api('GET', `/api/ratings/stats?from=${DAY}&to=${DAY}&group=${group}`, undefined, admin)).body;
async function exported(kind: 'full' | 'upstream'): Promise<string> {
  const res = await fetch(`${hall.url}/api/ratings/export?from=${DAY}&to=${DAY}&kind=${kind}`, { headers: { authorization: `Bearer ${admin}` } });
  expect(res.status).toBe(200);
  return res.text();
}

describe('DB21/T 4402 §11.1.3: 扫码评价 at a hall without a region', () => {
  let phoneFirst: { token: string; ticketId: string };
  let phoneAt: number;

  it('offers the five levels with the pad\'s reasons once the service is finished, and not before', async () => {
    now += 1_000;
    const waiting = await hall.api('POST', '/api/tickets', { idempotencyKey: `phone-rating-${k++}-xxxx`, serviceCode: RESIDENT, identity: testIdentity() }, kiosk);
    const waitingToken = tokenOfProgressUrl(waiting.body.progressUrl)!;
    expect(await progress(waitingToken)).toMatchObject({ state: 'waiting', canRate: false, badReasons: [], ratingPending: false });
    const early = await rate(waitingToken, { id: 'early-rating-1', score: 5, reasons: [], phone: '', consent: false });
    expect(early.status).toBe(409);
    expect(early.body.error).toEqual({ code: 'ticket_not_finished', message: '业务办结后才能评价' });
    expect((await hall.api('POST', '/api/windows/1/call', { ticketId: waiting.body.ticket.id }, counter)).status).toBe(200);
    expect((await hall.api('POST', '/api/windows/1/finish', {}, counter)).status).toBe(200);
    expect((await padRating(waiting.body.ticket.id, 'pad-clears-1')).status).toBe(201);

    phoneFirst = await finishedTicket();
    expect(await progress(phoneFirst.token)).toMatchObject({ state: 'finished', rating: null, canRate: true, badReasons: reasons, ratingPending: false });
  });

  it('stores the phone\'s rating once: 201, then the same answer for a retry; a reused id with another body changes nothing', async () => {
    const body = { id: 'phone-first-rating', score: 4, reasons: [], phone: '', consent: false };
    phoneAt = now;
    const first = await rate(phoneFirst.token, body);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ state: 'accepted', rating: { at: new Date(phoneAt).toISOString(), channel: '二维码' } });
    now += 5_000;
    const retry = await rate(phoneFirst.token, body);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    const reused = await rate(phoneFirst.token, { ...body, score: 5 });
    expect(reused.status).toBe(422);
    expect(await progress(phoneFirst.token)).toMatchObject({ rating: { at: new Date(phoneAt).toISOString(), channel: '二维码' }, canRate: false, badReasons: [] });
  });

  it('phone first: the pad is refused with 已评价（二维码） and the time, a second phone rating gets the first', async () => {
    const refused = await padRating(phoneFirst.ticketId, 'pad-after-phone-1');
    expect(refused.status).toBe(409);
    expect(refused.body.error).toEqual({ code: 'already_rated', message: `已评价（二维码，${clock(phoneAt)}），每次服务只能评价一次` });
    const again = await rate(phoneFirst.token, { id: 'phone-second-rating', score: 1, reasons: [reasons[0]], phone: '', consent: false });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ state: 'rated', rating: { at: new Date(phoneAt).toISOString(), channel: '二维码' } });
  });

  it('pad first: the phone is answered 409 已评价 with when and where (窗口评价器)', async () => {
    const t = await finishedTicket();
    const padAt = now;
    expect((await padRating(t.ticketId, 'pad-first-rating', 5)).status).toBe(201);
    expect(await progress(t.token)).toMatchObject({ rating: { at: new Date(padAt).toISOString(), channel: '窗口评价器' }, canRate: false });
    now += 10_000;
    const phone = await rate(t.token, { id: 'phone-after-pad-1', score: 1, reasons: [reasons[1]], phone: '', consent: false });
    expect(phone.status).toBe(409);
    expect(phone.body).toEqual({ state: 'rated', rating: { at: new Date(padAt).toISOString(), channel: '窗口评价器' } });
  });

  it('refuses a 差评 without a reason, with a reason not in the list, or a phone without consent; nothing is stored', async () => {
    const t = await finishedTicket();
    const cases: [object, string][] = [
      [{ id: 'bad-no-reason-1', score: 2, reasons: [], phone: '', consent: false }, '差评请至少选择一项原因或填写意见'],
      [{ id: 'bad-odd-reason', score: 2, reasons: ['不在列表'], phone: '', consent: false }, '差评原因“不在列表”不在本大厅的原因列表中'],
      [{ id: 'bad-no-consent', score: 1, reasons: [reasons[0]], phone: '13800138000', consent: false }, '留下回访电话前请您确认同意回访'],
    ];
    for (const [body, message] of cases) {
      const res = await rate(t.token, body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(message);
    }
    expect(await progress(t.token)).toMatchObject({ rating: null, canRate: true });
    expect((await padRating(t.ticketId, 'pad-after-refusals')).status).toBe(201);
    expect((await rate('AAAAAAAAAAAAAAAAAAAAAAAA', { id: 'unknown-token-1', score: 5, reasons: [], phone: '', consent: false })).status).toBe(404);
  });

  it('after the pad\'s 120 s the ticket is 未评价; a later 差评 from the phone supersedes it, counted once, with its case and call-back phone', async () => {
    const t = await finishedTicket();
    const before = (await stats('day')).total;
    now += 160_000; // past the 120 s prompt and the pad's 30 s clock tolerance
    expect((await hall.api('POST', '/api/ratings/sweep', {}, admin)).body.unrated).toBeGreaterThanOrEqual(1);
    const unrated = (await stats('day')).total;
    expect(unrated).toMatchObject({ finished: before.finished, rated: before.rated, unrated: before.unrated + 1 });
    // The pad's channel is closed: a press stamped now is refused.
    expect((await padRating(t.ticketId, 'pad-too-late-1')).body.error.code).toBe('prompt_expired');
    expect(await progress(t.token)).toMatchObject({ rating: null, canRate: true });

    now += 30 * 60_000;
    const phoneAt = now;
    const res = await rate(t.token, { id: 'phone-supersedes-1', score: 1, reasons: [reasons[0]], phone: '13800138000', consent: true });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ state: 'accepted', rating: { at: new Date(phoneAt).toISOString(), channel: '二维码' } });
    const after = (await stats('day')).total;
    expect(after).toMatchObject({ finished: before.finished, rated: before.rated + 1, unrated: before.unrated, bad: before.bad + 1, cases: before.cases + 1 });
    const cases = (await hall.api('GET', '/api/ratings/cases?open=1', undefined, admin)).body.cases as { ticketNumber: string; phone: string; reasons: string[] }[];
    expect(cases.filter((c) => c.phone === '138****8000')).toHaveLength(1);
  });

  it('statistics by channel and both exports carry 二维码 for the phone\'s ratings, 评价器 for the pad\'s', async () => {
    const byChannel = (await stats('channel')).rows as { key: string; label: string; rated: number; bad: number }[];
    expect(byChannel.map((r) => [r.key, r.label, r.rated, r.bad])).toEqual([
      ['qr', '二维码（手机扫码）', 2, 1],
      ['touch', '评价器（触屏）', 3, 0],
    ]);
    const full = (await exported('full')).split('\r\n');
    const phoneRows = full.filter((line) => line.startsWith('phone-'));
    expect(phoneRows.map((line) => line.split(',').slice(8, 10))).toEqual([['二维码', '手机扫码'], ['二维码', '手机扫码']]);
    expect(full.filter((line) => line.startsWith('pad-')).map((line) => line.split(',')[8])).toEqual(['评价器', '评价器', '评价器']);
    expect(full.some((line) => line.includes('13800138000'))).toBe(false);
    const upstream = (await exported('upstream')).split('\r\n').filter((line) => line !== '');
    expect(upstream).toHaveLength(1 + 5);
    expect(upstream.filter((line) => line.includes(',13800138000,'))).toHaveLength(1);
  });
});
