// HID pads without hardware (no uhid here): a fake device object with node-hid's interface, fed by the simulator.
import { EventEmitter } from 'node:events';
import { reportsForAction, type KeypadModel } from '../codecs/keymap.ts';
import { TransportError } from '../transports/types.ts';
import type { HidDeviceLike, HidOpener } from '../transports/hid.ts';

export class FakeHidDevice extends EventEmitter implements HidDeviceLike {
  closed = false;
  async close(): Promise<void> {
    this.closed = true;
    this.removeAllListeners();
  }
}

export class SimKeypad {
  private device: FakeHidDevice | null = null;
  private plugged = true;

  constructor(readonly model: KeypadModel) {}

  /** What the driver's HidTransport calls instead of node-hid's HIDAsync.open. */
  readonly opener: HidOpener = async () => {
    if (!this.plugged) throw new TransportError('not_found', `simulated HID ${this.model.device} is unplugged`);
    this.device = new FakeHidDevice();
    return this.device;
  };

  press(action: string): boolean {
    const reports = reportsForAction(this.model, action);
    if (!this.device || this.device.closed || reports.length === 0) return false;
    for (const report of reports) this.device.emit('data', Buffer.from(report));
    return true;
  }

  unplug(): void {
    this.plugged = false;
    const device = this.device;
    this.device = null;
    device?.emit('error', new Error('could not read from HID device'));
  }

  replug(): void {
    this.plugged = true;
  }
}
