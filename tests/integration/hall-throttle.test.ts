// Guessing slows the guesser only (issue 11 item 5), against a real hall-server process: growing delays per source
// address and per account, kept across a restart, for the console login and for pairing codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFrom } from '../support/from-address.ts';
import { spawnTestHall, TEST_ADMIN, type SpawnedHall } from '../support/hall.ts';

const STRANGER = '127.0.0.2';
const MANAGER = '127.0.0.3';
const TERMINAL = '127.0.0.4';

let hall: SpawnedHall;
beforeAll(async () => {
  hall = await spawnTestHall({ demo: false });
  await hall.admin();
});
afterAll(() => hall.close());

const login = (from: string, password: string) =>
  apiFrom(from, hall.url, 'POST', '/api/admin/login', { staffNo: TEST_ADMIN.staffNo, password });

describe('login throttling', () => {
  it('ten wrong passwords from one address do not keep the real person out at another desk', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await login(STRANGER, `wrong-guess-${i}`)).status);
    // The first 3 cost nothing; the 4th waits 1 s after the 3rd; it is asked at once, so it is refused.
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses.slice(4)).toEqual([429, 429, 429, 429, 429, 429]);
    const refused = await login(STRANGER, TEST_ADMIN.password);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('too_many_attempts');
    expect(refused.body.error.message).toMatch(/^尝试次数过多，请 \d+ 秒后再试$/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);

    const manager = await login(MANAGER, TEST_ADMIN.password);
    expect(manager.status).toBe(200);
    expect(manager.body.principal).toMatchObject({ name: '测试负责人（工号 T001）', staffRole: 'owner' });
  });

  it('keeps the counters across a restart', async () => {
    await hall.close(false);
    hall = await spawnTestHall({ demo: false, dataDir: hall.dataDir });
    // The restart took longer than the 1 s the stranger owed, so one more guess is heard: it is the 5th failure (a
    // fresh count would make it the 1st, free), and the attempt right after it owes 2 s.
    expect([401, 429]).toContain((await login(STRANGER, 'wrong-guess-after-restart')).status);
    expect((await login(STRANGER, TEST_ADMIN.password)).status).toBe(429);
    expect((await login(MANAGER, TEST_ADMIN.password)).status).toBe(200);
  });
});

describe('guessing spread over many addresses', () => {
  it("slows every address once the account has 20 failures, except the desk where its owner signed in", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 24; i++) statuses.push((await login(`127.0.1.${i + 1}`, `spread-guess-${i}`)).status);
    // 5 failures came before (the stranger's); the account's 21st failure and later ones owe a growing wait.
    expect(statuses.slice(0, 15)).toEqual(Array(15).fill(401));
    expect(statuses.slice(-3)).toEqual([429, 429, 429]);
    expect((await login('127.0.2.1', TEST_ADMIN.password)).status).toBe(429);
    expect((await login(MANAGER, TEST_ADMIN.password)).status).toBe(200);
  });
});

describe('pairing-code throttling', () => {
  it('eleven wrong codes from one address do not block the genuine code on the terminal', async () => {
    const owner = (await login(MANAGER, TEST_ADMIN.password)).body.token as string;
    const made = await hall.api('POST', '/api/admin/pairing-codes', { role: 'kiosk', name: '一楼取号机' }, owner);
    expect(made.status).toBe(201);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await apiFrom(STRANGER, hall.url, 'POST', '/api/pairing/exchange', { code: String(10_000_000 + i) })).status);
    expect(statuses.slice(0, 6)).toEqual([404, 404, 404, 404, 404, 404]);
    expect(statuses.slice(6)).toEqual([429, 429, 429, 429, 429]);
    const paired = await apiFrom(TERMINAL, hall.url, 'POST', '/api/pairing/exchange', { code: made.body.code });
    expect(paired.status).toBe(200);
    expect(paired.body.principal).toMatchObject({ role: 'kiosk', name: '一楼取号机' });
  });
});
