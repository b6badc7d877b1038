// `npm start` also runs the demo region on embedded PGlite: its URL in the banner, at least six simulated sites of at
// least three levels enrolled and pushing signed batches through the real protocol, the key file mode 600 outside
// the region's database, and a region that dies is started again on its port like the hall and the bridge.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/hall.ts';
import { freePort } from '../support/ports.ts';

const dir = mkdtempSync(join(tmpdir(), 'start-region-'));
let demo: ChildProcess;
let out = '';
let regionPort: number;

/** Resolves once the output matches `test`; fails if npm start exits first or the wait passes `ms`. */
function printed(test: (text: string) => boolean, what: string, ms = 240_000): Promise<void> {
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => done(new Error(`npm start never printed ${what}:\n${out}`)), ms);
    const check = () => {
      if (test(out)) done(null);
      else if (demo.exitCode !== null) done(new Error(`npm start exited (${demo.exitCode}):\n${out}`));
    };
    const done = (error: Error | null) => {
      clearTimeout(timer);
      demo.stdout!.off('data', check);
      demo.stderr!.off('data', check);
      demo.off('exit', check);
      if (error) fail(error);
      else ok();
    };
    demo.stdout!.on('data', check);
    demo.stderr!.on('data', check);
    demo.on('exit', check);
    check();
  });
}

interface Reporting {
  siteId: string;
  siteLevel: string;
  heldThrough: number;
}

function reportingSites(text: string): Reporting[] {
  return [...text.matchAll(/^\[region\] (\{.*"message":"simulated site reporting".*\})$/gm)].map((m) => JSON.parse(m[1]!) as Reporting);
}

beforeAll(async () => {
  regionPort = await freePort();
  demo = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/start.ts', '--data-dir', join(dir, 'var'), '--hall-port', '0', '--bridge-port', '0', '--region-port', String(regionPort), '--skip-build'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  demo.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  demo.stderr!.on('data', (d: Buffer) => (out += d.toString()));
}, 30_000);

afterAll(async () => {
  if (demo && demo.exitCode === null) {
    const exited = new Promise((ok) => demo.once('exit', ok));
    demo.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

function regionPid(): number {
  const children = spawnSync('pgrep', ['-P', String(demo.pid)], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean).map(Number);
  const pid = children.find((p) => readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('region-server.mjs'));
  if (!pid) throw new Error('no region process under npm start');
  return pid;
}

describe('npm start with the demo region', () => {
  it('prints the region URL and brings up at least six simulated sites of three levels pushing to it', async () => {
    await printed((text) => text.includes('Ctrl-C'), 'its banner');
    expect(out).toContain(`区域中心 region      : http://127.0.0.1:${regionPort}`);
    await printed((text) => new Set(reportingSites(text).map((s) => s.siteId)).size >= 6, 'six sites reporting');
    const sites = reportingSites(out);
    expect(new Set(sites.map((s) => s.siteLevel)).size).toBeGreaterThanOrEqual(3);
    expect(sites.every((s) => s.heldThrough > 0)).toBe(true);
    const health = await fetch(`http://127.0.0.1:${regionPort}/api/region/health`);
    expect(await health.json()).toEqual({ ok: true });
    // A production bundle under plain node, like the hall and the bridge.
    expect(readFileSync(`/proc/${regionPid()}/cmdline`, 'utf8')).not.toContain('tsx');
    const keys = join(dir, 'var', 'region-keys.json');
    expect(statSync(keys).mode & 0o777).toBe(0o600);
    const keyFile = JSON.parse(readFileSync(keys, 'utf8')) as { signing: { privateKey: string }; sealing: Array<{ keyId: string; privateKey: string }> };
    expect(keyFile.signing.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(keyFile.sealing[0]!.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  }, 300_000);

  it('has the demo hall pull and activate its region-built pack, with no key configured by hand', async () => {
    await printed((text) => text.includes('region pack version 1 activated'), 'the demo hall activating its region pack');
    expect(out).not.toContain('region pack version 1 refused');
  }, 300_000);

  it('prints where the region console and booking page are, with the console\'s setup code; the hall\'s QR points at the region', async () => {
    const region = `http://127.0.0.1:${regionPort}`;
    await printed((text) => text.includes('region console setup code:'), 'the region console setup code');
    expect(out).toContain(`区域管理台 region console  ${region}/region/`);
    expect(out).toContain(`预约 booking (phone)       ${region}/booking`);
    expect(out).toMatch(new RegExp(`区域管理台首次设置码 region console setup code: [0-9A-Z]{4}(-[0-9A-Z]{4})+  （在 ${region}/region/ 首次设置时输入`));
    expect((await fetch(`${region}/region/`)).status).toBe(200);
    // The sample pack's staff list is what the counter panel signs in.
    expect(out).toContain('叫号面板登录工号 counter sign-in 工号: 20101、20102、');
    const hallConfig = JSON.parse(readFileSync(join(dir, 'var', 'start-hall-config.json'), 'utf8')) as { citizen: { publicUrl?: string } };
    expect(hallConfig.citizen.publicUrl).toBe(region);
  }, 300_000);

  it('starts a killed region again on its port, and the simulated sites report again', async () => {
    const before = reportingSites(out).length;
    process.kill(regionPid(), 'SIGKILL');
    await printed((text) => /\[start\] region stopped unexpectedly \(SIGKILL\)/.test(text), 'the restart notice');
    await printed((text) => text.includes('[start] region is running again'), 'the region running again');
    await printed((text) => reportingSites(text).length >= before + 6, 'sites reporting after the restart');
    expect((await fetch(`http://127.0.0.1:${regionPort}/api/region/health`)).status).toBe(200);
  }, 300_000);
});
