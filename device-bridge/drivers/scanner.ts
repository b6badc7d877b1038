// QR scanner: USB-COM lines or HID-POS reports → duplicate filter → classification → one scan event.
import type { ScanKind } from '../../protocol/bridge/messages.ts';
import { classifyScan, DuplicateScanFilter, HidPosAssembler, ScanLineFramer, type ScanClassifier } from '../codecs/scanner.ts';
import type { ByteTransport, ReportTransport } from '../transports/types.ts';
import type { Logger } from '../util/log.ts';
import { Driver, type DriverTiming } from './driver.ts';

export type ScanListener = (scan: { kind: ScanKind; payload: string }) => void;

/** A QR held under the scanner is read again and again: the same code within this window is one scan. */
const REPEAT_WINDOW_MS = 2_000;

/** Control characters mean line noise, not a code. */
const NOISE = /[\u0000-\u0008\u000b-\u001f\u007f\ufffd]/;

abstract class ScannerBase<T extends ByteTransport | ReportTransport> extends Driver<T> {
  private readonly duplicates = new DuplicateScanFilter(REPEAT_WINDOW_MS);

  constructor(transport: T, log: Logger, timing: DriverTiming, simulated: boolean, private readonly classifier: ScanClassifier) {
    super('scanner', transport, log, timing, simulated);
  }

  onScan(listener: ScanListener): void {
    this.events.on('scan', listener);
  }

  protected accept(payload: string): void {
    if (NOISE.test(payload)) {
      this.log('warn', `scanner: dropped a line of ${payload.length} characters with control bytes`);
      return;
    }
    if (!this.duplicates.accept(payload, Date.now())) {
      this.log('debug', `scanner: dropped the same code read again within ${REPEAT_WINDOW_MS / 1000} s`);
      return;
    }
    const kind = classifyScan(payload, this.classifier);
    this.log('info', `scanner: ${kind} code of ${payload.length} characters`);
    this.events.emit('scan', { kind, payload });
  }

  protected async whileOpen(): Promise<void> {
    this.setHealth('ok', 'ok', '工作正常');
    await this.untilLost();
  }
}

export class SerialScannerDriver extends ScannerBase<ByteTransport> {
  private framer = new ScanLineFramer();

  constructor(transport: ByteTransport, log: Logger, timing: DriverTiming, simulated: boolean, classifier: ScanClassifier) {
    super(transport, log, timing, simulated, classifier);
    transport.onData((chunk) => {
      for (const event of this.framer.push(chunk)) {
        if (event.type === 'line') this.accept(event.text);
        else this.log('warn', `scanner: dropped an over-long line of ${event.bytes} bytes`);
      }
    });
  }

  protected override onClosed(): void {
    this.framer = new ScanLineFramer();
  }
}

export class HidPosScannerDriver extends ScannerBase<ReportTransport> {
  private assembler = new HidPosAssembler();

  constructor(transport: ReportTransport, log: Logger, timing: DriverTiming, simulated: boolean, classifier: ScanClassifier) {
    super(transport, log, timing, simulated, classifier);
    transport.onReport((report) => {
      const payload = this.assembler.push(report);
      if (payload !== null) this.accept(payload);
    });
  }
}
