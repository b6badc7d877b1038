// First run of a real (non-demo) hall-server process: nobody on the network can claim it without the one-time setup
// code the hall printed on its console and wrote to its data dir (issue 11 items 3, 4, 6).
import { statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSetupCode, spawnTestHall, type SpawnedHall } from '../support/hall.ts';

let hall: SpawnedHall;
beforeAll(async () => {
  hall = await spawnTestHall({ demo: false });
});
afterAll(() => hall.close());

const owner = { name: '李负责人', staffNo: 'M001' };

describe('first-run setup with a one-time code', () => {
  it('prints the code on the console and keeps it in setup-code.txt readable by its user only', () => {
    const code = readSetupCode(hall.dataDir);
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(hall.ready.setupCode).toBe(code);
    expect(hall.output()).toContain(`[hall] first-run setup code: ${code}`);
    expect(statSync(join(hall.dataDir, 'setup-code.txt')).mode & 0o777).toBe(0o600);
  });

  it('refuses setup without the code or with a wrong one, and says where the code is', async () => {
    const none = await hall.api('POST', '/api/admin/setup', { password: 'a-long-enough-secret' });
    expect(none.status).toBe(400);
    const wrong = await hall.api('POST', '/api/admin/setup', { setupCode: 'AAAA-BBBB-CCCC', ...owner, password: 'a-long-enough-secret' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error).toEqual({
      code: 'setup_code_invalid',
      message: '设置码不正确。设置码显示在大厅服务启动时的控制台上，也保存在数据目录的 setup-code.txt 中',
    });
    expect((await hall.api('GET', '/api/admin/status')).body).toEqual({ passwordSet: false });
  });

  it('NIST SP 800-63B: refuses weak passwords with the reason in Chinese, before anything is created', async () => {
    const setupCode = readSetupCode(hall.dataDir);
    const cases: Array<[string, string]> = [
      ['12345678', '密码至少需要 10 个字符（现在是 8 个）'],
      ['aaaaaaaa', '密码至少需要 10 个字符（现在是 8 个）'],
      ['        ', '密码至少需要 10 个字符（现在是 8 个）'],
      ['          ', '密码不能由同一个字符重复组成'],
      ['1234567890', '密码不能是简单的连续或重复序列（如 1234567890、abcdefghij、123123123）'],
      ['woaini1314520', '这是常见密码，很容易被猜到，请换一个'],
      ['1qaz2wsx3edc', '这是常见密码，很容易被猜到，请换一个'],
      ['示例县医疗保障服务大厅管理', '密码不能包含大厅名称'],
    ];
    for (const [password, message] of cases) {
      const res = await hall.api('POST', '/api/admin/setup', { setupCode, ...owner, password });
      expect([password, res.status, res.body.error]).toEqual([password, 400, { code: 'weak_password', message }]);
    }
    expect((await hall.api('GET', '/api/admin/status')).body).toEqual({ passwordSet: false });
  });

  it('creates the 大厅负责人 with the code, then removes the code; a second setup is refused before any hashing', async () => {
    const setupCode = readSetupCode(hall.dataDir);
    const res = await hall.api('POST', '/api/admin/setup', { setupCode: setupCode.toLowerCase(), ...owner, password: 'ten-chars-or-more' });
    expect(res.status).toBe(200);
    expect(res.body.principal).toMatchObject({ role: 'admin', name: '李负责人（工号 M001）', staffRole: 'owner' });
    expect(existsSync(join(hall.dataDir, 'setup-code.txt'))).toBe(false);
    // Claimed: the answer comes before the body's password is even looked at (a one-character one would be refused later).
    const again = await hall.api('POST', '/api/admin/setup', { setupCode, name: '攻击者', staffNo: 'X1', password: 'x' });
    expect([again.status, again.body.error.code]).toEqual([409, 'already_set_up']);
    const login = await hall.api('POST', '/api/admin/login', { staffNo: 'M001', password: 'ten-chars-or-more' });
    expect(login.status).toBe(200);
  });

  it('prints no code when it starts again on a hall that is set up', async () => {
    await hall.close(false);
    hall = await spawnTestHall({ demo: false, dataDir: hall.dataDir });
    expect(hall.ready.setupCode).toBeUndefined();
    expect(hall.output()).not.toContain('setup code');
    expect((await hall.api('GET', '/api/admin/status')).body).toEqual({ passwordSet: true });
  });
});
