// A USB-COM scanner: each code is sent as one line ending in CR LF.
import { SimSerialDevice } from './serial-device.ts';

export class SimScanner extends SimSerialDevice {
  constructor(wire: ConstructorParameters<typeof SimSerialDevice>[0], private readonly ending = '\r\n') {
    super(wire);
  }

  protected receive(): void {
    // A scanner in USB-COM mode ignores what the host sends it.
  }

  scan(code: string): Promise<void> {
    return this.send(new TextEncoder().encode(code + this.ending));
  }
}
