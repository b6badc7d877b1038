// `npm start` (scripts/start.ts) on ports of its own choosing, with the real hall-server and device-bridge bundles: the
// bridge accepts the pages of the hall on its actual port, every printed screen URL names that hall and that bridge,
// a hostile frame closes only its connection, and a bridge that dies is started again on the same port with a line
// saying so, while the hall goes on serving.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import WebSocket from 'ws';
import { ROOT } from '../support/hall.ts';
import { freePort } from '../support/ports.ts';
import { alive } from '../support/processes.ts';

const dir = mkdtempSync(join(tmpdir(), 'start-ports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A port that was free a moment ago (the OS hands out ephemeral ports in turn, so it stays free for the test). */
/** Resolves with the close code, 101 when the handshake succeeds and closeAfter is not given, or the HTTP status. */
function handshake(url: string, origin: string, send?: (ws: WebSocket) => void): Promise<number> {
  return new Promise((ok) => {
    const ws = new WebSocket(url, { origin });
    ws.on('error', () => undefined);
    ws.once('unexpected-response', (_request, response) => ok(response.statusCode ?? 0));
    ws.once('open', () => {
      if (!send) {
        ws.close();
        ok(101);
        return;
      }
      ws.once('close', (code) => ok(code));
      send(ws);
    });
  });
}

const childrenOf = (pid: number) =>
  spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean).map(Number);
const commandLine = (pid: number): string[] => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return []; // it exited meanwhile
  }
};

describe('npm start on other ports', () => {
  it('serves the pages with the bridge on the ports given, and restarts a bridge that dies', async () => {
    const hallPort = await freePort();
    const bridgePort = await freePort();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/start.ts', '--data-dir', join(dir, 'var'), '--hall-port', String(hallPort), '--bridge-port', String(bridgePort), '--skip-build'],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
    onTestFinished(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    });
    const until = async (text: string, timeoutMs = 60_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!out.includes(text)) {
        if (Date.now() > deadline) throw new Error(`npm start never printed "${text}":\n${out}`);
        if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${out}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    await until('Ctrl-C');

    const hallUrl = `http://127.0.0.1:${hallPort}`;
    const bridgeUrl = `ws://127.0.0.1:${bridgePort}/`;
    const query = `?bridge=${encodeURIComponent(bridgeUrl)}`;
    expect(out).toContain(`大厅服务 hall-server : ${hallUrl} `);
    expect(out).toContain(`设备桥 device-bridge : ${bridgeUrl} `);
    for (const screen of ['/kiosk', '/board', '/admin', '/pad/1', '/counter/1', '/pad/6']) expect(out).toContain(`${hallUrl}${screen}${query}`);
    expect(out).not.toContain(':4601');

    // The hall's own pages may connect; others may not.
    expect(await handshake(bridgeUrl, hallUrl)).toBe(101);
    expect(await handshake(bridgeUrl, `http://localhost:${hallPort}`)).toBe(101);
    expect(await handshake(bridgeUrl, 'http://127.0.0.1:1')).toBe(403);

    // A frame over 64 KB closes that connection only.
    expect(await handshake(bridgeUrl, hallUrl, (ws) => ws.send('x'.repeat(65 * 1024)))).toBe(1009);
    expect(await handshake(bridgeUrl, hallUrl)).toBe(101);

    const bridgePid = childrenOf(child.pid!).find((pid) => commandLine(pid).some((arg) => arg.endsWith('device-bridge.mjs')));
    expect(bridgePid).toBeDefined();
    process.kill(bridgePid!, 'SIGKILL');
    await until('[start] bridge stopped unexpectedly (SIGKILL); restarting it in 1 s (restart 1 in a row)');
    await until('[start] bridge is running again');
    expect(out).not.toContain('stopping everything');
    expect(await handshake(bridgeUrl, hallUrl)).toBe(101);
    const health = await (await fetch(`${hallUrl}/api/health`)).json();
    expect(health).toMatchObject({ status: 'ok' });

    // One hall and one bridge, the killed bridge replaced rather than doubled (a build helper may still be finishing).
    // (esbuild's helper, which the TypeScript loader may keep beside them, ends by itself once its parent has gone.)
    const running = childrenOf(child.pid!).filter((pid) => commandLine(pid).some((arg) => /(hall-server|device-bridge)\.mjs$/.test(arg)));
    const servers = running.flatMap((pid) => commandLine(pid).filter((arg) => /(hall-server|device-bridge)\.mjs$/.test(arg)).map((arg) => basename(arg)));
    expect(servers.sort()).toEqual(['device-bridge.mjs', 'hall-server.mjs']);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(running.filter(alive)).toEqual([]);
  });
});
