// ESC/POS ticket printer: real-time status (DLE EOT 1..4) before and after every job. A job counts as printed
// only when the status after it is clean; a printer that cannot print refuses the job with the reason.
import type { PrintResult } from '../../protocol/bridge/messages.ts';
import { concatBytes, EscPosBuilder, realtimeStatusRequest } from '../codecs/escpos.ts';
import {
  blockingProblem,
  decodeStatusByte,
  isStatusByte,
  PRINTER_PROBLEM_TEXT,
  type PrinterStatus,
} from '../codecs/escpos-status.ts';
import type { ByteTransport } from '../transports/types.ts';
import type { Logger } from '../util/log.ts';
import { PatientTimer } from '../util/patient-timer.ts';
import { DeviceTimeoutError } from '../util/wake.ts';
import { Driver, type DriverTiming } from './driver.ts';

export interface PrinterTiming extends DriverTiming {
  /** Status poll while idle, so paper-out shows in the console before a citizen needs a ticket. */
  statusIntervalMs: number;
  statusTimeoutMs: number;
}

export const DEFAULT_PRINTER_TIMING: PrinterTiming = { reconnectMs: 1_000, statusIntervalMs: 2_000, statusTimeoutMs: 800 };

const STATUS_QUERIES = [1, 2, 3, 4] as const;
/** How long the next status request waits for the answers a timed-out one still owes. */
const DRAIN_MS = 500;

export class PrinterDriver extends Driver<ByteTransport> {
  private readonly received: number[] = [];
  private byteArrived: (() => void) | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** Status bytes still owed by a request that timed out. */
  private owed = 0;

  constructor(transport: ByteTransport, log: Logger, private readonly printerTiming: PrinterTiming, simulated: boolean) {
    super('printer', transport, log, printerTiming, simulated);
    transport.onData((chunk) => {
      this.received.push(...chunk);
      this.byteArrived?.();
    });
  }

  protected override onClosed(): void {
    this.received.length = 0;
    this.owed = 0;
    this.byteArrived?.();
  }

  protected async whileOpen(): Promise<void> {
    while (this.connected) {
      await this.exclusive(() => this.refreshStatus()).catch(() => undefined);
      // A poll cut short by the port closing (the driver stopping) ends the loop now, not after one more interval.
      if (this.connected) await this.waker.sleep(this.printerTiming.statusIntervalMs);
    }
  }

  /** Runs one printer conversation at a time (status polls and jobs must not interleave). */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Status bytes of DLE EOT 1..4, in order, from the bytes received since the request. The printer numbers nothing,
   * so a byte that comes after its request gave up is still owed: `drainOwed` throws those away before the next request.
   */
  private async statusBytes(timeoutMs: number): Promise<number[]> {
    const bytes: number[] = [];
    let expired = false;
    const timer = new PatientTimer(timeoutMs, () => {
      expired = true;
      this.byteArrived?.();
    });
    try {
      while (bytes.length < STATUS_QUERIES.length) {
        const byte = this.received.shift();
        if (byte === undefined) {
          if (expired || !this.transport.isOpen) {
            this.owed = STATUS_QUERIES.length - bytes.length;
            throw new DeviceTimeoutError(`printer DLE EOT ${STATUS_QUERIES[bytes.length]}`, timeoutMs);
          }
          await new Promise<void>((resolve) => (this.byteArrived = resolve));
          this.byteArrived = null;
          continue;
        }
        if (isStatusByte(byte)) bytes.push(byte);
        else this.log('debug', `printer: dropped non-status byte 0x${byte.toString(16)}`);
      }
      return bytes;
    } finally {
      timer.cancel();
    }
  }

  /** Waits (at most DRAIN_MS) for the status bytes a timed-out request still owes, and drops them. */
  private async drainOwed(): Promise<void> {
    if (this.owed > 0) {
      let expired = false;
      const timer = new PatientTimer(DRAIN_MS, () => {
        expired = true;
        this.byteArrived?.();
      });
      while (!expired && this.transport.isOpen && this.received.filter(isStatusByte).length < this.owed) {
        await new Promise<void>((resolve) => (this.byteArrived = resolve));
        this.byteArrived = null;
      }
      timer.cancel();
      const late = this.received.filter(isStatusByte).length;
      if (late > 0) this.log('warn', `printer: ${late} status bytes came after their request timed out; discarded`);
      this.owed = 0;
    }
    this.received.length = 0;
  }

  /**
   * Asks DLE EOT 1..4 (in one write; the replies come back in order) and updates health. `queuedBytes` were written just
   * before and reach the printer first: at a known line speed their time on the wire is added to the wait.
   */
  private async refreshStatus(queuedBytes = 0): Promise<PrinterStatus> {
    await this.drainOwed();
    let status = {} as PrinterStatus;
    try {
      await this.transport.write(concatBytes(STATUS_QUERIES.map((query) => realtimeStatusRequest(query))));
      const baud = this.transport.baudRate;
      const onTheWire = baud ? Math.ceil(((queuedBytes + 8) * 10 * 1000) / baud) : 0;
      const bytes = await this.statusBytes(this.printerTiming.statusTimeoutMs + onTheWire);
      STATUS_QUERIES.forEach((query, i) => (status = { ...status, ...decodeStatusByte(query, bytes[i] as number) }));
    } catch (error) {
      if (error instanceof DeviceTimeoutError && this.connected) this.setHealth('offline', 'no_reply', '打印机无响应，请检查电源和连接');
      throw error;
    }
    const problem = blockingProblem(status);
    if (problem) this.setHealth('offline', problem, PRINTER_PROBLEM_TEXT[problem]);
    else if (status.paperNearEnd) this.setHealth('degraded', 'paper_near_end', PRINTER_PROBLEM_TEXT.paper_near_end);
    else this.setHealth('ok', 'ok', '工作正常');
    return status;
  }

  print(job: Uint8Array): Promise<PrintResult> {
    return this.exclusive(async () => {
      if (!this.connected) return { ok: false, code: 'printer_offline', message: '打印机未连接，小票无法打印' } as const;
      let before: PrinterStatus;
      try {
        before = await this.refreshStatus();
      } catch {
        return { ok: false, code: 'no_reply', message: '打印机无响应，小票无法打印' } as const;
      }
      const refused = blockingProblem(before);
      if (refused) return { ok: false, code: refused, message: `${PRINTER_PROBLEM_TEXT[refused]}，小票无法打印` } as const;

      try {
        await this.transport.write(job);
      } catch {
        return { ok: false, code: 'printer_offline', message: '打印过程中打印机断开，小票可能未打出' } as const;
      }
      let after: PrinterStatus;
      try {
        after = await this.refreshStatus(job.length);
      } catch {
        return { ok: false, code: 'no_reply', message: '打印后打印机无响应，小票可能未打出' } as const;
      }
      const failed = blockingProblem(after);
      if (failed) return { ok: false, code: failed, message: `打印过程中${PRINTER_PROBLEM_TEXT[failed]}，小票可能不完整` } as const;
      this.log('info', `printer: job of ${job.length} bytes printed`);
      return after.paperNearEnd
        ? { ok: true, code: 'printed', message: '小票已打印', warning: { code: 'paper_near_end', message: PRINTER_PROBLEM_TEXT.paper_near_end } }
        : { ok: true, code: 'printed', message: '小票已打印' };
    });
  }

  /** ESC B: buzzer, where the model has one. */
  beep(times: number): Promise<void> {
    return this.exclusive(() => this.transport.write(new EscPosBuilder().beep(times).bytes()));
  }
}
