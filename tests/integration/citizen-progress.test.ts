// The citizen's progress page served by the hall on its own Wi-Fi: the ticket's link (a 144-bit token printed as
// `<hallUrl>/t/<token>`, kept only as a hash), the progress API through waiting → called → 过号 → finished, the
// measured-time estimate, nothing personal, 404 for unknown and expired links, and guessing slowed down.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { testIdentity } from '../support/citizens.ts';
import { UNKNOWN_TOKEN_MESSAGE, progressPath } from '../../protocol/citizen/progress.ts';
import { tokenOfProgressUrl } from '../../protocol/rules/citizen-token.ts';

const RESIDENT = '212036001003';
const HALL_URL = 'http://192.168.10.2:4600';

let now = Date.parse('2026-11-02T01:00:00Z'); // 09:00 in the hall, a Monday
let hall: TestHall;
let kiosk: string;
let counter: string;

beforeAll(async () => {
  hall = await startTestHall({ now: () => new Date(now), config: { citizen: { hallUrl: HALL_URL } } });
  kiosk = await hall.pair('kiosk');
  counter = await hall.pair('counter', 1);
});
afterAll(() => hall.close(true));

let k = 0;
const requests: unknown[] = [];
async function issue(name: string): Promise<{ token: string; body: any }> { // any: the test reads fields freely
  const request = { idempotencyKey: `citizen-${k++}-xxxx`, serviceCode: RESIDENT, identity: testIdentity(name) };
  requests.push(request);
  now += 1_000; // tickets issued in the same millisecond have no defined order
  const res = await hall.api('POST', '/api/tickets', request, kiosk);
  expect(res.status).toBe(201);
  const token = tokenOfProgressUrl(res.body.progressUrl);
  expect(token).not.toBeNull();
  return { token: token!, body: res.body };
}
const progress = (token: string, from?: string) => hall.api('GET', progressPath(token), undefined, from);

describe('the ticket link', () => {
  let first: { token: string; body: any }; // any: the test reads fields freely

  it('is printed as <hall Wi-Fi address>/t/<24 base64url characters> and answers the ticket\'s progress', async () => {
    first = await issue('张一');
    expect(first.body.progressUrl).toMatch(/^http:\/\/192\.168\.10\.2:4600\/t\/[A-Za-z0-9_-]{24}$/);
    expect(first.body.estimateMinutes).toBe(0);
    const res = await progress(first.token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      number: first.body.ticket.number, itemName: first.body.ticket.serviceName, state: 'waiting', window: null,
      peopleAhead: 0, estimateMinutes: 0, openWindows: 0, expiresAt: '2026-11-02T19:00:00.000Z', version: expect.any(Number), rating: null,
      canRate: false, badReasons: [], ratingPending: false,
    });
  });

  it('is the same link when the kiosk retries the issue', async () => {
    const again = await hall.api('POST', '/api/tickets', requests[0], kiosk);
    expect(again.status).toBe(200);
    expect(again.body.progressUrl).toBe(first.body.progressUrl);
  });

  it('says nothing personal, and the token is not kept in clear', async () => {
    const res = await progress(first.token);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain('张');
    expect(text).not.toMatch(/\d{15}/);
    for (const file of readdirSync(hall.dataDir).filter((f) => f.includes('.db') || f.includes('sqlite'))) {
      expect(readFileSync(join(hall.dataDir, file)).includes(Buffer.from(first.token))).toBe(false);
    }
  });

  it('counts the people ahead and estimates from the prior until services are measured', async () => {
    const second = await issue('张二');
    expect(second.body.waitingAhead).toBe(1);
    expect(second.body.estimateMinutes).toBe(6);
    const res = await progress(second.token);
    expect(res.body).toMatchObject({ state: 'waiting', peopleAhead: 1, estimateMinutes: 6 });
  });

  it('follows the ticket: called at window 1, 过号, called again and finished', async () => {
    expect((await hall.api('POST', '/api/windows/1/sign-in', { staffId: '20101' }, counter)).status).toBe(200);
    expect((await hall.api('POST', '/api/windows/1/call-next', {}, counter)).status).toBe(200);
    expect((await progress(first.token)).body).toMatchObject({ state: 'called', window: 1, peopleAhead: 0, estimateMinutes: null, openWindows: 1 });
    for (let call = 2; call <= 3; call++) {
      now += 11_000;
      expect((await hall.api('POST', '/api/windows/1/recall', {}, counter)).status).toBe(200);
    }
    expect((await hall.api('POST', '/api/windows/1/no-show', {}, counter)).status).toBe(200);
    expect((await progress(first.token)).body).toMatchObject({ state: 'missed', window: null });
  });

  it('estimates from the measured service time once a service is finished', async () => {
    const third = await issue('张三');
    // The second ticket is called at 09:00 and finished 2 minutes later: (6×3 + 2) / 4 = 5 minutes per person.
    expect((await hall.api('POST', '/api/windows/1/call-next', {}, counter)).status).toBe(200);
    now += 2 * 60_000;
    expect((await hall.api('POST', '/api/windows/1/start', {}, counter)).status).toBe(200);
    expect((await hall.api('POST', '/api/windows/1/finish', {}, counter)).status).toBe(200);
    const fourth = await issue('张四');
    expect(fourth.body.estimateMinutes).toBe(5);
    expect((await progress(fourth.token)).body).toMatchObject({ state: 'waiting', peopleAhead: 1, estimateMinutes: 5 });
    expect((await progress(third.token)).body).toMatchObject({ state: 'waiting', peopleAhead: 0 });
  });

  it('answers 404 in Chinese for an unknown token, and 404 once the hall day is over', async () => {
    const unknown = await progress('AAAAAAAAAAAAAAAAAAAAAAAA', undefined);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe(UNKNOWN_TOKEN_MESSAGE);
    const saved = now;
    now = Date.parse('2026-11-02T19:00:00Z');
    expect((await progress(first.token)).status).toBe(404);
    now = saved;
  });

  it('slows down an address that keeps guessing', async () => {
    let status = 0;
    for (let i = 0; i < 30 && status !== 429; i++) status = (await progress(`guess${String(i).padStart(19, '0')}`)).status;
    expect(status).toBe(429);
  });
});
