// `npm start`: builds the PWA and the server bundles if stale, starts the hall-server and a device-bridge (simulated
// devices) from those bundles with plain `node`, prints the URL of every screen, and stops both cleanly on Ctrl-C / SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { BRIDGE_NODE_FLAGS, buildServersIfStale, HALL_NODE_FLAGS } from './build-servers.ts';
import { buildPwa, pwaIsStale } from './start/build.ts';
import { HELP, parseStartArgs, StartConfigError, type StartConfig } from './start/config.ts';

const ROOT = resolve(import.meta.dirname, '..');
const children: ChildProcess[] = [];

function launch(name: string, nodeFlags: readonly string[], bundle: string, args: string[]): ChildProcess {
  const child = spawn(process.execPath, [...nodeFlags, bundle, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (line: string) => (line.startsWith('[') ? line : `[${name}] ${line}`);
  createInterface({ input: child.stderr! }).on('line', (l) => console.error(prefix(l)));
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[start] ${name} stopped unexpectedly (${signal ?? `exit ${code}`}); stopping everything.`);
      void stopAll(1);
    }
  });
  children.push(child);
  return child;
}

function waitForReady(name: string, child: ChildProcess, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`${name} did not become ready within ${timeoutMs / 1000} s`)), timeoutMs);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (pattern.test(line)) {
        clearTimeout(timer);
        ok(line);
      } else console.log(`[${name}] ${line}`);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`${name} exited (code ${code}) before it was ready`));
    });
  });
}

let stopping = false;
async function stopAll(code: number): Promise<never> {
  stopping = true;
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((ok) => {
          if (c.exitCode !== null || c.signalCode !== null) return ok();
          const force = setTimeout(() => c.kill('SIGKILL'), 5000);
          c.once('exit', () => {
            clearTimeout(force);
            ok();
          });
          c.kill('SIGTERM');
        }),
    ),
  );
  process.exit(code);
}

function windowNumbers(packDir: string): number[] {
  try {
    const windows = JSON.parse(readFileSync(join(packDir, 'windows.json'), 'utf8')) as Array<{ number: number }>;
    return windows.map((w) => w.number);
  } catch {
    return [1];
  }
}

async function main(config: StartConfig): Promise<void> {
  const dataDir = resolve(ROOT, config.dataDir);
  const packDir = resolve(ROOT, config.pack);
  if (!existsSync(join(packDir, 'manifest.json'))) throw new StartConfigError(`内容包目录 ${config.pack} 中没有 manifest.json`);
  if (!config.skipBuild && pwaIsStale(ROOT)) buildPwa(ROOT);
  const bundles = await buildServersIfStale(ROOT, (line) => console.log(line.replace('[build]', '[start]')));
  mkdirSync(dataDir, { recursive: true });
  const hallConfigFile = join(dataDir, 'start-hall-config.json');
  writeFileSync(hallConfigFile, JSON.stringify(config.hall, null, 2) + '\n');

  const hall = launch('hall', HALL_NODE_FLAGS, bundles.hall, [
    '--data-dir', dataDir, '--port', String(config.hallPort), '--pack', packDir, '--config', hallConfigFile,
  ]);
  const ready = JSON.parse(await waitForReady('hall', hall, /^\{"ready":true/)) as { url: string; setupCode?: string };

  const bridgeArgs = ['--port', String(config.bridgePort), '--printed-dir', join(dataDir, 'printed')];
  if (config.bridgeConfig) bridgeArgs.push('--config', resolve(ROOT, config.bridgeConfig));
  else bridgeArgs.push('--simulate');
  const bridgeProcess = launch('bridge', BRIDGE_NODE_FLAGS, bundles.bridge, bridgeArgs);
  const bridge = JSON.parse(await waitForReady('bridge', bridgeProcess, /^\{"bridge"/)) as { bridge: string; simLink: 'pty' | 'memory' | null };
  const simulatedNote = config.bridgeConfig
    ? ''
    : bridge.simLink === 'memory'
      ? '  (模拟设备（进程内）simulated in-process: socat is not installed)'
      : '  (模拟设备 simulated devices)';

  const url = ready.url;
  const windows = windowNumbers(packDir);
  console.log(`
医保经办大厅演示已启动 / demo hall running
  大厅服务 hall-server : ${url}   (data: ${dataDir})
  设备桥 device-bridge : ${bridge.bridge}${simulatedNote}
${config.hall.demo ? '  演示模式：各终端页面自动配对 / demo mode: terminals pair automatically\n' : ''}
  取号机 kiosk        ${url}/kiosk
  叫号大屏 board      ${url}/board
  管理台 admin        ${url}/admin${setupLine(ready.setupCode, dataDir)}
${windows.map((n) => `  ${n}号窗口 评价器 pad ${url}/pad/${n}    叫号面板 counter ${url}/counter/${n}`).join('\n')}

按 Ctrl-C 停止 / press Ctrl-C to stop`);
}

/** The one-time code a hall without accounts asks for in the console's first-run setup. */
function setupLine(code: string | undefined, dataDir: string): string {
  if (!code) return '';
  return `\n  首次设置码 setup code: ${code}  （管理台首次设置时输入 / enter it in the console's first-run setup; also in ${join(dataDir, 'setup-code.txt')}）`;
}

let config: StartConfig | 'help';
try {
  config = parseStartArgs(process.argv.slice(2));
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}
if (config === 'help') {
  console.log(HELP);
  process.exit(0);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));
main(config).catch((err: unknown) => {
  console.error(`[start] ${(err as Error).message}`);
  void stopAll(2);
});
