// `npm start -- --hall-port P --bridge-port Q` in real Chromium: the kiosk opened at the URL the demo prints talks to the
// bridge on Q (the bridge says hello to the hall's page), and after that bridge is killed, `npm start` starts it again
// and the same page connects to it by itself.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newTerminalContext, VIEWPORTS } from '../support/browser.ts';
import { ROOT } from '../support/hall.ts';
import { distReady } from './board-helpers.ts';
import { freePort } from '../support/ports.ts';

const dir = mkdtempSync(join(tmpdir(), 'start-other-ports-'));
let demo: ChildProcess;
let out = '';
let browser: Browser;

/** Resolves once npm start has printed `text`; fails if it exits first or takes a minute. */
function printed(text: string): Promise<void> {
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => done(new Error(`npm start never printed "${text}":\n${out}`)), 60_000);
    const check = () => {
      if (out.includes(text)) done(null);
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

let hallPort: number;
let bridgePort: number;

beforeAll(async () => {
  distReady();
  hallPort = await freePort();
  bridgePort = await freePort();
  demo = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/start.ts', '--data-dir', join(dir, 'var'), '--hall-port', String(hallPort), '--bridge-port', String(bridgePort), '--skip-build'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  demo.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  demo.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  await printed('Ctrl-C');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (demo && demo.exitCode === null) {
    const exited = new Promise((ok) => demo.once('exit', ok));
    demo.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start on other ports, in the browser', () => {
  it('the printed kiosk URL reaches the bridge on its port, again after the bridge is restarted', async () => {
    const kioskUrl = new RegExp(`取号机 kiosk\\s+(http://127\\.0\\.0\\.1:${hallPort}/kiosk\\S*)`).exec(out)?.[1];
    expect(kioskUrl).toBe(`http://127.0.0.1:${hallPort}/kiosk?bridge=${encodeURIComponent(`ws://127.0.0.1:${bridgePort}/`)}`);

    const context = await newTerminalContext(browser, VIEWPORTS.kiosk);
    const page = await context.newPage();
    const hellos: string[] = [];
    page.on('websocket', (ws) => ws.on('framereceived', ({ payload }) => {
      if (String(payload).startsWith('{"type":"hello"')) hellos.push(ws.url());
    }));
    await page.goto(kioskUrl!);
    await page.locator('[data-kiosk-ready]').waitFor({ timeout: 30_000 });
    await expect.poll(() => hellos, { timeout: 20_000 }).toEqual([`ws://127.0.0.1:${bridgePort}/`]);

    const bridgePid = spawnSync('pgrep', ['-P', String(demo.pid)], { encoding: 'utf8' })
      .stdout.trim().split('\n').filter(Boolean).map(Number)
      .find((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('device-bridge.mjs'));
    process.kill(bridgePid!, 'SIGKILL');
    await printed('[start] bridge is running again');
    await expect.poll(() => hellos, { timeout: 30_000 }).toEqual([`ws://127.0.0.1:${bridgePort}/`, `ws://127.0.0.1:${bridgePort}/`]);
    expect(out).toContain('[start] bridge stopped unexpectedly (SIGKILL); restarting it in 1 s');
    await context.close();
  });
});
