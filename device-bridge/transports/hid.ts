// HID transport: node-hid is loaded only when a HID device is configured, so a terminal without HID
// (or without libusb) still starts. Simulated pads plug in through the same device interface.
import { EventEmitter } from 'node:events';
import { TransportError, type ReportTransport } from './types.ts';

/** The part of node-hid's HIDAsync device the bridge uses; a fake device implements the same. */
export interface HidDeviceLike {
  on(event: 'data', listener: (data: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  close(): Promise<void> | void;
}

export type HidOpener = () => Promise<HidDeviceLike>;

/** Opens a device by vendor and product id with node-hid, imported on first use. */
export function nodeHidOpener(vendorId: number, productId: number): HidOpener {
  return async () => {
    let hid: typeof import('node-hid');
    try {
      hid = await import('node-hid');
    } catch (error) {
      throw new TransportError('open_failed', `node-hid cannot load (${(error as Error).message})`);
    }
    try {
      const device = await hid.HIDAsync.open(vendorId, productId);
      return device as unknown as HidDeviceLike;
    } catch (error) {
      throw new TransportError('not_found', `HID ${vendorId.toString(16)}:${productId.toString(16)} not available (${(error as Error).message})`);
    }
  };
}

export class HidTransport implements ReportTransport {
  private device: HidDeviceLike | null = null;
  private readonly events = new EventEmitter();

  constructor(
    readonly kind: 'hid' | 'simulated',
    readonly description: string,
    private readonly opener: HidOpener,
  ) {}

  get isOpen(): boolean {
    return this.device !== null;
  }

  async open(): Promise<void> {
    const device = await this.opener();
    this.device = device;
    device.on('data', (data) => {
      if (this.device === device) this.events.emit('report', new Uint8Array(data));
    });
    device.on('error', (error) => {
      if (this.device !== device) return;
      this.device = null;
      void Promise.resolve(device.close()).catch(() => undefined);
      this.events.emit('lost', error.message);
    });
  }

  async close(): Promise<void> {
    const device = this.device;
    this.device = null;
    if (device) await device.close();
  }

  onReport(listener: (report: Uint8Array) => void): void {
    this.events.on('report', listener);
  }

  onLost(listener: (reason: string) => void): void {
    this.events.on('lost', listener);
  }
}
