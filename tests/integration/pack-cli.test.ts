// scripts/pack talking to a real hall-server: upload (refused and accepted), activate, status, rollback.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { brokenPacks, sampleFiles, sealed, toZip } from '../../content/corpus/broken.ts';
import { main } from '../../scripts/pack.ts';
import { startTestHall, TEST_ADMIN, TEST_ADMIN_PASSWORD, type TestHall } from '../support/hall.ts';

let hall: TestHall;
let out: string[] = [];
const dir = mkdtempSync(join(tmpdir(), 'pack-cli-hall-'));
const version = async () => (await hall.api('GET', '/api/health')).body.pack.version as number;

beforeAll(async () => {
  hall = await startTestHall();
  await hall.admin();
});
afterAll(async () => {
  await hall.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  out = [];
  vi.stubEnv('YIBAO_ADMIN_STAFF_NO', TEST_ADMIN.staffNo);
  vi.stubEnv('YIBAO_ADMIN_PASSWORD', TEST_ADMIN_PASSWORD);
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('pack CLI against the hall-server', () => {
  it('shows the refusal report of a broken pack and leaves version 1 active', async () => {
    const zip = join(dir, 'broken.zip');
    writeFileSync(zip, brokenPacks.find((b) => b.id === 'duplicate-prefix')!.zip());
    expect(await main(['upload', zip, '--hall', hall.url, '--activate'])).toBe(1);
    expect(out).toContain('  ✗ 错误  services.json 第2项「职工参保登记」: 取号字头“A”与其他事项重复，叫号时无法区分');
    expect(await version()).toBe(1);
  });

  it('uploads and activates version 2, shows status, rolls back to 1', async () => {
    const zip = join(dir, 'v2.zip');
    writeFileSync(zip, toZip(sealed(sampleFiles(), { version: 2 })));
    expect(await main(['upload', zip, '--hall', hall.url, '--activate'])).toBe(0);
    expect(out.slice(-2)).toEqual(['已保存为待启用的版本 2', '已启用版本 2，各终端将在空闲时更新内容']);
    expect(await version()).toBe(2);

    out = [];
    expect(await main(['status', '--hall', hall.url])).toBe(0);
    expect(out[0]).toBe('正在使用：示例数据：辽宁省示例县医疗保障服务大厅 版本 2（ln-sample-county）');
    expect(out).toContain('可回退到版本 1');

    out = [];
    expect(await main(['rollback', '--hall', hall.url])).toBe(0);
    expect(out).toEqual(['已回退到版本 1，各终端将在空闲时更新内容']);
    expect(await version()).toBe(1);

    expect(await main(['activate', '2', '--hall', hall.url])).toBe(0);
    expect(await version()).toBe(2);
  });

  it('says what is wrong with a bad password or an unreachable hall', async () => {
    vi.stubEnv('YIBAO_ADMIN_PASSWORD', 'wrong-password');
    expect(await main(['status', '--hall', hall.url])).toBe(1);
    expect(out.at(-1)).toMatch(/^登录失败：/);
    expect(await main(['status', '--hall', 'http://127.0.0.1:9'])).toBe(1);
    expect(out.at(-1)).toBe('无法连接大厅服务器 http://127.0.0.1:9，请确认服务已启动、地址正确');
  });
});
