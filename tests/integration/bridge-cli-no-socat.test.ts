// `npm start` on a machine without socat: the bridge CLI with --simulate falls back to simulators on an in-process wire,
// says so once, and serves its device list (PATH holds only node, so `socat` cannot be found).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'yibao-bridge-no-socat-'));
const binDir = join(dir, 'bin');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('device-bridge CLI without socat', () => {
  it('simulates the serial devices in-process with one warning, serves the device list and stops cleanly', async () => {
    mkdirSync(binDir);
    symlinkSync(process.execPath, join(binDir, 'node'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'device-bridge/main.ts', '--simulate', '--port', '0', '--printed-dir', join(dir, 'printed')], {
      cwd: ROOT,
      env: { ...process.env, PATH: binDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    onTestFinished(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolveExit) => child.once('exit', resolveExit));
    const line = await Promise.race([
      new Promise<string>((resolveLine) => createInterface({ input: child.stdout }).once('line', resolveLine)),
      exited.then((code) => `exited ${code}: ${stderr}`),
    ]);
    const ready = JSON.parse(line) as { bridge: string; port: number; simulate: boolean; simLink: string; ptyDir: string | null };
    expect(ready).toEqual({ bridge: `ws://127.0.0.1:${ready.port}/`, port: ready.port, simulate: true, simLink: 'memory', ptyDir: null });
    const warnings = stderr.split('\n').filter((l) => l.includes('socat'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/ WARN socat is not installed: simulating the serial devices in-process, without virtual serial ports \(Debian: apt-get install socat\)$/);

    const health = (await (await fetch(`http://127.0.0.1:${ready.port}/health`)).json()) as {
      simulate: boolean;
      devices: { id: string; transport: string; simulated: boolean; health: { state: string } }[];
    };
    expect(health.simulate).toBe(true);
    expect(health.devices.map((d) => [d.id, d.transport, d.simulated])).toEqual([
      ['printer', 'simulated', true],
      ['idcard', 'simulated', true],
      ['sscard', 'simulated', true],
      ['scanner', 'simulated', true],
      ['rating-keypad', 'simulated', true],
      ['caller-keypad', 'simulated', true],
    ]);
    expect(health.devices.map((d) => d.health.state)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
