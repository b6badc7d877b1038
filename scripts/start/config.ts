// `npm start` options: command line and an optional JSON config file, validated with clear errors.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { describeIssues, HallConfig } from '../../hall-server/config/schema.ts';

const Port = z.number().int().min(0, '端口应在 0 到 65535 之间').max(65535, '端口应在 0 到 65535 之间');

const StartConfigFields = z.strictObject({
  dataDir: z.string().min(1).default('var'),
  hallPort: Port.default(4600),
  bridgePort: Port.default(4601),
  /** The demo region (PGlite, simulated sites). */
  regionPort: Port.default(4700),
  /** Content pack folder. */
  pack: z.string().min(1).default('content/packs/sample'),
  /** The hall-server's own config (see hall-server/config/schema.ts); the demo hall by default. */
  hall: HallConfig.default(HallConfig.parse({ demo: true, queue: { enforceIssuingHours: false } })),
  /** A device-bridge config file naming real serial paths and HID ids; without it the bridge simulates every device. */
  bridgeConfig: z.string().min(1).optional(),
  /** Use dist/ as it is, even if older than the sources. */
  skipBuild: z.boolean().default(false),
});

/** The three servers listen on one address: a port given twice (port 0 picks a free one each) would start one of them
 * and leave the other failing to listen, restarted again and again. */
export const StartConfig = StartConfigFields.superRefine((config, ctx) => {
  const named = [
    ['hallPort', '--hall-port', config.hallPort],
    ['bridgePort', '--bridge-port', config.bridgePort],
    ['regionPort', '--region-port', config.regionPort],
  ] as const;
  for (let i = 0; i < named.length; i++) {
    for (let j = 0; j < i; j++) {
      const [field, option, port] = named[i]!;
      const [, earlier, earlierPort] = named[j]!;
      if (port !== 0 && port === earlierPort) {
        ctx.addIssue({ code: 'custom', path: [field], message: `${option} 与 ${earlier} 都是 ${port}，每个服务需要各自的端口` });
      }
    }
  }
});
export type StartConfig = z.infer<typeof StartConfig>;

export const HELP = `npm start — 启动演示大厅（大厅服务 + 设备桥 + 各终端页面）

用法: npm start -- [选项]

  --data-dir DIR      数据目录（SQLite 数据库与密钥），默认 var
  --hall-port N       大厅服务端口，默认 4600
  --bridge-port N     设备桥端口，默认 4601
  --region-port N     区域中心（嵌入式 PGlite 与模拟站点）端口，默认 4700
  --pack DIR          内容包目录，默认 content/packs/sample
  --config FILE       JSON 配置文件（字段: dataDir, hallPort, bridgePort, regionPort, pack, hall, bridgeConfig）；命令行选项优先
  --skip-build        不重新构建界面，直接使用现有的 dist/
  --help              显示本说明

Ctrl-C 停止全部进程。`;

export class StartConfigError extends Error {}

export function parseStartArgs(argv: string[]): StartConfig | 'help' {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        'data-dir': { type: 'string' },
        'hall-port': { type: 'string' },
        'bridge-port': { type: 'string' },
        'region-port': { type: 'string' },
        pack: { type: 'string' },
        config: { type: 'string' },
        'skip-build': { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }).values;
  } catch (err) {
    throw new StartConfigError(`${(err as Error).message}\n\n${HELP}`);
  }
  if (values.help) return 'help';
  let fromFile: Record<string, unknown> = {};
  if (values.config) {
    let text: string;
    try {
      text = readFileSync(values.config, 'utf8');
    } catch {
      throw new StartConfigError(`找不到配置文件 ${values.config}`);
    }
    try {
      fromFile = JSON.parse(text) as Record<string, unknown>;
    } catch (err) {
      throw new StartConfigError(`配置文件 ${values.config} 不是有效的 JSON：${(err as Error).message}`);
    }
  }
  const port = (name: string, v: string | undefined) => {
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v)) throw new StartConfigError(`--${name} 应为端口号（0 到 65535），收到 "${v}"`);
    return Number(v);
  };
  const merged = {
    ...fromFile,
    ...(values['data-dir'] !== undefined ? { dataDir: values['data-dir'] } : {}),
    ...(values['hall-port'] !== undefined ? { hallPort: port('hall-port', values['hall-port']) } : {}),
    ...(values['bridge-port'] !== undefined ? { bridgePort: port('bridge-port', values['bridge-port']) } : {}),
    ...(values['region-port'] !== undefined ? { regionPort: port('region-port', values['region-port']) } : {}),
    ...(values.pack !== undefined ? { pack: values.pack } : {}),
    ...(values['skip-build'] ? { skipBuild: true } : {}),
  };
  const parsed = StartConfig.safeParse(merged);
  if (!parsed.success) throw new StartConfigError(`配置有误${values.config ? `（${values.config}）` : ''}：\n${describeIssues(parsed.error)}`);
  return parsed.data;
}
