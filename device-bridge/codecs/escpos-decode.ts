// Reads an ESC/POS byte stream back into what it prints (the printer simulator uses it, and tests check tickets with it).
// Stream-safe: a command split across chunks waits for its remaining bytes.
import iconv from 'iconv-lite';
import type { Align } from '../../protocol/bridge/ticket/blocks.ts';

export type EscPosEvent =
  | { type: 'status'; query: number }
  | { type: 'line'; text: string; align: Align; scale: number; bold: boolean }
  | { type: 'qr'; payload: Uint8Array }
  | { type: 'feed'; lines: number }
  | { type: 'cut' }
  | { type: 'beep'; times: number }
  | { type: 'init' }
  | { type: 'unknown'; byte: number };

const ALIGNS: Align[] = ['left', 'center', 'right'];

export class EscPosDecoder {
  private buffer = new Uint8Array(0);
  private lineBytes: number[] = [];
  private align: Align = 'left';
  private scale = 1;
  private bold = false;
  private qrData: Uint8Array | null = null;

  push(chunk: Uint8Array): EscPosEvent[] {
    const merged = new Uint8Array(this.buffer.length + chunk.length);
    merged.set(this.buffer);
    merged.set(chunk, this.buffer.length);
    const events: EscPosEvent[] = [];
    let i = 0;
    while (i < merged.length) {
      const used = this.step(merged, i, events);
      if (used === 0) break;
      i += used;
    }
    this.buffer = merged.slice(i);
    return events;
  }

  /** Bytes consumed at `i`, or 0 when the command there is not complete yet. */
  private step(bytes: Uint8Array, i: number, events: EscPosEvent[]): number {
    const b = bytes[i] as number;
    const need = (n: number) => (i + n <= bytes.length ? n : 0);
    const at = (k: number) => bytes[i + k] as number;
    if (b === 0x0a) {
      this.flushLine(events, true);
      return 1;
    }
    if (b === 0x10) {
      if (!need(3)) return 0;
      if (at(1) === 0x04) events.push({ type: 'status', query: at(2) });
      return 3;
    }
    if (b === 0x1b) {
      if (!need(2)) return 0;
      switch (at(1)) {
        case 0x40:
          this.align = 'left';
          this.scale = 1;
          this.bold = false;
          events.push({ type: 'init' });
          return 2;
        case 0x61:
          if (!need(3)) return 0;
          this.flushLine(events, false);
          this.align = ALIGNS[at(2) % 48] ?? 'left';
          return 3;
        case 0x45:
          if (!need(3)) return 0;
          this.bold = (at(2) & 1) === 1;
          return 3;
        case 0x64:
          if (!need(3)) return 0;
          this.flushLine(events, false);
          events.push({ type: 'feed', lines: at(2) });
          return 3;
        case 0x42:
          if (!need(4)) return 0;
          events.push({ type: 'beep', times: at(2) });
          return 4;
        default:
          if (!need(3)) return 0;
          events.push({ type: 'unknown', byte: at(1) });
          return 3;
      }
    }
    if (b === 0x1c) {
      if (!need(2)) return 0;
      if (at(1) === 0x26 || at(1) === 0x2e) return 2;
      if (!need(3)) return 0;
      return 3;
    }
    if (b === 0x1d) {
      if (!need(2)) return 0;
      if (at(1) === 0x21) {
        if (!need(3)) return 0;
        this.scale = (at(2) >> 4) + 1;
        return 3;
      }
      if (at(1) === 0x56) {
        if (!need(3)) return 0;
        const withFeed = at(2) === 65 || at(2) === 66;
        if (withFeed && !need(4)) return 0;
        this.flushLine(events, false);
        events.push({ type: 'cut' });
        return withFeed ? 4 : 3;
      }
      if (at(1) === 0x28 && need(3) && at(2) === 0x6b) {
        if (!need(5)) return 0;
        const length = at(3) + 256 * at(4);
        if (!need(5 + length)) return 0;
        const body = bytes.subarray(i + 5, i + 5 + length);
        if (body[0] === 0x31 && body[1] === 0x50) this.qrData = body.slice(3);
        if (body[0] === 0x31 && body[1] === 0x51 && this.qrData) {
          this.flushLine(events, false);
          events.push({ type: 'qr', payload: this.qrData });
        }
        return 5 + length;
      }
      if (!need(3)) return 0;
      events.push({ type: 'unknown', byte: at(1) });
      return 3;
    }
    if (b < 0x20) return 1;
    this.lineBytes.push(b);
    return 1;
  }

  private flushLine(events: EscPosEvent[], always: boolean): void {
    if (!always && this.lineBytes.length === 0) return;
    const text = iconv.decode(Buffer.from(this.lineBytes), 'gb18030');
    this.lineBytes = [];
    events.push({ type: 'line', text, align: this.align, scale: this.scale, bold: this.bold });
  }
}
