import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readPackZip } from '../content/validate/index.ts';
import { main } from './pack.ts';

const dir = mkdtempSync(join(tmpdir(), 'pack-cli-'));
const hall = join(dir, 'hall');
const key = join(dir, 'hall-key');
let out: string[] = [];

beforeEach(() => {
  out = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
});
afterEach(() => vi.restoreAllMocks());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scripts/pack', () => {
  it('init makes an unsigned copy of the template that validate refuses until signed', async () => {
    expect(await main(['init', hall, '--id', 'my-hall', '--name', '某某县医保服务大厅'])).toBe(0);
    expect(JSON.parse(readFileSync(join(hall, 'manifest.json'), 'utf8'))).toMatchObject({ packId: 'my-hall', version: 1, sample: false, title: '某某县医保服务大厅' });
    expect(existsSync(join(hall, 'manifest.sig'))).toBe(false);
    expect(await main(['validate', hall, '--trust-demo'])).toBe(1);
    expect(out).toContain('  ✗ 错误  manifest.sig: 内容包没有签名，不能使用（请用 pack sign 签名）');
  });

  it('keygen, sign and validate with the new key; the demo key does not vouch for it', async () => {
    expect(await main(['keygen', '--out', key])).toBe(0);
    const publicKey = readFileSync(`${key}.pub`, 'utf8').trim();
    expect(publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await main(['sign', hall, '--key', `${key}.pem`])).toBe(0);
    expect(await main(['validate', hall, '--trust', `${key}.pub`])).toBe(0);
    expect(out.at(-1)).toBe('通过校验（3 条提示）');
    expect(out).toContain('  ! 提示  manifest.json 大厅信息: 没有填写行政区划代码（regionCode），无法生成规范的办件编号');
    expect(await main(['verify', hall, '--trust-demo'])).toBe(1);
    expect(out.at(-1)).toMatch(/^ {2}✗ manifest\.sig: 签名密钥（[0-9a-f]{16}）不在本大厅信任的密钥列表中$/);
  });

  // Zipping the whole sample (about 9 MB of voice clips) takes seconds on a busy machine.
  it('build writes a signed zip with a new version that verify accepts', { timeout: 60_000 }, async () => {
    const zip = join(dir, 'hall-v2.zip');
    expect(await main(['build', hall, '--out', zip, '--key', `${key}.pem`, '--version', '2'])).toBe(0);
    const read = readPackZip(new Uint8Array(readFileSync(zip)));
    expect(read.issues).toEqual([]);
    expect(JSON.parse(new TextDecoder().decode(read.files.get('manifest.json'))).version).toBe(2);
    expect(await main(['verify', zip, '--trust', `${key}.pub`])).toBe(0);
    expect(await main(['validate', zip, '--trust', `${key}.pub`, '--active-version', '2'])).toBe(1);
  });

  it('diff tells what changed in manager words, even before signing', async () => {
    const services = JSON.parse(readFileSync(join(hall, 'services.json'), 'utf8'));
    services[0].guide.materials[0].count = 2;
    services.pop();
    writeFileSync(join(hall, 'services.json'), JSON.stringify(services, null, 2));
    expect(await main(['diff', join(import.meta.dirname, '../content/packs/sample'), hall])).toBe(0);
    expect(out).toEqual([
      '  · 版本：1 → 2',
      '  · 大厅名称：示例县医疗保障服务大厅（示例数据） → 某某县医保服务大厅',
      '  · 删除事项：城乡居民医疗保险费退费（212036004002）',
      '  · 事项「城乡居民参保登记」：申办材料 居民身份证或户口簿（原件1份） 改为 居民身份证或户口簿（原件2份）',
    ]);
  });

  it('explains each command with --help and refuses unknown ones', async () => {
    for (const cmd of ['init', 'validate', 'build', 'keygen', 'sign', 'verify', 'diff', 'upload', 'status', 'activate', 'rollback']) {
      out = [];
      expect(await main([cmd, '--help'])).toBe(0);
      expect(out[0]).toMatch(/^.+\n用法：pack /);
    }
    expect(await main(['explode'])).toBe(2);
    expect(out.at(-1)).toContain('没有命令“explode”');
    expect(await main(['sign', hall])).toBe(2);
    expect(out.at(-1)).toBe('需要文件夹和 --key\n用法：pack sign <文件夹> --key <私钥.pem> [--version N]');
  });
});
