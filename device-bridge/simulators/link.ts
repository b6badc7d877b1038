// The wire between a simulated device and the bridge: a socat pseudo-terminal pair (the bridge opens one end
// through the real serialport stack, the simulator the other), or an in-memory pair. Unplug kills the wire.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryByteTransport } from '../transports/memory.ts';
import { SerialTransport } from '../transports/serial.ts';
import type { ByteTransport } from '../transports/types.ts';

export class SocatMissingError extends Error {
  constructor() {
    super('socat is not installed: virtual serial ports need it (Debian: apt-get install socat)');
    this.name = 'SocatMissingError';
  }
}

export function socatAvailable(): boolean {
  return spawnSync('socat', ['-V'], { stdio: 'ignore' }).status === 0;
}

/** With util-linux's setpriv, socat gets SIGTERM when the bridge dies, so a crashed bridge leaves no ptys behind. */
let setprivAvailable: boolean | undefined;
function socatCommand(args: string[]): [string, string[]] {
  setprivAvailable ??= spawnSync('setpriv', ['--version'], { stdio: 'ignore' }).status === 0;
  return setprivAvailable ? ['setpriv', ['--pdeathsig', 'TERM', 'socat', ...args]] : ['socat', args];
}

export interface SimLink {
  /** The end the bridge's driver opens. */
  readonly host: ByteTransport;
  /** The end the simulator speaks on. */
  readonly device: ByteTransport;
  readonly hostPath: string | null;
  unplug(): Promise<void>;
  replug(): Promise<void>;
  close(): Promise<void>;
}

async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export class PtyLink implements SimLink {
  readonly host: SerialTransport;
  readonly device: SerialTransport;
  readonly hostPath: string;
  private readonly devicePath: string;
  private socat: ChildProcess | null = null;

  private constructor(dir: string, name: string, baudRate: number) {
    this.hostPath = join(dir, name);
    this.devicePath = join(dir, `${name}.device`);
    this.host = new SerialTransport({ path: this.hostPath }, baudRate);
    this.device = new SerialTransport({ path: this.devicePath }, baudRate);
  }

  static async create(dir: string, name: string, baudRate = 115_200): Promise<PtyLink> {
    if (!socatAvailable()) throw new SocatMissingError();
    const link = new PtyLink(dir, name, baudRate);
    await link.replug();
    return link;
  }

  async replug(): Promise<void> {
    if (this.socat) return;
    const [command, args] = socatCommand(['-d', '-d', `pty,raw,echo=0,link=${this.hostPath}`, `pty,raw,echo=0,link=${this.devicePath}`]);
    const socat = spawn(command, args, { stdio: 'ignore' });
    this.socat = socat;
    socat.on('exit', () => {
      if (this.socat === socat) this.socat = null;
    });
    await waitFor(() => existsSync(this.hostPath) && existsSync(this.devicePath), 5_000, `socat links ${this.hostPath}`);
    await this.device.open();
  }

  async unplug(): Promise<void> {
    const socat = this.socat;
    if (!socat) return;
    this.socat = null;
    await this.device.close();
    const exited = new Promise<void>((resolve) => socat.once('exit', () => resolve()));
    socat.kill('SIGTERM');
    await exited;
    await waitFor(() => !existsSync(this.hostPath), 2_000, `socat links removed ${this.hostPath}`).catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.unplug();
  }
}

export class MemoryLink implements SimLink {
  readonly host: MemoryByteTransport;
  readonly device: MemoryByteTransport;
  readonly hostPath = null;

  constructor(name: string) {
    [this.host, this.device] = MemoryByteTransport.pair(name);
  }

  static async create(name: string): Promise<MemoryLink> {
    const link = new MemoryLink(name);
    await link.device.open();
    return link;
  }

  async unplug(): Promise<void> {
    this.host.unplug();
  }

  async replug(): Promise<void> {
    this.host.replug();
    await this.device.open();
  }

  async close(): Promise<void> {
    await this.host.close();
    await this.device.close();
  }
}
