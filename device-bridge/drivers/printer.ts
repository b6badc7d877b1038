// ESC/POS ticket printer: real-time status (DLE EOT 1..4) before and after every job. A job counts as printed
// only when the status after it is clean; a printer that cannot print refuses the job with the reason.
import type { PrintResult } from '../protocol/messages.ts';
import { concatBytes, EscPosBuilder, realtimeStatusRequest } from '../codecs/escpos.ts';
import {
  blockingProblem,
  decodeStatusByte,
  isStatusByte,
  PRINTER_PROBLEM_TEXT,
  type PrinterStatus,
  type StatusQuery,
} from '../codecs/escpos-status.ts';
import type { ByteTransport } from '../transports/types.ts';
import type { Logger } from '../util/log.ts';
import { DeviceTimeoutError } from '../util/wake.ts';
import { Driver, type DriverTiming } from './driver.ts';

export interface PrinterTiming extends DriverTiming {
  /** Status poll while idle, so paper-out shows in the console before a citizen needs a ticket. */
  statusIntervalMs: number;
  statusTimeoutMs: number;
}

export const DEFAULT_PRINTER_TIMING: PrinterTiming = { reconnectMs: 1_000, statusIntervalMs: 2_000, statusTimeoutMs: 800 };

export class PrinterDriver extends Driver<ByteTransport> {
  private readonly received: number[] = [];
  private byteArrived: (() => void) | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(transport: ByteTransport, log: Logger, private readonly printerTiming: PrinterTiming, simulated: boolean) {
    super('printer', transport, log, printerTiming, simulated);
    transport.onData((chunk) => {
      this.received.push(...chunk);
      this.byteArrived?.();
    });
  }

  protected override onClosed(): void {
    this.received.length = 0;
    this.byteArrived?.();
  }

  protected async whileOpen(): Promise<void> {
    while (this.connected) {
      await this.exclusive(() => this.refreshStatus()).catch(() => undefined);
      await this.waker.sleep(this.printerTiming.statusIntervalMs);
    }
  }

  /** Runs one printer conversation at a time (status polls and jobs must not interleave). */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async nextStatusByte(query: StatusQuery, deadline: number): Promise<number> {
    for (;;) {
      while (this.received.length > 0) {
        const byte = this.received.shift() as number;
        if (isStatusByte(byte)) return byte;
        this.log('debug', `printer: dropped non-status byte 0x${byte.toString(16)}`);
      }
      const left = deadline - Date.now();
      if (left <= 0 || !this.transport.isOpen) throw new DeviceTimeoutError(`printer DLE EOT ${query}`, this.printerTiming.statusTimeoutMs);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.byteArrived = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.byteArrived = null;
    }
  }

  /** Asks DLE EOT 1..4 (in one write; the replies come back in order) and updates health. */
  private async refreshStatus(): Promise<PrinterStatus> {
    this.received.length = 0;
    let status = {} as PrinterStatus;
    try {
      const queries = [1, 2, 3, 4] as const;
      await this.transport.write(concatBytes(queries.map((query) => realtimeStatusRequest(query))));
      const deadline = Date.now() + this.printerTiming.statusTimeoutMs;
      for (const query of queries) status = { ...status, ...decodeStatusByte(query, await this.nextStatusByte(query, deadline)) };
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
        after = await this.refreshStatus();
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
