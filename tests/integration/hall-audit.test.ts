// The audit trail (审计日志) through a real hall-server on a controlled clock: an export and a revoke are recorded and
// read back with names, hall-local day bounds, action filters on whole segments, keyset paging over entries with equal
// times, masking of personal numbers in free text, and admins only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHall, TEST_ADMIN, type TestHall } from '../support/hall.ts';
import { testIdentity } from '../support/citizens.ts';

let hall: TestHall;
let admin: string;
let kiosk: string;
let boardId: string;
// Fixed instants: many entries share one `at`, so paging has to break ties by id.
let clock = new Date('2026-11-23T08:00:00.000Z'); // Monday 16:00 in the hall (UTC+8); within one admin session

interface Entry {
  id: number;
  at: string;
  actor: { id: string; role: string | null; name: string | null } | null;
  action: string;
  details: Record<string, unknown>;
  refs: { terminal: string | null; ticket: string | null };
}

const audit = async (query: string, token = admin) => hall.api('GET', `/api/admin/audit?${query}`, undefined, token);
const actions = (entries: Entry[]) => entries.map((e) => e.action);

beforeAll(async () => {
  hall = await startTestHall({ now: () => clock });
  await hall.admin();
  admin = (await hall.api('POST', '/api/admin/login', { staffNo: TEST_ADMIN.staffNo, password: TEST_ADMIN.password })).body.token;
  kiosk = await hall.pair('kiosk');
  const board = await hall.pair('board');
  boardId = (await hall.api('GET', '/api/whoami', undefined, board)).body.principal.id;

  clock = new Date('2026-11-23T09:00:00.000Z'); // 17:00
  const exported = await fetch(`${hall.url}/api/ratings/export?from=2026-11-01&to=2026-11-23&kind=upstream`, {
    headers: { authorization: `Bearer ${admin}` },
  });
  expect(exported.status).toBe(200);
  await exported.arrayBuffer();
  expect((await hall.api('POST', `/api/admin/terminals/${boardId}/revoke`, undefined, admin)).status).toBe(200);
  const code = await hall.api('POST', '/api/admin/pairing-codes', { role: 'kiosk', name: '二楼取号机 13812345678' }, admin);
  expect(code.status).toBe(201);

  clock = new Date('2026-11-23T15:59:59.999Z'); // 23:59:59.999, still the 23rd in the hall
  const service = (await hall.api('GET', '/api/queue', undefined, kiosk)).body.windows[0].services[0] as string;
  const ticket = await hall.api('POST', '/api/tickets', { idempotencyKey: 'audit-test-ticket-1', serviceCode: service, identity: testIdentity() }, kiosk);
  expect(ticket.status).toBe(201);
  const counter = await hall.pair('counter', 1);
  await hall.api('POST', '/api/windows/1/sign-in', { staffId: '20101' }, counter);
  expect((await hall.api('POST', '/api/windows/1/call-next', {}, counter)).status).toBe(200);

  clock = new Date('2026-11-23T16:00:00.000Z'); // 00:00 on the 24th in the hall
  expect((await hall.api('POST', '/api/admin/login', { staffNo: TEST_ADMIN.staffNo, password: 'not-the-password' })).status).toBe(401);
});
afterAll(async () => {
  await hall.close();
});

describe('GET /api/admin/audit', () => {
  it('shows the export and the revoke with who did them, newest first', async () => {
    const res = await audit('from=2026-11-23&to=2026-11-23&limit=200');
    expect(res.status).toBe(200);
    const entries = res.body.entries as Entry[];
    expect(res.body).toMatchObject({ from: '2026-11-23', to: '2026-11-23', utcOffsetMinutes: 480, total: entries.length, next: null });
    expect(actions(entries)).toEqual([
      'window.call-next', 'window.sign-in', 'terminal.demo_paired', 'ticket.issued',
      'pairing_code.created', 'terminal.revoked', 'ratings.export',
      'terminal.demo_paired', 'terminal.demo_paired', 'admin.login', 'admin.setup', 'pack.activate', 'pack.upload',
    ]);
    const exported = entries.find((e) => e.action === 'ratings.export')!;
    expect(exported).toMatchObject({
      at: '2026-11-23T09:00:00.000Z',
      actor: { role: 'admin', name: '测试负责人（工号 T001）' },
      details: { kind: 'upstream', from: '2026-11-01', to: '2026-11-23', rows: 0 },
      refs: { terminal: null, ticket: null },
    });
    const revoked = entries.find((e) => e.action === 'terminal.revoked')!;
    expect(revoked).toMatchObject({
      actor: { role: 'admin', name: '测试负责人（工号 T001）' },
      details: { terminal: boardId },
      refs: { terminal: '演示叫号大屏', ticket: null },
    });
    const call = entries[0]!;
    expect(call).toMatchObject({ actor: { role: 'counter', name: '演示1号窗口叫号面板' }, details: { window: 1 }, refs: { ticket: 'A001' } });
    expect(entries.find((e) => e.action === 'admin.setup')!).toMatchObject({
      actor: { role: 'admin', name: '测试负责人（工号 T001）' }, details: { staffNo: 'T001', role: 'owner' },
    });
    expect(entries.find((e) => e.action === 'pack.activate')).toMatchObject({
      actor: { id: 'system', role: 'admin', name: null }, details: { packId: 'ln-sample-county', version: 1 },
    });
  });

  it('masks a phone number typed into a free-text field', async () => {
    const res = await audit('from=2026-11-23&to=2026-11-23&action=pairing_code');
    expect(res.body.entries.map((e: Entry) => e.details)).toEqual([{ role: 'kiosk', window: null, name: '二楼取号机 138****5678' }]);
    expect(JSON.stringify(res.body)).not.toContain('13812345678');
  });

  it('bounds days in hall time', async () => {
    const next = await audit('from=2026-11-24&to=2026-11-24');
    expect(next.body.entries.map((e: Entry) => [e.at, e.action, e.actor])).toEqual([['2026-11-23T16:00:00.000Z', 'admin.login_failed', null]]);
    const both = await audit('from=2026-11-22&to=2026-11-24');
    expect(both.body.total).toBe(14);
    const today = await audit('');
    expect([today.body.from, today.body.to, today.body.total]).toEqual(['2026-11-24', '2026-11-24', 1]);
  });

  it('filters by action prefix on whole segments', async () => {
    const range = 'from=2026-11-23&to=2026-11-24';
    expect(actions((await audit(`${range}&action=ratings.export`)).body.entries)).toEqual(['ratings.export']);
    expect(actions((await audit(`${range}&action=ratings`)).body.entries)).toEqual(['ratings.export']);
    expect(actions((await audit(`${range}&action=terminal`)).body.entries)).toEqual([
      'terminal.demo_paired', 'terminal.revoked', 'terminal.demo_paired', 'terminal.demo_paired',
    ]);
    expect(actions((await audit(`${range}&action=admin.login`)).body.entries)).toEqual(['admin.login']);
    expect(actions((await audit(`${range}&action=window`)).body.entries)).toEqual(['window.call-next', 'window.sign-in']);
    const none = await audit(`${range}&action=ratings.exp`);
    expect([none.body.total, none.body.entries]).toEqual([0, []]);
  });

  it('pages newest first with a cursor, ties in time broken by id', async () => {
    const all = (await audit('from=2026-11-23&to=2026-11-24&limit=200')).body.entries as Entry[];
    expect(all).toHaveLength(14);
    const seen: Entry[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await audit(`from=2026-11-23&to=2026-11-24&limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.body.total).toBe(14);
      seen.push(...res.body.entries);
      cursor = res.body.next;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen.map((e) => e.id)).toEqual(all.map((e) => e.id));
    const ids = seen.filter((e) => e.at === '2026-11-23T08:00:00.000Z').map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('answers admins only and refuses wrong parameters in Chinese', async () => {
    const kioskRes = await audit('', kiosk);
    expect(kioskRes.status).toBe(403);
    expect(kioskRes.body.error.code).toBe('forbidden');
    expect((await hall.api('GET', '/api/admin/audit')).status).toBe(401);
    const bad = await audit('from=2026-11-24&to=2026-11-01');
    expect([bad.status, bad.body.error.message]).toEqual([400, '结束日期不能早于开始日期']);
    expect((await audit('limit=500')).body.error.code).toBe('bad_limit');
    expect((await audit('cursor=bm9wZQ')).body.error.code).toBe('bad_cursor');
    expect((await audit('action=RATINGS')).body.error.code).toBe('bad_action');
  });

  it('is listed in the API reference with its response schema', async () => {
    const doc = (await hall.api('GET', '/api/openapi.json')).body;
    const op = doc.paths['/api/admin/audit'].get;
    expect(op['x-roles']).toEqual(['admin']);
    expect(op.responses['200'].content['application/json'].schema.required).toEqual(['from', 'to', 'utcOffsetMinutes', 'total', 'entries', 'next']);
  });
});
