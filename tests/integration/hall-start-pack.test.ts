// `hall-server --pack DIR` trusts the same keys as the packs module: a real hall refuses a pack signed with the committed
// demo key and accepts one signed with a key it trusts (hall config trustedKeys or <data-dir>/packs/trusted-keys.txt);
// a demo hall still starts with the demo-signed sample pack.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newKey, writeKeyFile } from '../../hall-server/core/keys.ts';
import { main as packCli } from '../../scripts/pack.ts';
import { ROOT, SAMPLE_PACK } from '../support/hall.ts';

const dir = mkdtempSync(join(tmpdir(), 'hall-start-pack-'));
const ownPack = join(dir, 'own-pack');
let ownPublicKey = '';

beforeAll(async () => {
  cpSync(SAMPLE_PACK, ownPack, { recursive: true });
  const quiet = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  expect(await packCli(['keygen', '--out', join(dir, 'hall-key')])).toBe(0);
  expect(await packCli(['sign', ownPack, '--key', join(dir, 'hall-key.pem')])).toBe(0);
  quiet.mockRestore();
  ownPublicKey = readFileSync(join(dir, 'hall-key.pub'), 'utf8').trim();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Outcome {
  url: string | null;
  code: number | null;
  stderr: string;
}

/** Runs hall-server/main.ts until it prints its ready line (then stops it) or exits on its own. */
async function runHall(args: string[], onReady?: (url: string) => Promise<void>): Promise<Outcome> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'hall-server/main.ts', '--port', '0', ...args], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  const ready = new Promise<string>((ok) =>
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const line = stdout.split('\n').find((l) => l.startsWith('{"ready":true'));
      if (line) ok((JSON.parse(line) as { url: string }).url);
    }),
  );
  const first = await Promise.race([ready, exited.then(() => null)]);
  if (first === null) return { url: null, code: await exited, stderr };
  try {
    await onReady?.(first);
  } finally {
    child.kill('SIGTERM');
  }
  return { url: first, code: await exited, stderr };
}

/** A real hall's key file (mode 600), outside its data dir. */
function keyFile(): string {
  const file = join(dir, 'keys', 'hall-keys.json');
  if (!existsSync(file)) writeKeyFile(file, { hmacKey: newKey(), encryptionKey: newKey(), previousEncryptionKeys: [] });
  return file;
}

const packOf = async (url: string) => ((await (await fetch(`${url}/api/health`)).json()) as { pack: unknown }).pack;

describe('hall-server --pack: which signing keys a hall trusts', () => {
  it('a real hall refuses the demo-signed sample pack and says why', async () => {
    const res = await runHall(['--data-dir', join(dir, 'real-1'), '--pack', SAMPLE_PACK]);
    expect(res.url).toBeNull();
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(`[hall] --pack ${SAMPLE_PACK} refused: `);
    expect(res.stderr).toContain('the demo key is trusted only with --demo');
    expect(res.stderr).not.toContain('failed to start');
  });

  it('a real hall refuses its own pack while the key is not trusted yet', async () => {
    const res = await runHall(['--data-dir', join(dir, 'real-2'), '--pack', ownPack]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(`[hall] --pack ${ownPack} refused: `);
  });

  it('a real hall accepts a pack signed with a key listed in <data-dir>/packs/trusted-keys.txt', async () => {
    const dataDir = join(dir, 'real-3');
    mkdirSync(join(dataDir, 'packs'), { recursive: true });
    writeFileSync(join(dataDir, 'packs', 'trusted-keys.txt'), `# 本大厅的内容包签名公钥\n${ownPublicKey}\n`);
    let pack: unknown = null;
    const res = await runHall(['--data-dir', dataDir, '--keys-file', keyFile(), '--pack', ownPack], async (url) => void (pack = await packOf(url)));
    expect(res.stderr).not.toContain('refused');
    expect(pack).toEqual({ id: 'ln-sample-county', version: 1 });
    expect(res.code).toBe(0);
  });

  it('a real hall accepts a pack signed with a key in the hall config trustedKeys', async () => {
    const config = join(dir, 'hall.json');
    writeFileSync(config, JSON.stringify({ trustedKeys: [ownPublicKey] }));
    let pack: unknown = null;
    const res = await runHall(['--data-dir', join(dir, 'real-4'), '--keys-file', keyFile(), '--config', config, '--pack', ownPack], async (url) => void (pack = await packOf(url)));
    expect(pack).toEqual({ id: 'ln-sample-county', version: 1 });
    expect(res.code).toBe(0);
  });

  it('the demo hall still starts with the sample pack', async () => {
    let pack: unknown = null;
    const res = await runHall(['--demo', '--data-dir', join(dir, 'demo'), '--pack', SAMPLE_PACK], async (url) => void (pack = await packOf(url)));
    expect(pack).toEqual({ id: 'ln-sample-county', version: 1 });
    expect(res.code).toBe(0);
  });

  it('a pack folder reached through a symlink (packs/current → packs/v3) is read, and the hall starts with it', async () => {
    const link = join(dir, 'current');
    symlinkSync(SAMPLE_PACK, link);
    let pack: unknown = null;
    const res = await runHall(['--demo', '--data-dir', join(dir, 'demo-link'), '--pack', link], async (url) => void (pack = await packOf(url)));
    expect(res.stderr).not.toMatch(/EISDIR|refused/);
    expect(pack).toEqual({ id: 'ln-sample-county', version: 1 });
    expect(res.code).toBe(0);
  });

  it('a FIFO given as --pack is refused at once with a clear message, without waiting for a writer', async () => {
    const fifo = join(dir, 'pack.fifo');
    execFileSync('mkfifo', [fifo]);
    const res = await runHall(['--demo', '--data-dir', join(dir, 'demo-fifo'), '--pack', fifo]);
    expect(res.url).toBeNull();
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(`“${fifo}”不是文件夹也不是普通文件（是管道、设备或套接字），不能作为内容包读取`);
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });
});
