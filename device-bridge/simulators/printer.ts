// An 80 mm ESC/POS printer: answers DLE EOT in real time, prints what it receives until the cut, and keeps each
// ticket under the printed directory as an SVG picture of the paper plus the decoded text.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EscPosDecoder } from '../codecs/escpos-decode.ts';
import { CLEAN_STATUS, encodeFullStatus, type PrinterStatus } from '../codecs/escpos-status.ts';
import { PAPER_COLUMNS, type Scale, type TicketBlock } from '../../protocol/bridge/ticket/blocks.ts';
import { blocksToSvg } from '../../protocol/bridge/ticket/svg.ts';
import type { ByteTransport } from '../transports/types.ts';
import { SimSerialDevice } from './serial-device.ts';

export interface PrintedTicket {
  svgPath: string;
  textPath: string;
  text: string;
  /** Printing stopped part-way (paper ran out or the cover opened). */
  incomplete: boolean;
}

export class SimPrinter extends SimSerialDevice {
  private decoder = new EscPosDecoder();
  private blocks: TicketBlock[] = [];
  private lines: string[] = [];
  private incomplete = false;
  private sequence = 0;
  paper: 'ok' | 'near_end' | 'out' = 'ok';
  coverOpen = false;
  /** Scripted fault: paper runs out after this many more bytes of print data. */
  private paperLeftBytes: number | null = null;
  readonly printed: PrintedTicket[] = [];
  private readonly listeners: ((ticket: PrintedTicket) => void)[] = [];

  constructor(
    wire: ByteTransport,
    private readonly printedDir: string,
  ) {
    super(wire);
  }

  onPrinted(listener: (ticket: PrintedTicket) => void): void {
    this.listeners.push(listener);
  }

  runOutOfPaperAfter(bytes: number): void {
    this.paperLeftBytes = bytes;
  }

  status(): PrinterStatus {
    const out = this.paper === 'out';
    return { ...CLEAN_STATUS, paperOut: out, stoppedAtPaperEnd: out, paperNearEnd: this.paper === 'near_end', coverOpen: this.coverOpen, offline: out || this.coverOpen };
  }

  private get canPrint(): boolean {
    return this.paper !== 'out' && !this.coverOpen;
  }

  protected receive(chunk: Uint8Array): void {
    let rest = chunk;
    if (this.paperLeftBytes !== null) {
      // The paper ends part-way through this chunk: print up to there, then go on without paper.
      const fits = Math.min(this.paperLeftBytes, rest.length);
      this.paperLeftBytes -= fits;
      this.handle(this.decoder.push(rest.subarray(0, fits)));
      rest = rest.subarray(fits);
      if (this.paperLeftBytes === 0) {
        this.paper = 'out';
        this.paperLeftBytes = null;
      }
    }
    if (rest.length > 0) this.handle(this.decoder.push(rest));
  }

  private handle(events: ReturnType<EscPosDecoder['push']>): void {
    for (const event of events) {
      if (event.type === 'status') {
        const byte = encodeFullStatus(this.status())[event.query - 1];
        if (byte !== undefined) void this.send(Uint8Array.of(byte));
        continue;
      }
      if (!this.canPrint) {
        if (event.type !== 'init') this.incomplete = true;
        if (event.type === 'cut') this.finish();
        continue;
      }
      switch (event.type) {
        case 'line': {
          const scale = Math.min(3, Math.max(1, event.scale)) as Scale;
          this.lines.push(event.text);
          if (/^-+$/.test(event.text) && event.text.length === PAPER_COLUMNS) this.blocks.push({ kind: 'rule' });
          else this.blocks.push({ kind: 'text', lines: [event.text], align: event.align, scale, bold: event.bold });
          break;
        }
        case 'qr': {
          const payload = new TextDecoder().decode(event.payload);
          this.lines.push(`[QR] ${payload}`);
          this.blocks.push({ kind: 'qr', payload });
          break;
        }
        case 'feed':
          this.blocks.push({ kind: 'feed', lines: event.lines });
          break;
        case 'cut':
          this.finish();
          break;
        default:
          break;
      }
    }
  }

  private finish(): void {
    if (this.blocks.length === 0 && !this.incomplete) return;
    mkdirSync(this.printedDir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const base = join(this.printedDir, `${stamp}-${String(++this.sequence).padStart(4, '0')}`);
    const text = (this.incomplete ? ['（打印中断，小票不完整）', ...this.lines] : this.lines).join('\n') + '\n';
    const ticket: PrintedTicket = { svgPath: `${base}.svg`, textPath: `${base}.txt`, text, incomplete: this.incomplete };
    writeFileSync(ticket.svgPath, blocksToSvg(this.blocks, '模拟打印机小票'));
    writeFileSync(ticket.textPath, text);
    this.blocks = [];
    this.lines = [];
    this.incomplete = false;
    this.printed.push(ticket);
    for (const listener of this.listeners) listener(ticket);
  }
}
