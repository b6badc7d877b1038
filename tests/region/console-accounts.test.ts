// Region console accounts: first-run setup with the one-time code, named accounts with three roles and one permission
// table, sessions, throttled guessing, and the security headers on every console answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_CSP } from '../../region-server/console/security-headers.ts';
import { consoleCall, setUpAdmin, startConsoleRegion, TEST_REGION_ADMIN, type ConsoleRegion } from '../support/region-console.ts';

let region: ConsoleRegion;
const C = '/api/region/console';

beforeAll(async () => {
  region = await startConsoleRegion();
});
afterAll(async () => {
  await region.close();
});

describe('first-run setup', () => {
  it('needs the one-time code; a wrong code is refused and audited; the code works once', async () => {
    expect(region.setupCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect((await consoleCall(region.url, 'GET', `${C}/status`, null)).body).toEqual({ setUp: false });
    const wrong = await consoleCall(region.url, 'POST', `${C}/setup`, null, { setupCode: 'AAAA-BBBB-CCCC', ...TEST_REGION_ADMIN });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('setup_code_invalid');
    const weak = await consoleCall(region.url, 'POST', `${C}/setup`, null, { setupCode: region.setupCode, ...TEST_REGION_ADMIN, password: '1234567890' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.message).toBe('密码不能是简单的连续或重复序列（如 1234567890、abcdefghij、123123123）');
    const code = region.setupCode!.toLowerCase();
    const token = await setUpAdmin(region);
    expect(region.setupCode).toBeNull();
    const again = await consoleCall(region.url, 'POST', `${C}/setup`, null, { setupCode: code, ...TEST_REGION_ADMIN, staffNo: 'R999' });
    expect(again.status).toBe(409);
    const me = await consoleCall(region.url, 'GET', `${C}/whoami`, token);
    expect(me.body).toMatchObject({ name: '李区管', staffNo: 'R001', role: 'region_admin' });
    const stored = (await region.pool.query('SELECT password_hash FROM console_accounts')).rows[0].password_hash as string;
    expect(stored.startsWith('scrypt$16384$8$1$')).toBe(true);
    const audit = (await region.pool.query("SELECT action FROM region_audit WHERE action LIKE 'console.%' ORDER BY id")).rows.map((r) => r.action);
    expect(audit).toEqual(['console.setup_failed', 'console.setup']);
  });
});

describe('roles and permissions', () => {
  it('a 统计查看 reads statistics but not the export, sites or accounts; a 回访督办 reads cases only', async () => {
    const admin = (await consoleCall(region.url, 'POST', `${C}/login`, null, { staffNo: 'r001', password: TEST_REGION_ADMIN.password })).body.token;
    for (const [staffNo, role] of [['S01', 'statistician'], ['V01', 'case_supervisor']] as const) {
      const made = await consoleCall(region.url, 'POST', `${C}/accounts`, admin, { name: `测试${staffNo}`, staffNo, role, password: 'Tong-ji-cha-kan-88' });
      expect(made.status).toBe(200);
    }
    const stats = (await consoleCall(region.url, 'POST', `${C}/login`, null, { staffNo: 'S01', password: 'Tong-ji-cha-kan-88' })).body.token;
    const cases = (await consoleCall(region.url, 'POST', `${C}/login`, null, { staffNo: 'V01', password: 'Tong-ji-cha-kan-88' })).body.token;
    const statusOf = async (token: string, method: string, path: string, body?: unknown) => (await consoleCall(region.url, method, path, token, body)).status;
    expect(await statusOf(stats, 'GET', `${C}/satisfaction?month=2026-11`)).toBe(200);
    expect(await statusOf(stats, 'GET', `${C}/network`)).toBe(200);
    expect(await statusOf(stats, 'GET', `${C}/export?from=2026-11-01&to=2026-11-30`)).toBe(403);
    expect(await statusOf(stats, 'POST', `${C}/sites`, { id: 'x-site', name: '某站点', level: 'village' })).toBe(403);
    expect(await statusOf(stats, 'GET', `${C}/accounts`)).toBe(403);
    expect(await statusOf(cases, 'GET', `${C}/cases`)).toBe(200);
    expect(await statusOf(cases, 'GET', `${C}/satisfaction?month=2026-11`)).toBe(403);
    expect(await statusOf(cases, 'GET', `${C}/catalogue`)).toBe(403);
    const denied = await consoleCall(region.url, 'GET', `${C}/accounts`, cases);
    expect(denied.body.error.message).toBe('您的角色没有这项权限');
    expect((await consoleCall(region.url, 'GET', `${C}/network`, null)).status).toBe(401);
  });

  it('logout ends the session on the server', async () => {
    const token = (await consoleCall(region.url, 'POST', `${C}/login`, null, { staffNo: 'R001', password: TEST_REGION_ADMIN.password })).body.token;
    expect((await consoleCall(region.url, 'POST', `${C}/logout`, token)).status).toBe(200);
    expect((await consoleCall(region.url, 'GET', `${C}/whoami`, token)).status).toBe(401);
  });
});

describe('guessing and headers', () => {
  it('after three wrong passwords from one address the next attempt must wait, with the wait in Chinese', async () => {
    for (let i = 0; i < 4; i++) {
      const wrong = await consoleCall(region.url, 'POST', `${C}/login`, null, { staffNo: 'S01', password: `wrong-password-${i}` });
      expect(wrong.status).toBe(401);
      expect(wrong.body.error.message).toBe('工号或密码不正确');
    }
    const throttled = await consoleCall(region.url, 'POST', `${C}/login`, null, { staffNo: 'S01', password: 'Tong-ji-cha-kan-88' });
    expect(throttled.status).toBe(429);
    expect(throttled.body.error.message).toMatch(/^尝试次数过多，请 \d+ 秒后再试$/);
  });

  it('every console answer carries the strict CSP and the security headers', async () => {
    for (const path of [`${C}/status`, `${C}/network`, '/api/openapi.json', '/region/']) {
      const res = await fetch(`${region.url}${path}`);
      expect(res.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
    expect(CONSOLE_CSP).not.toContain('unsafe');
  });
});

describe('a region without sealing keys', () => {
  it('refuses the upstream export with a clear message instead of sending it without its personal columns', async () => {
    const bare = await startConsoleRegion({ withoutSealingKeys: true });
    try {
      const token = await setUpAdmin(bare);
      const refused = await consoleCall(bare.url, 'GET', `${C}/export?from=2026-11-01&to=2026-11-30`, token);
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toBe('区域中心没有配置封装密钥，无法打开个人信息，不能导出上报文件');
    } finally {
      await bare.close();
    }
  });
});
