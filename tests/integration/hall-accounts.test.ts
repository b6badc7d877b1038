// Named console accounts on a real hall-server (issue 11 item 7): roles with least privilege, audit rows naming the
// person, logout, open sessions with revoke, and an admin's event socket that ends with its session.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PasswordHasher } from '../../server-shared/accounts/hasher.ts';
import { migrate, openHallDatabase } from '../../hall-server/core/db.ts';
import { eventMigrations } from '../../hall-server/core/events.ts';
import { terminalMigrations } from '../../hall-server/terminals/store.ts';
import { startTestHall, TEST_ADMIN, type TestHall, type TestSocket } from '../support/hall.ts';

let hall: TestHall;
let owner: string;
beforeAll(async () => {
  hall = await startTestHall();
  owner = await hall.admin();
});
afterAll(() => hall.close());

const closed = (socket: TestSocket) =>
  new Promise<number>((ok) => {
    if (socket.ws.readyState === socket.ws.CLOSED) ok(-1);
    socket.ws.once('close', (code) => ok(code));
  });

describe('accounts and roles', () => {
  it('the 大厅负责人 creates named accounts; weak passwords and a taken 工号 are refused in Chinese', async () => {
    const weak = await hall.api('POST', '/api/admin/accounts', { name: '王值班', staffNo: 'S101', role: 'shift_lead', password: 'qwertyuiop' }, owner);
    expect([weak.status, weak.body.error]).toEqual([400, { code: 'weak_password', message: '这是常见密码，很容易被猜到，请换一个' }]);
    const made = await hall.api('POST', '/api/admin/accounts', { name: '王值班', staffNo: 'S101', role: 'shift_lead', password: '101S~test-secret-phrase' }, owner);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: '王值班', staffNo: 'S101', role: 'shift_lead', disabled: false, createdBy: '测试负责人（工号 T001）' });
    const taken = await hall.api('POST', '/api/admin/accounts', { name: '另一人', staffNo: 's101', role: 'callback', password: 'another-long-one' }, owner);
    expect([taken.status, taken.body.error.message]).toEqual([409, '工号 s101 已有账号']);
    const list = await hall.api('GET', '/api/admin/accounts', undefined, owner);
    expect(list.body.accounts.map((a: { staffNo: string; role: string }) => [a.staffNo, a.role])).toEqual([['T001', 'owner'], ['S101', 'shift_lead']]);
  });

  it('值班长 runs the queue, terminals and help but not accounts, packs, exports or the audit', async () => {
    const lead = await hall.staff('shift_lead', 'S101', '王值班');
    expect((await hall.api('GET', '/api/queue', undefined, lead)).status).toBe(200);
    expect((await hall.api('GET', '/api/admin/terminals', undefined, lead)).status).toBe(200);
    expect((await hall.api('GET', '/api/admin/help', undefined, lead)).status).toBe(200);
    const code = await hall.api('POST', '/api/admin/pairing-codes', { role: 'kiosk', name: '二楼取号机' }, lead);
    expect(code.status).toBe(201);
    for (const [method, path] of [['GET', '/api/admin/accounts'], ['GET', '/api/admin/audit'], ['GET', '/api/ratings/cases'],
      ['GET', '/api/ratings/export?from=2026-11-01&to=2026-11-02&kind=upstream'], ['GET', '/api/admin/packs']] as const) {
      const res = await hall.api(method, path, undefined, lead);
      expect([path, res.status, res.body.error]).toEqual([path, 403, { code: 'forbidden_for_role', message: '您的账号角色无权进行此操作，请联系大厅负责人' }]);
    }
    const audit = await hall.api('GET', '/api/admin/audit?action=pairing_code', undefined, owner);
    expect(audit.body.entries[0]).toMatchObject({ action: 'pairing_code.created', actor: { role: 'admin', name: '王值班（工号 S101）' } });
  });

  it('回访员 works the 差评 cases only', async () => {
    const callback = await hall.staff('callback', 'H301', '赵回访');
    expect((await hall.api('GET', '/api/ratings/cases', undefined, callback)).status).toBe(200);
    expect((await hall.api('POST', '/api/windows/1/call-next', {}, callback)).status).toBe(403);
    expect((await hall.api('GET', '/api/admin/terminals', undefined, callback)).status).toBe(403);
    expect((await hall.api('POST', '/api/admin/accounts', { name: 'x', staffNo: 'X9', role: 'owner', password: 'promote-myself-now' }, callback)).status).toBe(403);
  });

  it('keeps one 大厅负责人: the last one cannot be disabled or demoted', async () => {
    const me = (await hall.api('GET', '/api/admin/accounts', undefined, owner)).body.accounts[0];
    const res = await hall.api('PATCH', `/api/admin/accounts/${me.id}`, { disabled: true }, owner);
    expect([res.status, res.body.error.message]).toEqual([409, '至少要保留一个在用的大厅负责人账号']);
  });
});

describe('sessions', () => {
  it('logout ends the session and closes its event socket', async () => {
    const token = (await hall.api('POST', '/api/admin/login', { staffNo: TEST_ADMIN.staffNo, password: TEST_ADMIN.password })).body.token;
    const socket = await hall.socket(token);
    await socket.waitFor((m) => m.type === 'snapshot');
    const ended = closed(socket);
    expect((await hall.api('POST', '/api/admin/logout', undefined, token)).status).toBe(200);
    expect(await ended).toBe(4001);
    expect((await hall.api('GET', '/api/whoami', undefined, token)).status).toBe(401);
  });

  it('lists open sessions with who and from where; revoking one closes its socket at once', async () => {
    const lead = await hall.staff('shift_lead', 'S101', '王值班');
    const socket = await hall.socket(lead);
    await socket.waitFor((m) => m.type === 'snapshot');
    const all = await hall.api('GET', '/api/admin/sessions', undefined, owner);
    const leadSession = all.body.sessions.find((s: { staffNo: string }) => s.staffNo === 'S101');
    expect(leadSession).toMatchObject({ name: '王值班', role: 'shift_lead', address: '127.0.0.1', current: false });
    expect(all.body.sessions.find((s: { current: boolean }) => s.current)).toMatchObject({ staffNo: 'T001' });
    const own = await hall.api('GET', '/api/admin/sessions', undefined, lead);
    expect(new Set(own.body.sessions.map((s: { staffNo: string }) => s.staffNo))).toEqual(new Set(['S101']));
    const ownerSession = all.body.sessions.find((s: { current: boolean }) => s.current).id;
    expect((await hall.api('POST', `/api/admin/sessions/${ownerSession}/revoke`, undefined, lead)).status).toBe(403);

    const ended = closed(socket);
    expect((await hall.api('POST', `/api/admin/sessions/${leadSession.id}/revoke`, undefined, owner)).status).toBe(200);
    expect(await ended).toBe(4001);
    expect((await hall.api('GET', '/api/queue', undefined, lead)).status).toBe(401);
    const audit = await hall.api('GET', '/api/admin/audit?action=admin.session_revoked', undefined, owner);
    expect(audit.body.entries[0]).toMatchObject({ actor: { name: '测试负责人（工号 T001）' }, details: { session: leadSession.id } });
  });

  it('disabling an account ends its sessions and its login', async () => {
    const callback = await hall.staff('callback', 'H302', '钱回访');
    const id = (await hall.api('GET', '/api/admin/accounts', undefined, owner)).body.accounts.find((a: { staffNo: string }) => a.staffNo === 'H302').id;
    expect((await hall.api('PATCH', `/api/admin/accounts/${id}`, { disabled: true }, owner)).status).toBe(200);
    expect((await hall.api('GET', '/api/ratings/cases', undefined, callback)).status).toBe(401);
    expect((await hall.api('POST', '/api/admin/login', { staffNo: 'H302', password: '203H~test-secret-phrase' })).status).toBe(401);
  });
});

describe('session expiry', () => {
  it("closes an admin's event socket when the session expires", async () => {
    const short = await startTestHall({ adminSessionMs: 1500 });
    try {
      const token = await short.admin();
      const socket = await short.socket(token);
      await socket.waitFor((m) => m.type === 'snapshot');
      expect(await closed(socket)).toBe(4001);
      expect((await short.api('GET', '/api/whoami', undefined, token)).status).toBe(401);
    } finally {
      await short.close();
    }
  });
});

describe('a hall that had the one shared manager password', () => {
  it('keeps it as the 大厅负责人 account with 工号 admin and ends the sessions that named nobody', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hall-migrate-'));
    const db = openHallDatabase(dataDir);
    migrate(db, 'core', eventMigrations);
    migrate(db, 'terminals', terminalMigrations.slice(0, 1)); // the schema before accounts
    db.prepare('INSERT INTO admin_password (id, hash, set_at) VALUES (1, ?, ?)').run(await new PasswordHasher().hash('old-shared-password'), '2026-01-05T00:00:00.000Z');
    const oldToken = 'an-old-shared-password-session-token';
    db.prepare("INSERT INTO terminals (id, role, window, name, token_hash, paired_at, expires_at) VALUES ('admin:old', 'admin', NULL, '大厅管理员', ?, ?, ?)")
      .run(createHash('sha256').update(oldToken).digest('hex'), new Date().toISOString(), new Date(Date.now() + 3_600_000).toISOString());
    db.close();

    const migrated = await startTestHall({ dataDir });
    try {
      expect(existsSync(join(dataDir, 'setup-code.txt'))).toBe(false);
      expect((await migrated.api('GET', '/api/admin/status')).body).toEqual({ passwordSet: true });
      expect((await migrated.api('GET', '/api/whoami', undefined, oldToken)).status).toBe(401);
      const login = await migrated.api('POST', '/api/admin/login', { staffNo: 'admin', password: 'old-shared-password' });
      expect(login.status).toBe(200);
      expect(login.body.principal).toMatchObject({ name: '大厅负责人（工号 admin）', staffRole: 'owner' });
    } finally {
      await migrated.close(false);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
