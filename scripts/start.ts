// `npm start`: builds the PWA and the server bundles if stale, starts the hall-server and a device-bridge (simulated
// devices) from those bundles with plain `node`, and the demo region (embedded PGlite, simulated sites) beside them;
// prints the URL of every screen, starts a child again when it dies, and stops them all cleanly on Ctrl-C / SIGTERM.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BRIDGE_NODE_FLAGS, buildServersIfStale, HALL_NODE_FLAGS, HALL_PROCESS_ENV } from './build-servers.ts';
import { buildPwa, pwaIsStale } from './start/build.ts';
import { HELP, parseStartArgs, StartConfigError, type StartConfig } from './start/config.ts';
import { demoRegion } from './start/region.ts';
import { pageOrigins, screenUrl } from './start/urls.ts';
import { SupervisedChild } from './start/supervisor.ts';

const ROOT = resolve(import.meta.dirname, '..');
const children: SupervisedChild[] = [];

function supervise(
  name: string, ready: RegExp, nodeFlags: readonly string[], bundle: string, args: () => string[], env: Readonly<Record<string, string>> = {},
): SupervisedChild {
  const child = new SupervisedChild({
    name,
    command: process.execPath,
    args: () => [...nodeFlags, bundle, ...args()],
    cwd: ROOT,
    env,
    ready,
    log: (line) => console.error(line),
  });
  children.push(child);
  return child;
}

async function stopAll(code: number): Promise<never> {
  await Promise.all(children.map((child) => child.stop()));
  process.exit(code);
}

/** The 工号 of the pack's staff list: the counter panel signs in only those (an account made in the console is not one). */
function staffNumbers(packDir: string): string[] {
  try {
    return (JSON.parse(readFileSync(join(packDir, 'staff.json'), 'utf8')) as Array<{ id: string }>).map((s) => s.id);
  } catch {
    return [];
  }
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
  // The demo hall is given the region's URL and its one-time enrolment code before the region is up (the hall's
  // --region-url / --region-enrol-code take region.regionUrl and region.enrolCode); the region starts once the hall and
  // the bridge are ready, so its database's first start does not slow theirs, and nobody waits for it.
  const region = await demoRegion(ROOT, dataDir, config.regionPort);
  children.push(region.child);

  // The enrolled demo hall prints the region's address in each ticket's QR, where the progress page is served, unless
  // the hall config names an address of its own for phones (public, or the hall's Wi-Fi).
  const { citizen } = config.hall;
  const hallConfig = citizen.publicUrl || citizen.hallUrl ? config.hall : { ...config.hall, citizen: { ...citizen, publicUrl: region.regionUrl } };
  const hallConfigFile = join(dataDir, 'start-hall-config.json');
  writeFileSync(hallConfigFile, JSON.stringify(hallConfig, null, 2) + '\n');

  // Port 0 picks a free port at the first start; a restart reuses the port the child got, so pages reconnect to it.
  let hallPort = config.hallPort;
  const hall = supervise('hall', /^\{"ready":true/, HALL_NODE_FLAGS, bundles.hall, () => [
    '--data-dir', dataDir, '--port', String(hallPort), '--pack', packDir, '--config', hallConfigFile,
    '--region-url', region.regionUrl, '--region-enrol-code', region.enrolCode,
  ], HALL_PROCESS_ENV);
  const ready = JSON.parse(await hall.start()) as { url: string; setupCode?: string };
  hallPort = Number(new URL(ready.url).port);

  let bridgePort = config.bridgePort;
  const bridgeArgs = () => {
    const args = ['--port', String(bridgePort), '--printed-dir', join(dataDir, 'printed')];
    // The pages come from this hall, on whatever port it was given.
    for (const origin of pageOrigins(hallPort)) args.push('--allow-origin', origin);
    if (config.bridgeConfig) args.push('--config', resolve(ROOT, config.bridgeConfig));
    else args.push('--simulate');
    return args;
  };
  const bridgeProcess = supervise('bridge', /^\{"bridge"/, BRIDGE_NODE_FLAGS, bundles.bridge, bridgeArgs);
  const bridge = JSON.parse(await bridgeProcess.start()) as { bridge: string; port: number; simLink: 'pty' | 'memory' | null };
  bridgePort = bridge.port;
  const simulatedNote = config.bridgeConfig
    ? ''
    : bridge.simLink === 'memory'
      ? '  (模拟设备（进程内）simulated in-process: socat is not installed)'
      : '  (模拟设备 simulated devices)';

  const url = ready.url;
  const at = (path: string) => screenUrl(url, path, bridgePort);
  const windows = windowNumbers(packDir);
  console.log(`
医保经办大厅演示已启动 / demo hall running
  大厅服务 hall-server : ${url}   (data: ${dataDir})
  设备桥 device-bridge : ${bridge.bridge}${simulatedNote}
  区域中心 region      : ${region.regionUrl}   (嵌入式 PGlite 与模拟站点，启动中 embedded PGlite, simulated sites, starting; data: ${join(dataDir, 'region')})
${config.hall.demo ? '  演示模式：各终端页面自动配对 / demo mode: terminals pair automatically\n' : ''}
  取号机 kiosk        ${at('/kiosk')}
  叫号大屏 board      ${at('/board')}
  管理台 admin        ${at('/admin')}${setupLine(ready.setupCode, dataDir)}
${windows.map((n) => `  ${n}号窗口 评价器 pad ${at(`/pad/${n}`)}    叫号面板 counter ${at(`/counter/${n}`)}`).join('\n')}${staffLine(staffNumbers(packDir))}

按 Ctrl-C 停止 / press Ctrl-C to stop`);
  await region.start().then(
    (line) => {
      const sites = (JSON.parse(line) as { simulatedSites?: string[] }).simulatedSites ?? [];
      console.log(`[start] 区域中心已就绪 region ready: ${region.regionUrl}  (${sites.length} 个模拟站点已注册，每 2 秒上报 simulated sites enrolled, pushing every 2 s)
  区域管理台 region console  ${region.regionUrl}/region/
  预约 booking (phone)       ${region.regionUrl}/booking   (先在区域管理台“可预约设置”中为站点开放事项 / open items for booking in the console's 可预约设置 first)`);
      region.onSetupCode((code) =>
        console.log(`  区域管理台首次设置码 region console setup code: ${code}  （在 ${region.regionUrl}/region/ 首次设置时输入 / enter it in the region console's first-run setup）`),
      );
    },
    (error: unknown) => console.error(`[start] region did not start: ${(error as Error).message}; the hall runs without it`),
  );
}

function staffLine(staffNos: string[]): string {
  if (staffNos.length === 0) return '';
  return `\n  叫号面板登录工号 counter sign-in 工号: ${staffNos.join('、')}  （内容包 staff.json 的人员名单 / the pack's staff list）`;
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
