// The demo region of `npm start`: the region-server on embedded PGlite (its data under the demo's data dir, its key
// file beside it, outside the database), with the demo catalogue, the demo hall's site and simulated sites. Its URL
// and the demo hall's one-time enrolment code are known before it is up, so the hall never waits for the region.
import { createServer } from 'node:net';
import { join } from 'node:path';
import { newEnrolmentCode } from '../../region-server/sites/enrol.ts';
import { ensureDemoKeysFile } from '../../region-server/simulate/demo-keys.ts';
import { buildRegionIfStale } from './region-bundle.ts';
import { SupervisedChild } from './supervisor.ts';

export interface DemoRegion {
  /** What the demo hall is started with (`--region-url`, `--region-enrol-code`). */
  regionUrl: string;
  enrolCode: string;
  child: SupervisedChild;
  /** Bundles the region if stale and starts it; resolves with its ready line. */
  start(): Promise<string>;
  /** Calls `listener` with the region console's first-run setup code once the region prints it (at once if it has):
   * only a region without console accounts prints one. */
  onSetupCode(listener: (code: string) => void): void;
}

/** The line region-server/main.ts prints on stderr for the person at the console. */
const SETUP_CODE_LINE = /region console setup code \(at \/region\/\): (\S+)/;

/** PGlite's first start creates the database (tens of seconds on a busy machine). */
const REGION_READY_TIMEOUT_MS = 300_000;

/** A port nobody listens on now, for a region asked to run on port 0: the URL must be known before it starts. */
function freeLoopbackPort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

export async function demoRegion(root: string, dataDir: string, port: number): Promise<DemoRegion> {
  const keysFile = join(dataDir, 'region-keys.json');
  ensureDemoKeysFile(keysFile);
  const regionPort = port === 0 ? await freeLoopbackPort() : port;
  const enrolCode = newEnrolmentCode();
  let bundle = '';
  let setupCode: string | null = null;
  const setupCodeListeners: ((code: string) => void)[] = [];
  const child = new SupervisedChild({
    name: 'region',
    command: process.execPath,
    args: () => [
      bundle,
      '--data-dir', join(dataDir, 'region'), '--port', String(regionPort), '--keys-file', keysFile,
      '--demo', '--demo-enrol-code', enrolCode,
    ],
    cwd: root,
    ready: /"message":"demo ready"/,
    readyTimeoutMs: REGION_READY_TIMEOUT_MS,
    log: (line) => console.error(line),
    onStderrLine: (line) => {
      const code = SETUP_CODE_LINE.exec(line)?.[1];
      if (!code || code === setupCode) return;
      setupCode = code;
      for (const listener of setupCodeListeners) listener(code);
    },
  });
  return {
    regionUrl: `http://127.0.0.1:${regionPort}`,
    enrolCode,
    child,
    async start() {
      bundle = await buildRegionIfStale(root, (line) => console.log(line));
      return child.start();
    },
    onSetupCode(listener) {
      setupCodeListeners.push(listener);
      if (setupCode) listener(setupCode);
    },
  };
}
