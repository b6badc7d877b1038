// Guessing is slowed down; the static file server never leaves dist/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHall, TEST_ADMIN_PASSWORD, type TestHall } from '../support/hall.ts';

let hall: TestHall;
beforeAll(async () => {
  hall = await startTestHall();
  await hall.admin();
});
afterAll(() => hall.close());

describe('hall security', () => {
  it('locks the admin login after 10 wrong passwords, even for the right one', async () => {
    for (let i = 0; i < 10; i++) {
      expect((await hall.api('POST', '/api/admin/login', { password: `wrong-${i}` })).status).toBe(401);
    }
    const locked = await hall.api('POST', '/api/admin/login', { password: TEST_ADMIN_PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.error).toEqual({ code: 'too_many_attempts', message: '尝试次数过多，请 5 分钟后再试' });
    const audit = hall.hall!.db.prepare("SELECT COUNT(*) FROM audit WHERE action = 'admin.login_failed'").pluck().get();
    expect(audit).toBe(10);
  });

  it('locks pairing-code exchange after 10 wrong codes', async () => {
    for (let i = 0; i < 10; i++) {
      expect((await hall.api('POST', '/api/pairing/exchange', { code: String(10_000_000 + i) })).body.error.code).toBe('pairing_code_invalid');
    }
    expect((await hall.api('POST', '/api/pairing/exchange', { code: '12345678' })).status).toBe(429);
  });

  it('never serves a file outside dist/', async () => {
    for (const path of ['/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/assets/%E0%A4%A', '/../hall.json']) {
      const res = await fetch(hall.url + path);
      expect([404, 400]).toContain(res.status);
      expect(await res.text()).not.toContain('"dependencies"');
    }
  });
});
