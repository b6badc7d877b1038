// A private pcscd with the vpcd virtual reader, for tests of the real PC/SC stack (pcsclite addon → pcscd → vpcd →
// simulated card). It runs in its own mount namespace with /run/pcscd bound to a temp dir and vpcd on a free port,
// so a system pcscd (or another test run) on this machine is left alone. Fails loudly when a package is missing.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const VPCD_DRIVER = '/usr/lib/pcsc/drivers/serial/libifdvpcd.so';

/** Throws a message naming the Debian package to install when pcscd, vpcd or unshare is missing. */
export function requirePcscTools(): void {
  if (spawnSync('pcscd', ['--version']).error) throw new Error('pcscd is not installed: the PC/SC tests need it (apt-get install pcscd libpcsclite-dev)');
  if (!existsSync(VPCD_DRIVER)) throw new Error(`the vpcd virtual reader driver (${VPCD_DRIVER}) is missing: apt-get install vsmartcard-vpcd`);
  if (spawnSync('unshare', ['--version']).error) throw new Error('unshare is not installed: apt-get install util-linux');
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no free port');
  return address.port;
}

export class PrivatePcscd {
  private child: ChildProcess | null = null;
  private output = '';

  private constructor(
    private readonly workDir: string,
    /** The socket clients reach pcscd on (PCSCLITE_CSOCK_NAME). */
    readonly socketPath: string,
    readonly vpcdPort: number,
  ) {}

  /** Prepares the temp dirs and reader config and points this process's PC/SC clients at the private socket. */
  static async create(): Promise<PrivatePcscd> {
    requirePcscTools();
    const workDir = mkdtempSync(join(tmpdir(), 'yibao-test-pcscd-'));
    mkdirSync(join(workDir, 'run'));
    mkdirSync(join(workDir, 'reader.conf.d'));
    const port = await freePort();
    const hex = `0x${port.toString(16).toUpperCase()}`;
    writeFileSync(
      join(workDir, 'reader.conf.d', 'vpcd'),
      `FRIENDLYNAME "Virtual PCD"\nDEVICENAME   /dev/null:${hex}\nLIBPATH      ${VPCD_DRIVER}\nCHANNELID    ${hex}\n`,
    );
    const pcscd = new PrivatePcscd(workDir, join(workDir, 'run', 'pcscd.comm'), port);
    // libpcsclite reads this once, at the first PC/SC call of the process.
    process.env.PCSCLITE_CSOCK_NAME = pcscd.socketPath;
    return pcscd;
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** Starts pcscd in the foreground and resolves when its socket is there. */
  async start(timeoutMs = 10_000): Promise<void> {
    if (this.child) return;
    const script = 'mkdir -p /run/pcscd && mount --bind "$1" /run/pcscd && exec pcscd --foreground --error -c "$2"';
    const child = spawn('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', script, 'sh', join(this.workDir, 'run'), join(this.workDir, 'reader.conf.d')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.output = '';
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.once('exit', () => {
      if (this.child === child) this.child = null;
    });
    const deadline = Date.now() + timeoutMs;
    while (!existsSync(this.socketPath)) {
      if (this.child !== child) throw new Error(`pcscd exited at start (needs root for its private /run/pcscd): ${this.output.trim()}`);
      if (Date.now() > deadline) throw new Error(`pcscd did not create ${this.socketPath} within ${timeoutMs} ms: ${this.output.trim()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Stops the pcscd this helper started (and only that one). */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(killer);
    this.child = null;
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.workDir, { recursive: true, force: true });
  }
}
