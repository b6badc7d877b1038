// Serial transport over the real `serialport` stack (USB CDC/CH340 devices, and socat pseudo-terminals in tests).
import { existsSync } from 'node:fs';
import { SerialPort } from 'serialport';
import { TransportError, type ByteTransport } from './types.ts';

export interface SerialLocation {
  /** A plain path such as /dev/ttyUSB0: the fallback. */
  path?: string;
  /** A name under /dev/serial/by-id: stable across re-plugging, preferred. */
  byId?: string;
  /** Find the port by USB ids through SerialPort.list() (needs udev). */
  usb?: { vendorId: string; productId: string; serialNumber?: string };
}

export interface PortInfo {
  path: string;
  vendorId?: string;
  productId?: string;
  serialNumber?: string;
}

export const BY_ID_DIR = '/dev/serial/by-id';

/**
 * by-id first, then a USB id match, then the plain path. A failing port listing (no udev on this system)
 * is reported through `warn` and falls back to the configured path.
 */
export async function resolveSerialPath(
  location: SerialLocation,
  options: { exists?: (path: string) => boolean; list?: () => Promise<PortInfo[]>; warn?: (message: string) => void } = {},
): Promise<string> {
  const exists = options.exists ?? existsSync;
  const list = options.list ?? (() => SerialPort.list());
  if (location.byId) {
    const byId = location.byId.startsWith('/') ? location.byId : `${BY_ID_DIR}/${location.byId}`;
    if (exists(byId)) return byId;
  }
  if (location.usb) {
    try {
      const ports = await list();
      const match = ports.find(
        (port) =>
          port.vendorId?.toLowerCase() === location.usb?.vendorId.toLowerCase() &&
          port.productId?.toLowerCase() === location.usb?.productId.toLowerCase() &&
          (!location.usb?.serialNumber || port.serialNumber === location.usb.serialNumber),
      );
      if (match) return match.path;
    } catch (error) {
      options.warn?.(`serial port listing failed (${(error as Error).message}); falling back to the configured path`);
    }
  }
  if (location.path) return location.path;
  throw new TransportError('not_found', `no serial port found for ${JSON.stringify(location)}`);
}

export class SerialTransport implements ByteTransport {
  readonly kind = 'serial' as const;
  private port: SerialPort | null = null;
  private readonly dataListeners: ((chunk: Uint8Array) => void)[] = [];
  private readonly lostListeners: ((reason: string) => void)[] = [];
  private resolvedPath = '';

  constructor(
    private readonly location: SerialLocation,
    readonly baudRate = 115_200,
    private readonly warn: (message: string) => void = () => undefined,
  ) {}

  get description(): string {
    return `serial ${this.resolvedPath || this.location.byId || this.location.path || 'unresolved'} @${this.baudRate}`;
  }

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  async open(): Promise<void> {
    if (this.port) await this.close();
    this.resolvedPath = await resolveSerialPath(this.location, { warn: this.warn });
    const port = new SerialPort({ path: this.resolvedPath, baudRate: this.baudRate, autoOpen: false });
    await new Promise<void>((resolve, reject) =>
      port.open((error) => (error ? reject(new TransportError('open_failed', `cannot open ${this.resolvedPath}: ${error.message}`)) : resolve())),
    );
    this.port = port;
    port.on('data', (chunk: Buffer) => {
      for (const listener of this.dataListeners) listener(new Uint8Array(chunk));
    });
    // A port that closes without our asking was unplugged (or its pty went away).
    port.on('close', () => this.lost(port, 'port closed'));
    port.on('error', (error: Error) => this.lost(port, error.message));
  }

  private lost(port: SerialPort, reason: string): void {
    if (this.port !== port) return;
    this.port = null;
    if (port.isOpen) port.close(() => undefined);
    for (const listener of this.lostListeners) listener(reason);
  }

  write(bytes: Uint8Array): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) return Promise.reject(new TransportError('closed', 'serial port is not open'));
    return new Promise((resolve, reject) => {
      // The serialport stream keeps a write or a drain asked of a closing port until that port opens again, which it
      // never does: without this, a close between the write and its drain (the bridge stopping, an unplug) left the
      // write, and the driver waiting on it, pending for ever.
      const onClose = () => finish(new Error('port closed before the bytes were sent'));
      const finish = (error: Error | null | undefined) => {
        port.off('close', onClose);
        if (error) reject(new TransportError('write_failed', error.message));
        else resolve();
      };
      port.once('close', onClose);
      port.write(Buffer.from(bytes), (error) => {
        if (error) return finish(error);
        port.drain(finish);
      });
    });
  }

  async close(): Promise<void> {
    const port = this.port;
    this.port = null;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  onData(listener: (chunk: Uint8Array) => void): void {
    this.dataListeners.push(listener);
  }

  onLost(listener: (reason: string) => void): void {
    this.lostListeners.push(listener);
  }
}
