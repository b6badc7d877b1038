// Test helper: a real hall-server (real SQLite, HTTP and WebSocket) on an ephemeral port with a temp data dir and the
// sample pack, so test files can run side by side. `startTestHall` runs it in-process; `spawnTestHall` as a child
// process (for crash tests).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { WebSocket } from 'ws';
import type { TerminalRole } from '../../hall-server/api/index.ts';
import { parseHallConfig } from '../../hall-server/config/load.ts';
import type { HallConfigInput } from '../../hall-server/config/schema.ts';
import { startHall, type RunningHall } from '../../hall-server/core/hall.ts';
import { loadStartupPack } from '../../hall-server/core/startup-pack.ts';
import { hallModules } from '../../hall-server/modules.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SAMPLE_PACK = join(ROOT, 'content/packs/sample');

export interface ApiResult<T = unknown> {
  status: number;
  body: T;
}

export interface TestHall {
  url: string;
  port: number;
  dataDir: string;
  /** The running server (in-process only). */
  hall: RunningHall | null;
  api<T = any>(method: string, path: string, body?: unknown, token?: string): Promise<ApiResult<T>>; // any: tests read fields freely
  /** Pairs a terminal (demo pairing) and returns its token. */
  pair(role: TerminalRole, window?: number): Promise<string>;
  /** Sets the admin password on first use and returns an admin token. */
  admin(): Promise<string>;
  /** Opens the event socket and says hello; collect messages with `messages`. */
  socket(token: string, lastSeq?: number): Promise<TestSocket>;
  /** Stops the server; the data dir is kept unless `remove`. */
  close(remove?: boolean): Promise<void>;
}

export interface TestSocket {
  ws: WebSocket;
  messages: any[]; // any: parsed server messages, asserted by tests
  /** Resolves with the first message (already received or future) that satisfies `pred`. */
  waitFor(pred: (msg: any) => boolean, timeoutMs?: number): Promise<any>; // any: a parsed server message
  close(): void;
}

export const TEST_ADMIN_PASSWORD = 'test-admin-password';
/** A socket wait ends on its message; this ceiling only names a message that never comes, on a busy machine too. */
const SOCKET_WAIT_CEILING_MS = 60_000;

export interface TestHallOptions {
  config?: HallConfigInput;
  dataDir?: string;
  /** Default 0 (any free port); a fixed port lets a test restart the hall where clients expect it. */
  port?: number;
  now?: () => Date;
  /** The built PWA the hall serves; default the project's dist/. */
  distDir?: string;
}

function baseConfig(config: HallConfigInput | undefined): HallConfigInput {
  return { demo: true, ...config, queue: { enforceIssuingHours: false, ...config?.queue } };
}

export async function startTestHall(options: TestHallOptions = {}): Promise<TestHall> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'hall-test-'));
  const config = parseHallConfig(baseConfig(options.config));
  const hall = await startHall({
    dataDir,
    config,
    port: options.port ?? 0,
    modules: hallModules(config),
    fallbackPack: loadStartupPack(SAMPLE_PACK),
    startupPack: SAMPLE_PACK,
    ...(options.now ? { now: options.now } : {}),
    ...(options.distDir ? { distDir: options.distDir } : {}),
  });
  return client(hall.url, hall.port, dataDir, hall, async (remove) => {
    await hall.close();
    if (remove) rmSync(dataDir, { recursive: true, force: true });
  });
}

export interface SpawnedHall extends TestHall {
  child: ChildProcess;
  /** SIGKILL, no clean shutdown. */
  kill9(): Promise<void>;
}

export async function spawnTestHall(options: { dataDir?: string; port?: number } = {}): Promise<SpawnedHall> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'hall-test-'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'hall-server/main.ts'), '--data-dir', dataDir, '--port', String(options.port ?? 0), '--pack', SAMPLE_PACK, '--demo'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const ready = await new Promise<{ url: string; port: number }>((ok, fail) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.startsWith('{"ready"')) ok(JSON.parse(line) as { url: string; port: number });
    });
    child.once('exit', (code) => fail(new Error(`hall-server exited with ${code}: ${stderr}`)));
  });
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  const base = client(ready.url, ready.port, dataDir, null, async (remove) => {
    child.kill('SIGTERM');
    await exited;
    if (remove) rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    ...base,
    child,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

function client(url: string, port: number, dataDir: string, hall: RunningHall | null, close: (remove: boolean) => Promise<void>): TestHall {
  const sockets = new Set<WebSocket>();
  let adminToken: string | null = null;
  const api: TestHall['api'] = async (method, path, body, token) => {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers['authorization'] = `Bearer ${token}`;
    const res = await fetch(url + path, { method, headers, body: body === undefined ? null : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  return {
    url,
    port,
    dataDir,
    hall,
    api,
    async pair(role, window) {
      const res = await api('POST', '/api/pairing/demo', window === undefined ? { role } : { role, window });
      if (res.status !== 200) throw new Error(`pairing failed: ${JSON.stringify(res.body)}`);
      return (res.body as { token: string }).token;
    },
    async admin() {
      if (adminToken) return adminToken;
      const status = await api('GET', '/api/admin/status');
      const res = (status.body as { passwordSet: boolean }).passwordSet
        ? await api('POST', '/api/admin/login', { password: TEST_ADMIN_PASSWORD })
        : await api('POST', '/api/admin/setup', { password: TEST_ADMIN_PASSWORD });
      adminToken = (res.body as { token: string }).token;
      return adminToken;
    },
    async socket(token, lastSeq) {
      const ws = new WebSocket(url.replace('http', 'ws') + '/api/events');
      sockets.add(ws);
      const messages: unknown[] = [];
      const waiters = new Set<{ pred: (m: any) => boolean; ok: (m: unknown) => void }>(); // any: a parsed server message
      ws.on('message', (data) => {
        const msg = JSON.parse(String(data));
        messages.push(msg);
        for (const w of waiters) if (w.pred(msg)) {
          waiters.delete(w);
          w.ok(msg);
        }
      });
      await new Promise<void>((ok, fail) => {
        ws.once('open', () => ok());
        ws.once('error', fail);
      });
      ws.send(JSON.stringify({ type: 'hello', token, ...(lastSeq === undefined ? {} : { lastSeq }) }));
      return {
        ws,
        messages,
        waitFor(pred, timeoutMs = SOCKET_WAIT_CEILING_MS) {
          const found = messages.find(pred);
          if (found) return Promise.resolve(found);
          return new Promise((ok, fail) => {
            const w = { pred, ok };
            waiters.add(w);
            setTimeout(() => {
              if (waiters.delete(w)) fail(new Error('timed out waiting for a socket message'));
            }, timeoutMs);
          });
        },
        close() {
          ws.close();
          sockets.delete(ws);
        },
      };
    },
    async close(remove = true) {
      for (const ws of sockets) ws.terminate();
      await close(remove);
    },
  };
}
