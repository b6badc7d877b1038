// The hall API over real HTTP and SQLite: validation, access rules, idempotency, the window flow, exactly-one-wins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHall, type TestHall } from '../support/hall.ts';
import { testIdentity } from '../support/citizens.ts';

let hall: TestHall;
let kiosk: string;
let counter1: string;
let counter2: string;
let pad1: string;
let service: string;
const STAFF_1 = '20101';
const STAFF_2 = '20102';

beforeAll(async () => {
  hall = await startTestHall();
  kiosk = await hall.pair('kiosk');
  counter1 = await hall.pair('counter', 1);
  counter2 = await hall.pair('counter', 2);
  pad1 = await hall.pair('pad', 1);
  const queue = await hall.api('GET', '/api/queue', undefined, kiosk);
  const shared = queue.body.windows[0].services.filter((s: string) => queue.body.windows[1].services.includes(s));
  service = shared[0];
  expect(service).toBeTruthy();
  const staff = (await hall.api('POST', '/api/windows/1/sign-in', { staffId: STAFF_1 }, counter1));
  expect(staff.status).toBe(200);
  expect((await hall.api('POST', '/api/windows/2/sign-in', { staffId: STAFF_2 }, counter2)).status).toBe(200);
});
afterAll(() => hall.close());

let keyN = 0;
const issue = (body: Record<string, unknown> = {}) =>
  hall.api('POST', '/api/tickets', { idempotencyKey: `key-${Date.now()}-${keyN++}`, serviceCode: service, identity: testIdentity(), ...body }, kiosk);

describe('health', () => {
  it('answers exactly status, version, pack and whether the pack calendar covers the year', async () => {
    const res = await hall.api('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'ok', version: '0.1.0', pack: { id: 'ln-sample-county', version: 1 }, calendar: { state: 'ok', years: [2026, 2027], message: null },
    });
  });
});

describe('API reference', () => {
  it('documents finishing a case with its 办件编号 from the same schemas the server validates with', async () => {
    const doc = (await hall.api('GET', '/api/openapi.json')).body;
    const finish = doc.paths['/api/windows/{window}/finish'].post;
    expect(finish['x-roles']).toEqual(['admin', 'counter', 'pad']);
    expect(Object.keys(finish.requestBody.content['application/json'].schema.properties)).toEqual(['caseNumber', 'idempotencyKey']);
    expect(finish.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
    expect(doc.paths['/api/health'].get.responses['200'].content['application/json'].schema.required).toEqual(['status', 'version', 'pack', 'calendar']);
  });
});

describe('validation', () => {
  it('rejects unknown fields with a Chinese message', async () => {
    const res = await hall.api('POST', '/api/tickets', { idempotencyKey: 'abcdefgh-1', serviceCode: service, extra: 1 }, kiosk);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_body');
    expect(res.body.error.message).toContain('extra');
    expect(res.body.error.message).toMatch(/请求内容有误/);
  });
  it('rejects malformed JSON', async () => {
    const res = await fetch(hall.url + '/api/tickets', {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${kiosk}` }, body: '{"idem',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'bad_json', message: '请求内容不是有效的 JSON' } });
  });
  it('rejects an oversize body with 413', async () => {
    const res = await hall.api('POST', '/api/tickets', { idempotencyKey: 'abcdefgh-2', serviceCode: 'x'.repeat(70_000) }, kiosk);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('body_too_large');
  });
  it('rejects an invalid ID number', async () => {
    const res = await issue({ identity: { idNumber: '123', name: '张三', birthDate: '1950-01-01', source: 'id_card' } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('身份证号码格式不正确');
  });
  it('answers 404 for an unknown route and 401 without a token', async () => {
    expect((await hall.api('GET', '/api/nope')).body.error.code).toBe('not_found');
    const res = await hall.api('GET', '/api/queue');
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe('请先配对终端或登录管理台');
  });
});

describe('access', () => {
  it('refuses an unknown window', async () => {
    const admin = await hall.admin();
    const res = await hall.api('POST', '/api/windows/77/call-next', {}, admin);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'unknown_window', message: '没有 77 号窗口' } });
  });
  it('refuses a pad acting for another window', async () => {
    const res = await hall.api('POST', '/api/windows/2/call-next', {}, pad1);
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: { code: 'wrong_window', message: '本终端只能操作 1 号窗口' } });
  });
  it('refuses a kiosk calling a window action', async () => {
    expect((await hall.api('POST', '/api/windows/1/call-next', {}, kiosk)).status).toBe(403);
  });
  it('refuses a kiosk setting a 绿色通道 class', async () => {
    const res = await issue({ priority: 'disability' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('priority_by_staff');
  });
});

describe('tickets', () => {
  it('returns the same ticket for a retried idempotency key', async () => {
    const body = { idempotencyKey: 'retry-key-0001', serviceCode: service, identity: testIdentity() };
    const first = await hall.api('POST', '/api/tickets', body, kiosk);
    const again = await hall.api('POST', '/api/tickets', body, kiosk);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.reused).toBe('idempotent');
    expect(again.body.ticket.id).toBe(first.body.ticket.id);
  });
  it('gives a person their waiting ticket back for the same item, and marks age ≥ 70 as 绿色通道', async () => {
    const identity = { idNumber: '210102195001011239', name: '王小明', birthDate: '1950-01-01', source: 'id_card' };
    const first = await issue({ identity });
    const second = await issue({ identity });
    expect(first.body.ticket.priority).toBe('elderly');
    expect(first.body.ticket.maskedName).toBe('王*明');
    expect(JSON.stringify(first.body)).not.toContain('210102195001011239');
    expect(second.body.reused).toBe('same_person');
    expect(second.body.ticket.id).toBe(first.body.ticket.id);
    const row = hall.hall!.db.prepare('SELECT person_hash, person_sealed, name_sealed FROM queue_tickets WHERE id = ?').get(first.body.ticket.id) as Record<string, string>;
    expect(row.person_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain('210102195001011239');
    expect(hall.hall!.app.secrets.decrypt(row.person_sealed!)).toBe('210102195001011239');
    expect(hall.hall!.app.secrets.decrypt(row.name_sealed!)).toBe('王小明');
  });
  it('refuses an ID number with a wrong check character, and reads a lowercase x as the same person as X', async () => {
    const bad = await issue({ identity: { idNumber: '210102195001011234', name: '王小明', birthDate: '1950-01-01', source: 'id_card' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('身份证号码校验位不正确，请核对后重试');
    const person = { name: '赵丽', birthDate: '1949-12-31', source: 'id_card' };
    const upper = await issue({ identity: { ...person, idNumber: '11010519491231002X' } });
    const lower = await issue({ identity: { ...person, idNumber: '11010519491231002x' } });
    expect(upper.status).toBe(201);
    expect(lower.body.reused).toBe('same_person');
    expect(lower.body.ticket.id).toBe(upper.body.ticket.id);
  });
  it('records the print result', async () => {
    const t = await issue();
    const res = await hall.api('POST', `/api/tickets/${t.body.ticket.id}/print-result`, { outcome: 'failed', reason: '缺纸' }, kiosk);
    expect(res.status).toBe(200);
  });
});

describe('windows', () => {
  it('lets exactly one of two windows win the same ticket', async () => {
    await drain();
    const t = (await issue()).body.ticket;
    const [a, b] = await Promise.all([
      hall.api('POST', '/api/windows/1/call', { ticketId: t.id }, counter1),
      hall.api('POST', '/api/windows/2/call', { ticketId: t.id }, counter2),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.error.code).toBe('ticket_not_waiting');
    await finishBoth();
  });
  it('gives two concurrent call-next requests different tickets', async () => {
    await drain();
    const t1 = (await issue()).body.ticket;
    const t2 = (await issue()).body.ticket;
    const [a, b] = await Promise.all([
      hall.api('POST', '/api/windows/1/call-next', {}, counter1),
      hall.api('POST', '/api/windows/2/call-next', {}, counter2),
    ]);
    expect(new Set([a.body.ticket.id, b.body.ticket.id])).toEqual(new Set([t1.id, t2.id]));
    await finishBoth();
  });
  it('runs call → recall cool-down → start → finish with a case number, and undoes the finish', async () => {
    await drain();
    const t = (await issue()).body.ticket;
    const called = await hall.api('POST', '/api/windows/1/call-next', {}, counter1);
    expect(called.body.ticket.id).toBe(t.id);
    expect(called.body.ticket.status).toBe('called');
    const recall = await hall.api('POST', '/api/windows/1/recall', {}, counter1);
    expect(recall.status).toBe(429);
    expect(recall.body.error.code).toBe('recall_cooldown');
    expect((await hall.api('POST', '/api/windows/1/no-show', {}, counter1)).body.error.code).toBe('too_few_calls');
    expect((await hall.api('POST', '/api/windows/1/start', {}, counter1)).body.ticket.status).toBe('serving');
    const fin = await hall.api('POST', '/api/windows/1/finish', { caseNumber: '210102001202611220000123' }, counter1);
    expect(fin.status).toBe(200);
    expect(fin.body.window.current).toBeNull();
    expect(fin.body.window.undoable.action).toBe('finish');
    const undo = await hall.api('POST', '/api/windows/1/undo', {}, counter1);
    expect(undo.body.window.current.id).toBe(t.id);
    expect(undo.body.window.current.status).toBe('serving');
    const again = await hall.api('POST', '/api/windows/1/finish', {}, counter1);
    expect(again.status).toBe(200);
    const timings = await hall.api('GET', `/api/tickets/${t.id}/timings`, undefined, counter1);
    expect(Object.keys(timings.body).sort()).toEqual(['serviceSeconds', 'waitSeconds', 'walkSeconds']);
    expect(timings.body.waitSeconds).toBeGreaterThanOrEqual(0);
  });
  it('transfers to another window keeping the issue time, and only that window calls it', async () => {
    await drain();
    const t = (await issue()).body.ticket;
    await hall.api('POST', '/api/windows/1/call-next', {}, counter1);
    const moved = await hall.api('POST', '/api/windows/1/transfer', { toWindow: 2 }, counter1);
    expect(moved.status).toBe(200);
    expect((await hall.api('POST', '/api/windows/1/call-next', {}, counter1)).body.ticket).toBeNull();
    const taken = await hall.api('POST', '/api/windows/2/call-next', {}, counter2);
    expect(taken.body.ticket.id).toBe(t.id);
    expect(taken.body.ticket.issuedAt).toBe(t.issuedAt);
    await finishBoth();
  });
  it('holds and returns a ticket, pauses and resumes the window', async () => {
    await drain();
    const t = (await issue()).body.ticket;
    await hall.api('POST', '/api/windows/1/call-next', {}, counter1);
    const held = await hall.api('POST', '/api/windows/1/hold', {}, counter1);
    expect(held.body.window.held.map((h: { id: string }) => h.id)).toEqual([t.id]);
    const back = await hall.api('POST', '/api/windows/1/return', { ticketId: t.id }, counter1);
    expect(back.body.window.current.id).toBe(t.id);
    await hall.api('POST', '/api/windows/1/finish', {}, counter1);
    expect((await hall.api('POST', '/api/windows/1/pause', {}, counter1)).body.window.paused).toBe(true);
    const refused = await hall.api('POST', '/api/windows/1/call-next', {}, counter1);
    expect(refused.body.error.code).toBe('window_paused');
    expect((await hall.api('POST', '/api/windows/1/resume', {}, counter1)).body.window.paused).toBe(false);
  });
  it('refuses sign-in with an unknown 工号', async () => {
    const res = await hall.api('POST', '/api/windows/1/sign-in', { staffId: '99999' }, counter1);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('工号 99999 不在本大厅的人员名单中');
  });
});

/** Calls and finishes everything waiting that windows 1 and 2 can serve. */
async function drain(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const res = await hall.api('POST', '/api/windows/1/call-next', {}, counter1);
    if (!res.body.ticket) break;
    await hall.api('POST', '/api/windows/1/finish', {}, counter1);
  }
}
async function finishBoth(): Promise<void> {
  await hall.api('POST', '/api/windows/1/finish', {}, counter1);
  await hall.api('POST', '/api/windows/2/finish', {}, counter2);
}
