// Issue 11 item 16: the hall's keys live outside the data dir (config keysFile or systemd's $CREDENTIALS_DIRECTORY), a
// key file others may read stops the start, the demo makes its own key file beside the data dir, and a rotation
// re-seals every sealed field.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { demoKeyFile, newKey, writeKeyFile } from '../../hall-server/core/keys.ts';
import { testIdentity } from '../support/citizens.ts';
import { ROOT, startTestHall } from '../support/hall.ts';

const scratch = mkdtempSync(join(tmpdir(), 'hall-keys-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let n = 0;
function freshDirs(): { dataDir: string; keysDir: string; keysFile: string } {
  const base = join(scratch, String(n++));
  const dataDir = join(base, 'data');
  const keysDir = join(base, 'keys');
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(keysDir, { recursive: true, mode: 0o700 });
  return { dataDir, keysDir, keysFile: join(keysDir, 'hall-keys.json') };
}

/** Starts the real hall-server process (not a demo hall, no pack); resolves with its exit code and stderr, or 'ready'. */
function runHall(args: string[], env: Record<string, string> = {}): Promise<{ ready: boolean; code: number | null; stderr: string }> {
  const { CREDENTIALS_DIRECTORY: _ignored, ...base } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'hall-server/main.ts'), '--port', '0', ...args], {
    cwd: ROOT, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  let ready = false;
  return new Promise((resolve) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('{"ready"')) return;
      ready = true;
      child.kill('SIGTERM');
    });
    child.once('exit', (code) => resolve(ready ? { ready, code: null, stderr } : { ready, code, stderr }));
  });
}

const keys = () => ({ hmacKey: newKey(), encryptionKey: newKey(), previousEncryptionKeys: [] });

describe('where the keys come from', () => {
  it('refuses to start a hall without a key file, and keeps no keys in the data dir', async () => {
    const { dataDir } = freshDirs();
    const res = await runHall(['--data-dir', dataDir]);
    expect(res).toMatchObject({ ready: false, code: 2 });
    expect(res.stderr).toContain('[hall] no key file: set "keysFile" in the hall config or start under systemd with LoadCredential=hall-keys.json:');
    expect(readdirSync(dataDir).filter((f) => f.includes('secret') || f.includes('key'))).toEqual([]);
  });

  it('refuses a key file its group or others may read', async () => {
    const { dataDir, keysFile } = freshDirs();
    writeKeyFile(keysFile, keys());
    chmodSync(keysFile, 0o644);
    const res = await runHall(['--data-dir', dataDir, '--keys-file', keysFile]);
    expect(res).toMatchObject({ ready: false, code: 2 });
    expect(res.stderr).toContain(`[hall] key file ${keysFile} is readable by others (mode 644); run: chmod 600 ${keysFile}`);
  });

  it('starts with a key file of mode 600 named on the command line or in the config', async () => {
    const { dataDir, keysFile } = freshDirs();
    writeKeyFile(keysFile, keys());
    expect(await runHall(['--data-dir', dataDir, '--keys-file', keysFile])).toMatchObject({ ready: true });
    const config = join(dirname(dataDir), 'hall.json');
    writeFileSync(config, JSON.stringify({ keysFile }));
    expect(await runHall(['--data-dir', dataDir, '--config', config])).toMatchObject({ ready: true });
  });

  it('reads hall-keys.json from $CREDENTIALS_DIRECTORY (systemd LoadCredential=)', async () => {
    const { dataDir, keysDir, keysFile } = freshDirs();
    writeKeyFile(keysFile, keys());
    chmodSync(keysFile, 0o400);
    expect(await runHall(['--data-dir', dataDir], { CREDENTIALS_DIRECTORY: keysDir })).toMatchObject({ ready: true });
  });

  it('the demo hall makes its own key file (600) beside the data dir and moves an old secrets.json out of it', async () => {
    const { dataDir } = freshDirs();
    const old = { hmacKey: newKey(), encryptionKey: newKey() };
    writeFileSync(join(dataDir, 'secrets.json'), JSON.stringify(old), { mode: 0o600 });
    const hall = await startTestHall({ dataDir });
    await hall.close(false);
    const file = demoKeyFile(dataDir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject(old);
    expect(existsSync(join(dataDir, 'secrets.json'))).toBe(false);
  });
});

describe('rotation', () => {
  it('re-seals every sealed field with a new key; the hall still opens them and the old key is gone', async () => {
    const { dataDir, keysFile } = freshDirs();
    const first = keys();
    writeKeyFile(keysFile, first);
    const identity = testIdentity('钱九');
    let hall = await startTestHall({ dataDir, config: { keysFile } });
    const kiosk = await hall.pair('kiosk');
    expect((await hall.api('POST', '/api/tickets', { idempotencyKey: 'rotate-0001', serviceCode: '212036001003', identity }, kiosk)).status).toBe(201);
    const sealedBefore = hall.hall!.db.prepare('SELECT person_sealed FROM queue_tickets').pluck().get() as string;
    await hall.close(false);

    const run = spawnSync(join(ROOT, 'scripts/hall-keys'), ['rotate', '--keys-file', keysFile, '--data-dir', dataDir], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ rotated: true, resealed: 2 });
    const after = JSON.parse(readFileSync(keysFile, 'utf8'));
    expect(after.encryptionKey).not.toBe(first.encryptionKey);
    expect(after).toMatchObject({ hmacKey: first.hmacKey, previousEncryptionKeys: [] });
    expect(statSync(keysFile).mode & 0o777).toBe(0o600);

    hall = await startTestHall({ dataDir, config: { keysFile } });
    const sealedAfter = hall.hall!.db.prepare('SELECT person_sealed FROM queue_tickets').pluck().get() as string;
    expect(sealedAfter).not.toBe(sealedBefore);
    expect(sealedAfter.startsWith(`v2.${JSON.parse(run.stdout).keyId}.`)).toBe(true);
    expect(hall.hall!.app.secrets.decrypt(sealedAfter)).toBe(identity.idNumber);
    await hall.close();
  });
});
