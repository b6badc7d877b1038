// `npm start` on a machine without socat (scripts/ensure-system-packages.sh runs only from `npm test`): the demo hall
// still starts, its bridge simulating the serial devices in-process, and says so once.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { ROOT } from '../support/hall.ts';

const dir = mkdtempSync(join(tmpdir(), 'hall-start-no-socat-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start without socat', () => {
  it('starts the demo hall with in-process simulated devices and one warning', async () => {
    const binDir = join(dir, 'bin');
    mkdirSync(binDir);
    symlinkSync(process.execPath, join(binDir, 'node'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--data-dir', join(dir, 'var'), '--hall-port', '0', '--bridge-port', '0', '--skip-build'], {
      cwd: ROOT, env: { ...process.env, PATH: binDir }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
    onTestFinished(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    });
    const deadline = Date.now() + 60_000;
    while (!out.includes('Ctrl-C') && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(err).not.toContain('stopped unexpectedly');
    const bridgeLine = /设备桥 device-bridge : ws:\/\/127\.0\.0\.1:(\d+)\/ {2}\(模拟设备（进程内）simulated in-process: socat is not installed\)/.exec(out);
    expect(bridgeLine).not.toBeNull();
    expect(err.split('\n').filter((l) => l.includes('socat is not installed'))).toHaveLength(1);
    const health = (await (await fetch(`http://127.0.0.1:${bridgeLine![1]}/health`)).json()) as { devices: { id: string; health: { state: string } }[] };
    expect(health.devices.map((d) => `${d.id}:${d.health.state}`)).toEqual([
      'printer:ok', 'idcard:ok', 'sscard:ok', 'scanner:ok', 'rating-keypad:ok', 'caller-keypad:ok',
    ]);
    const hallUrl = /大厅服务 hall-server : (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1];
    expect(((await (await fetch(`${hallUrl}/api/health`)).json()) as { status: string }).status).toBe('ok');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
