// Test helper: a real hall-server (real SQLite, HTTP and WebSocket) on an ephemeral port with a temp data dir and the
// sample pack, so test files can run side by side. `startTestHall` runs it in-process; `spawnTestHall` as a child
// process (for crash tests).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { WebSocket } from 'ws';
import { DEMO_PUBLIC_KEY } from '../../content/keys/demo.ts';
import type { TerminalRole } from '../../protocol/hall/index.ts';
import { parseHallConfig } from '../../hall-server/config/load.ts';
import type { HallConfigInput } from '../../hall-server/config/schema.ts';
import { startHall, type RunningHall } from '../../hall-server/core/hall.ts';
import { demoKeyFile, newKey, writeKeyFile } from '../../hall-server/core/keys.ts';
import { loadStartupPack } from '../../hall-server/core/startup-pack.ts';
import { hallModules } from '../../hall-server/modules.ts';
import type { HallModule } from '../../hall-server/core/module.ts';

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
  /** Sets the hall up with the 大厅负责人 account TEST_ADMIN on first use (with the setup code from the data dir) and
   * returns a token of that account. */
  admin(): Promise<string>;
  /** Creates (once) a console account of `role` through the 大厅负责人 and returns a fresh session token of it. */
  staff(role: 'owner' | 'shift_lead' | 'callback', staffNo: string, name: string): Promise<string>;
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
/** The 大厅负责人 account the helper sets up on first use. */
export const TEST_ADMIN = { name: '测试负责人', staffNo: 'T001', password: TEST_ADMIN_PASSWORD } as const;

/** The one-time setup code a hall without accounts keeps in its data dir. */
export function readSetupCode(dataDir: string): string {
  return readFileSync(join(dataDir, 'setup-code.txt'), 'utf8').trim();
}

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
  onReplayPage?: (rows: number) => void;
  /** Length of a console session (default 12 h). */
  adminSessionMs?: number;
  /** Receives the hall's modules (a test drives one directly, e.g. the appointments module's feed intake). */
  onModules?: (modules: HallModule[]) => void;
}

function baseConfig(config: HallConfigInput | undefined): HallConfigInput {
  return { demo: true, ...config, queue: { enforceIssuingHours: false, ...config?.queue } };
}

export async function startTestHall(options: TestHallOptions = {}): Promise<TestHall> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'hall-test-'));
  const input = baseConfig(options.config);
  const config = parseHallConfig(input.demo || input.keysFile ? input : { ...input, keysFile: realHallKeyFile(dataDir) });
  const modules = hallModules(config);
  options.onModules?.(modules);
  const hall = await startHall({
    dataDir,
    config,
    port: options.port ?? 0,
    modules,
    fallbackPack: loadStartupPack(SAMPLE_PACK),
    startupPack: SAMPLE_PACK,
    ...(options.now ? { now: options.now } : {}),
    ...(options.distDir ? { distDir: options.distDir } : {}),
    ...(options.onReplayPage ? { onReplayPage: options.onReplayPage } : {}),
    ...(options.adminSessionMs ? { adminSessionMs: options.adminSessionMs } : {}),
  });
  return client(hall.url, hall.port, dataDir, hall, async (remove) => {
    await hall.close();
    if (remove) removeHallDirs(dataDir);
  });
}

/** A real (non-demo) hall needs its key file outside the data dir: kept where a demo hall keeps its own, so that
 * `removeHallDirs` removes it too, and reused when the same hall starts again. */
function realHallKeyFile(dataDir: string): string {
  const file = demoKeyFile(dataDir);
  if (!existsSync(file)) writeKeyFile(file, { hmacKey: newKey(), encryptionKey: newKey(), previousEncryptionKeys: [] });
  return file;
}

/** The data dir and the demo hall's key dir beside it. */
function removeHallDirs(dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(dirname(demoKeyFile(dataDir)), { recursive: true, force: true });
}

export interface SpawnedHall extends TestHall {
  child: ChildProcess;
  /** The `{"ready":…}` line it printed. */
  ready: { url: string; port: number; setupCode?: string };
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** SIGKILL, no clean shutdown. */
  kill9(): Promise<void>;
}

/** A real (non-demo) hall that trusts the sample pack's signing key, as a hall trusts its province's key. */
export function trustSamplePack(dataDir: string): void {
  mkdirSync(join(dataDir, 'packs'), { recursive: true });
  writeFileSync(join(dataDir, 'packs', 'trusted-keys.txt'), `${DEMO_PUBLIC_KEY}\n`);
}

/** `args`: more command-line flags (e.g. `--region-url`). */
export async function spawnTestHall(options: { dataDir?: string; port?: number; demo?: boolean; args?: string[] } = {}): Promise<SpawnedHall> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'hall-test-'));
  if (options.demo === false) trustSamplePack(dataDir);
  const args = ['--import', 'tsx', join(ROOT, 'hall-server/main.ts'), '--data-dir', dataDir, '--port', String(options.port ?? 0), '--pack', SAMPLE_PACK];
  if (options.demo ?? true) args.push('--demo');
  else args.push('--keys-file', realHallKeyFile(dataDir));
  args.push(...(options.args ?? []));
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let output = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
    output += d.toString();
  });
  const ready = await new Promise<{ url: string; port: number; setupCode?: string }>((ok, fail) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      output += line + '\n';
      if (line.startsWith('{"ready"')) ok(JSON.parse(line) as { url: string; port: number; setupCode?: string });
    });
    child.once('exit', (code) => fail(new Error(`hall-server exited with ${code}: ${stderr}`)));
  });
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  const base = client(ready.url, ready.port, dataDir, null, async (remove) => {
    child.kill('SIGTERM');
    await exited;
    if (remove) removeHallDirs(dataDir);
  });
  return {
    ...base,
    child,
    ready,
    output: () => output,
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
        ? await api('POST', '/api/admin/login', { staffNo: TEST_ADMIN.staffNo, password: TEST_ADMIN.password })
        : await api('POST', '/api/admin/setup', { setupCode: readSetupCode(dataDir), ...TEST_ADMIN });
      if (res.status !== 200) throw new Error(`admin sign-in failed: ${JSON.stringify(res.body)}`);
      adminToken = (res.body as { token: string }).token;
      return adminToken;
    },
    async staff(role, staffNo, name) {
      const password = `${[...staffNo].reverse().join("")}~test-secret-phrase`;
      await this.admin();
      // A fresh session: tests on a moved clock outlive the first one.
      const owner = (await api('POST', '/api/admin/login', { staffNo: TEST_ADMIN.staffNo, password: TEST_ADMIN.password })).body.token as string;
      const made = await api('POST', '/api/admin/accounts', { name, staffNo, role, password }, owner);
      if (made.status !== 201 && made.body?.error?.code !== 'staff_no_taken') throw new Error(`account not created: ${JSON.stringify(made.body)}`);
      const login = await api('POST', '/api/admin/login', { staffNo, password });
      if (login.status !== 200) throw new Error(`staff login failed: ${JSON.stringify(login.body)}`);
      return (login.body as { token: string }).token;
    },
    async socket(token, lastSeq) {
      const ws = new WebSocket(url.replace('http', 'ws') + '/api/events');
      sockets.add(ws);
      const messages: unknown[] = [];
      const waiters = new Set<{ pred: (m: any) => boolean; ok: (m: unknown) => void }>(); // any: a parsed server message
      ws.on('message', (data) => {
        const msg = JSON.parse(String(data));
        // Answered as a page does, so a socket kept through a long test is not dropped as a dead link.
        if (msg.type === 'ping' && ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'pong', at: msg.at }));
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
