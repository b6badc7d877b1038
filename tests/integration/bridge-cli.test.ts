// device-bridge/main.ts as scripts/start.ts runs it: arguments, config errors, --simulate on port 0, clean stop.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'yibao-bridge-cli-'));
const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'device-bridge/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('device-bridge CLI', () => {
  it('prints help', () => {
    const result = run(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('--simulate');
    expect(result.stdout).toContain('--allow-origin URL');
  });

  it('refuses a bad port and an unknown option with exit code 2', () => {
    expect(run(['--port', '70000']).stderr).toContain('--port must be a number from 0 to 65535, got 70000');
    expect(run(['--port', '70000']).status).toBe(2);
    expect(run(['--frobnicate']).status).toBe(2);
  });

  it('names the file and the field of an invalid config', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ devices: { idcard: { transport: 'serial', pollFastMs: 1, path: '/dev/ttyUSB9' } } }));
    const result = run(['--config', file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`config ${file} is invalid: devices.idcard`);
  });

  it('starts with --simulate on port 0, reports its address, serves /health and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'device-bridge/main.ts', '--simulate', '--port', '0', '--printed-dir', join(dir, 'printed')], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const line = await new Promise<string>((resolveLine) => createInterface({ input: child.stdout }).once('line', resolveLine));
    const ready = JSON.parse(line) as { bridge: string; port: number; simulate: boolean; ptyDir: string };
    expect(ready).toMatchObject({ bridge: `ws://127.0.0.1:${ready.port}/`, simulate: true });
    expect(existsSync(join(ready.ptyDir, 'printer'))).toBe(true);
    const health = (await (await fetch(`http://127.0.0.1:${ready.port}/health`)).json()) as { devices: { id: string }[] };
    expect(health.devices.map((device) => device.id)).toEqual(['printer', 'idcard', 'sscard', 'scanner', 'rating-keypad', 'caller-keypad']);
    const exited = new Promise<number | null>((resolveExit) => child.once('exit', resolveExit));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(ready.ptyDir)).toBe(false);
  });
});
