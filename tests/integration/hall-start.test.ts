// `npm start` (scripts/start.ts): clear errors for bad options and config, every screen URL printed, a working hall
// and bridge, and a clean stop on SIGTERM that leaves no child behind. (--skip-build: the test suite builds dist/ first,
// and a rebuild here could empty dist/ under another browser test.)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { ROOT } from '../support/hall.ts';
import { alive } from '../support/processes.ts';
import { HALL_NODE_FLAGS, HALL_PROCESS_ENV } from '../../hall-server/core/node-flags.ts';

const dir = mkdtempSync(join(tmpdir(), 'hall-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const start = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });

describe('npm start', () => {
  it('lists its options with --help', () => {
    const res = start(['--help']);
    expect(res.status).toBe(0);
    for (const opt of ['--data-dir', '--hall-port', '--bridge-port', '--pack', '--config', '--help']) expect(res.stdout).toContain(opt);
  });

  it('explains a bad config file field by field', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ hallPort: 70000, hall: { queue: { dailyResetAt: '25:00' } }, colour: 'red' }));
    const res = start(['--config', file]);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain(`配置有误（${file}）`);
    expect(res.stderr).toContain('hallPort: 端口应在 0 到 65535 之间');
    expect(res.stderr).toContain('hall.queue.dailyResetAt: 时间格式应为 HH:MM，例如 03:00');
    expect(res.stderr).toMatch(/colour/);
  });

  it('refuses a non-numeric port and a config that is not JSON', () => {
    expect(start(['--hall-port', 'abc']).stderr).toContain('--hall-port 应为端口号（0 到 65535），收到 "abc"');
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ hall: ');
    expect(start(['--config', file]).stderr).toContain(`配置文件 ${file} 不是有效的 JSON`);
  });

  it('starts the hall and the bridge, prints every screen, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--data-dir', join(dir, 'var'), '--hall-port', '0', '--bridge-port', '0', '--skip-build'], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
    // A failed assertion below must not leave the demo hall running.
    onTestFinished(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    });
    const deadline = Date.now() + 60_000;
    while (!out.includes('Ctrl-C') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const hallUrl = /大厅服务 hall-server : (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
    expect(hallUrl).toBeDefined();
    for (const screen of ['/kiosk', '/board', '/admin', '/pad/1', '/counter/1', '/pad/6']) expect(out).toContain(`${hallUrl}${screen}`);
    expect(out).toMatch(/设备桥 device-bridge : ws:\/\/127\.0\.0\.1:\d+/);
    // A fresh hall: the banner shows the one-time setup code it keeps in the data dir.
    const setupCode = readFileSync(join(dir, 'var', 'setup-code.txt'), 'utf8').trim();
    expect(out).toContain(`首次设置码 setup code: ${setupCode}`);
    const health = await (await fetch(`${hallUrl}/api/health`)).json();
    expect(health).toMatchObject({ status: 'ok', version: '0.1.0', pack: { id: 'ln-sample-county', version: 1 } });
    const page = await fetch(`${hallUrl}/counter/3`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="app">');
    const children = spawnSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean).map(Number);
    expect(children.length).toBeGreaterThanOrEqual(2);
    // They run as production bundles under plain node, without a TypeScript loader (the demo region too, once it is
    // started after the banner: tests/integration/start-region.test.ts).
    const commandLines = children.map((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean));
    const bundles = commandLines.flatMap((args) => args.filter((a) => a.endsWith('.mjs')).map((a) => a.slice(ROOT.length + 1)));
    expect(bundles.filter((b) => !b.endsWith('region-server.mjs')).sort()).toEqual([
      'var/build/device-bridge.mjs',
      'var/build/hall-server.mjs',
    ]);
    expect(commandLines.flat().filter((a) => a.includes('tsx'))).toEqual([]);
    // The hall runs with its V8 flags and allocator settings (hall-server/core/node-flags.ts), as `--help` tells a deployment.
    const hallPid = children[commandLines.findIndex((args) => args.some((a) => a.endsWith('hall-server.mjs')))]!;
    expect(commandLines.find((args) => args.some((a) => a.endsWith('hall-server.mjs')))).toEqual(expect.arrayContaining([...HALL_NODE_FLAGS]));
    const environment = readFileSync(`/proc/${hallPid}/environ`, 'utf8').split('\0');
    expect(environment).toEqual(expect.arrayContaining(Object.entries(HALL_PROCESS_ENV).map(([name, value]) => `${name}=${value}`)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // Every child ends with it (a helper child of the TypeScript loader, tsx's esbuild service, ends a moment after its
    // parent, on a busy machine later still).
    for (const pid of children) await expect.poll(() => alive(pid), { timeout: 20_000 }).toBe(false);
  });
});
