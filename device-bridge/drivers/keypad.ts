// Rating and caller keypads over HID: raw reports → the model's key map → key events.
import type { KeyPress } from '../../protocol/bridge/messages.ts';
import { KeypadDecoder, type KeypadModel } from '../codecs/keymap.ts';
import type { ReportTransport } from '../transports/types.ts';
import type { Logger } from '../util/log.ts';
import { Driver, type DriverTiming } from './driver.ts';

export class KeypadDriver extends Driver<ReportTransport> {
  private readonly decoder: KeypadDecoder;

  constructor(model: KeypadModel, transport: ReportTransport, log: Logger, timing: DriverTiming, simulated: boolean) {
    super(model.device, transport, log, timing, simulated);
    this.decoder = new KeypadDecoder(model);
    transport.onReport((report) => {
      const key = this.decoder.decode(report, Date.now());
      if (key) this.events.emit('key', key);
    });
  }

  onKey(listener: (key: KeyPress) => void): void {
    this.events.on('key', listener);
  }

  protected async whileOpen(): Promise<void> {
    this.setHealth('ok', 'ok', '工作正常');
    await this.untilLost();
  }
}
