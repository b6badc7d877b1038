// The real device-bridge process (device-bridge/main.ts) against clients that are not its page: a frame over 64 KB or
// text that is not UTF-8 ends only that connection (1009 / 1007) while the page goes on; a client without an Origin
// (any local process) is refused unless it presents the tool token of the bridge config, and a config holding that
// token must be readable by its owner only.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { TEST_ORIGIN, TestPage } from '../support/bridge.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const TOOL_TOKEN = 'k2Vq9sX4mT7wZ1pL8nB3cR6dF0hJ5yGa';
const dir = mkdtempSync(join(tmpdir(), 'yibao-bridge-hostile-'));
const configFile = join(dir, 'bridge.json');
let child: ChildProcess;
let url: string;
let exitCode: number | null | undefined;

beforeAll(async () => {
  writeFileSync(configFile, JSON.stringify({ allowedOrigins: [TEST_ORIGIN], toolToken: TOOL_TOKEN }));
  chmodSync(configFile, 0o600);
  child = spawn(process.execPath, ['--import', 'tsx', 'device-bridge/main.ts', '--port', '0', '--config', configFile], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (data: Buffer) => (stderr += data.toString()));
  const line = await new Promise<string>((resolveLine, fail) => {
    createInterface({ input: child.stdout! }).once('line', resolveLine);
    child.once('exit', (code) => {
      exitCode = code;
      fail(new Error(`bridge exited (${code}) before it was ready: ${stderr}`));
    });
  });
  url = (JSON.parse(line) as { bridge: string }).bridge;
});

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((ok) => child.once('exit', ok));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

/** Opens a WebSocket and resolves with it and its first message (the bridge says hello at once). */
function openRaw(headers: Record<string, string>): Promise<WebSocket & { firstMessage: Promise<string> }> {
  return new Promise((ok, fail) => {
    const ws = new WebSocket(url, { headers });
    const firstMessage = new Promise<string>((got) => ws.once('message', (data) => got(data.toString())));
    ws.once('open', () => ok(Object.assign(ws, { firstMessage })));
    ws.once('error', fail);
    ws.once('unexpected-response', (_request, response) => fail(new Error(`HTTP ${response.statusCode}`)));
  });
}

/** Sends one frame and resolves with the close code the bridge answers with. */
function closeCodeAfter(send: (ws: WebSocket) => void): Promise<number> {
  return openRaw({ Origin: TEST_ORIGIN }).then(
    (ws) =>
      new Promise<number>((ok) => {
        ws.once('close', (code) => ok(code));
        ws.on('error', () => undefined);
        send(ws);
      }),
  );
}

async function stillServes(page: TestPage): Promise<void> {
  expect(await page.request({ type: 'devices.list' })).toMatchObject({ type: 'ack' });
  expect(exitCode).toBeUndefined();
}

describe('device-bridge under a hostile client', () => {
  it('closes a connection that sends a text frame over 64 KB with 1009 and keeps serving the page', async () => {
    const page = await TestPage.open(url, TEST_ORIGIN);
    await page.waitFor('hello');
    expect(await closeCodeAfter((ws) => ws.send(JSON.stringify({ type: 'devices.list', requestId: 'x'.repeat(70 * 1024) })))).toBe(1009);
    await stillServes(page);
    page.close();
  });

  it('closes a connection that sends bytes that are not UTF-8 with 1007 and keeps serving the page', async () => {
    const page = await TestPage.open(url, TEST_ORIGIN);
    await page.waitFor('hello');
    // A text frame (binary: false) holding a lone continuation byte and an overlong encoding.
    expect(await closeCodeAfter((ws) => ws.send(Buffer.from([0x7b, 0x80, 0xc0, 0xaf, 0x7d]), { binary: false }))).toBe(1007);
    await stillServes(page);
    page.close();
  });

  it('refuses a client without an Origin (401) and one with a wrong token, and accepts the token of its config', async () => {
    await expect(openRaw({})).rejects.toThrow('HTTP 401');
    await expect(openRaw({ Authorization: `Bearer ${TOOL_TOKEN.replace('k', 'K')}` })).rejects.toThrow('HTTP 401');
    await expect(openRaw({ Authorization: TOOL_TOKEN })).rejects.toThrow('HTTP 401');
    await expect(openRaw({ Origin: 'https://evil.example', Authorization: `Bearer ${TOOL_TOKEN}` })).rejects.toThrow('HTTP 403');
    const tool = await openRaw({ Authorization: `Bearer ${TOOL_TOKEN}` });
    expect(JSON.parse(await tool.firstMessage)).toMatchObject({ type: 'hello' });
    tool.close();
  });
});

describe('device-bridge tool token', () => {
  const run = (file: string) => spawnSync(process.execPath, ['--import', 'tsx', 'device-bridge/main.ts', '--port', '0', '--config', file], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });

  it('refuses to start when the config holding the token is readable by others', () => {
    const shared = join(dir, 'shared.json');
    writeFileSync(shared, JSON.stringify({ toolToken: TOOL_TOKEN }));
    chmodSync(shared, 0o644);
    const result = run(shared);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`config ${shared} holds toolToken but is readable by others (mode 0644): chmod 600 it, owned by the bridge's service user\n`);
  });

  it('refuses a token that is short', () => {
    const short = join(dir, 'short.json');
    writeFileSync(short, JSON.stringify({ toolToken: 'secret' }));
    chmodSync(short, 0o600);
    const result = run(short);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('toolToken: toolToken must be 32 to 256 printable ASCII characters without spaces');
  });
});
