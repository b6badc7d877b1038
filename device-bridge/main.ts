// device-bridge command line: one per terminal, 127.0.0.1 only.
import { parseArgs } from 'node:util';
import { DEFAULT_BRIDGE_PORT } from '../protocol/bridge/messages.ts';
import { ConfigError, loadConfigFile } from './config/load.ts';
import { BridgeConfigSchema } from './config/schema.ts';
import { SocatMissingError, socatAvailable } from './simulators/link.ts';
import { simulatedDevices } from './server/devices.ts';
import { startBridge } from './server/start.ts';
import { consoleLogger } from './util/log.ts';

const HELP = `Usage: tsx device-bridge/main.ts [options]

Runs the device-bridge of one terminal: drivers for the ticket printer, ID card and social-security card readers,
QR scanner and HID keypads, and a WebSocket for the page on ws://127.0.0.1:<port>/.

Options:
  --port N           port on 127.0.0.1 (default ${DEFAULT_BRIDGE_PORT}; 0 picks a free port)
  --config FILE      JSON config: allowed page origins, device paths, key maps (see device-bridge/REAL-DEVICES.md)
  --simulate         simulate every device the config does not name (socat pseudo-terminals, fake HID pads;
                     without socat the serial devices are simulated in-process, with a warning)
  --printed-dir DIR  where the simulated printer keeps tickets (default var/printed)
  --allow-origin URL also accept pages from this origin (repeatable), e.g. http://127.0.0.1:4600
  --verbose          debug logging
  --help             this text
`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        port: { type: 'string' },
        config: { type: 'string' },
        simulate: { type: 'boolean', default: false },
        'printed-dir': { type: 'string' },
        'allow-origin': { type: 'string', multiple: true },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const port = args.port === undefined ? DEFAULT_BRIDGE_PORT : Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    process.stderr.write(`--port must be a number from 0 to 65535, got ${args.port}\n`);
    return 2;
  }
  const log = consoleLogger(args.verbose ? 'debug' : 'info');
  try {
    const loaded = args.config ? loadConfigFile(args.config) : BridgeConfigSchema.parse({});
    const extraOrigins = BridgeConfigSchema.shape.allowedOrigins.parse(args['allow-origin'] ?? []);
    const config = { ...loaded, allowedOrigins: [...new Set([...loaded.allowedOrigins, ...extraOrigins])] };
    // Without socat (npm start on a machine where `npm test` never installed it) the demo still runs: the simulated
    // serial devices talk to their drivers over an in-process wire instead of pseudo-terminals.
    const needsPty = simulatedDevices(config.devices, args.simulate).serial.length > 0;
    const simLink = needsPty && !socatAvailable() ? 'memory' : 'pty';
    if (simLink === 'memory') {
      log('warn', 'socat is not installed: simulating the serial devices in-process, without virtual serial ports (Debian: apt-get install socat)');
    }
    const running = await startBridge({
      config,
      simulate: args.simulate,
      simLink,
      simLineBaud: 115_200,
      port,
      log,
      ...(args['printed-dir'] ? { printedDir: args['printed-dir'] } : {}),
    });
    // Machine-readable line for scripts that start the bridge on port 0.
    process.stdout.write(`${JSON.stringify({ bridge: running.url, port: running.port, simulate: args.simulate, simLink: needsPty ? simLink : null, ptyDir: running.bridge.sim?.ptyDir ?? null })}\n`);
    const shutdown = async (signal: string) => {
      log('info', `stopping on ${signal}`);
      await running.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    return -1;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof SocatMissingError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      process.stderr.write(`port ${port} on 127.0.0.1 is already in use (is another bridge running?)\n`);
      return 1;
    }
    throw error;
  }
}

const code = await main();
if (code >= 0) process.exit(code);
