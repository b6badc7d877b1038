// hall-server command line: `tsx hall-server/main.ts` or, bundled, `node var/build/hall-server.mjs` `[--data-dir var] [--port 4600] [--host 127.0.0.1] [--pack DIR]
// [--config FILE] [--demo]`. Prints one JSON line `{"ready":true,"url":…}` when listening (scripts/start.ts waits for it).
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { ConfigError, loadHallConfigFile, parseHallConfig } from './config/load.ts';
import { HallDataError } from './core/db.ts';
import { KeyFileError } from './core/keys.ts';
import { hallCommandLine } from './core/node-flags.ts';
import { startHall } from './core/hall.ts';
import { loadStartupPack, StartupPackError } from './core/startup-pack.ts';
import { hallModules } from './modules.ts';

const HELP = `hall-server — 医保经办大厅服务

  --data-dir DIR   SQLite database and keys (default: var)
  --port N         HTTP/WebSocket port (default: 4600; 0 = any free port)
  --host ADDR      listen address (default: 127.0.0.1)
  --pack DIR       content pack folder to load at start
  --config FILE    hall config (JSON)
  --keys-file FILE key file (chmod 600, outside the data dir); default: the config's keysFile, else
                   $CREDENTIALS_DIRECTORY/hall-keys.json (systemd LoadCredential=); a demo hall makes <data-dir>-keys/
  --region-url URL         the region server (over the config's region.url)
  --region-enrol-code CODE one-time code from the region console: enrols this hall at start if not enrolled yet
  --demo           demo hall: terminals pair automatically, tickets at any hour
  --help           this text

In production run the bundle that \`npm start\` builds (scripts/build-servers.ts), with its allocator settings and V8 flags:
  ${hallCommandLine('var/build/hall-server.mjs')} …`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string', default: 'var' },
      port: { type: 'string', default: '4600' },
      host: { type: 'string', default: '127.0.0.1' },
      pack: { type: 'string' },
      config: { type: 'string' },
      'keys-file': { type: 'string' },
      'region-url': { type: 'string' },
      'region-enrol-code': { type: 'string' },
      demo: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const demoOverrides = {
    ...(values.demo ? { demo: true, queue: { enforceIssuingHours: false } } : {}),
    ...(values['keys-file'] ? { keysFile: resolve(values['keys-file']) } : {}),
  };
  const config = values.config ? loadHallConfigFile(values.config, demoOverrides) : parseHallConfig(demoOverrides);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`--port 应为 0 到 65535 的整数，收到 ${values.port}`);
  const startupPack = values.pack ? resolve(values.pack) : null;
  const dataDir = resolve(values['data-dir']);
  const hall = await startHall({
    dataDir,
    config,
    host: values.host,
    port,
    modules: hallModules(config, { url: values['region-url'], enrolCode: values['region-enrol-code'] }),
    startupPack,
    ...(startupPack ? { fallbackPack: loadStartupPack(startupPack, { dataDir, config }) } : {}),
  });
  const setup = hall.setup();
  // Before the ready line, on the same stream: whoever waits for "ready" has seen it.
  if (setup) console.log(`[hall] first-run setup code: ${setup.code} (also in ${setup.file}, readable by this user only); enter it at ${hall.url}/admin`);
  console.log(JSON.stringify({ ready: true, url: hall.url, port: hall.port, ...(setup ? { setupCode: setup.code } : {}) }));
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`[hall] ${signal}: closing`);
    hall.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof HallDataError || err instanceof StartupPackError || err instanceof KeyFileError) {
    console.error(`[hall] ${err.message}`);
  } else if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    const { port } = err as NodeJS.ErrnoException & { port?: number };
    console.error(`[hall] port ${port ?? ''} is already in use: start the hall on another one with --port`);
  } else console.error('[hall] failed to start:', err);
  process.exit(2);
});
