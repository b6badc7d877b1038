// ESC/POS command bytes for 80 mm Chinese ticket printers. Pure: returns bytes, talks to nothing.
import iconv from 'iconv-lite';

export type EscPosAlign = 'left' | 'center' | 'right';

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;
const EOT = 0x04;
const LF = 0x0a;

const ALIGN_CODES: Record<EscPosAlign, number> = { left: 0, center: 1, right: 2 };

/** Many printers only hold the two-byte GB18030 (GBK) area; four-byte characters are replaced with `fallback`. */
export function encodeGb18030TwoByte(text: string, fallback = '□'): Uint8Array {
  const fallbackBytes = iconv.encode(fallback, 'gb18030');
  const parts: Uint8Array[] = [];
  for (const char of text) {
    const bytes = iconv.encode(char, 'gb18030');
    parts.push(bytes.length === 4 ? fallbackBytes : bytes);
  }
  return concatBytes(parts);
}

export function concatBytes(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** DLE EOT n: real-time status request (n = 1 printer, 2 offline cause, 3 error cause, 4 paper sensor). */
export function realtimeStatusRequest(n: 1 | 2 | 3 | 4): Uint8Array {
  return Uint8Array.of(DLE, EOT, n);
}

export class EscPosBuilder {
  private readonly parts: Uint8Array[] = [];

  private push(...bytes: number[]): this {
    this.parts.push(Uint8Array.from(bytes));
    return this;
  }

  /** ESC @ then FS &: reset and switch Chinese (GB18030 double-byte) mode on. */
  init(): this {
    return this.push(ESC, 0x40).chineseMode(true);
  }

  chineseMode(on: boolean): this {
    return on ? this.push(FS, 0x26) : this.push(FS, 0x2e);
  }

  align(align: EscPosAlign): this {
    return this.push(ESC, 0x61, ALIGN_CODES[align]);
  }

  /** Width and height multipliers 1..8, for ASCII (GS !) and, within 1..2, for Chinese (FS !). */
  size(width: number, height: number): this {
    if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || width > 8 || height < 1 || height > 8) {
      throw new RangeError(`character size ${width}x${height} is outside 1..8`);
    }
    const chinese = (width > 1 ? 0x04 : 0) | (height > 1 ? 0x08 : 0);
    return this.push(GS, 0x21, ((width - 1) << 4) | (height - 1)).push(FS, 0x21, chinese);
  }

  bold(on: boolean): this {
    return this.push(ESC, 0x45, on ? 1 : 0);
  }

  text(value: string, fallback?: string): this {
    this.parts.push(encodeGb18030TwoByte(value, fallback));
    return this;
  }

  line(value = '', fallback?: string): this {
    return this.text(value, fallback).push(LF);
  }

  feed(lines: number): this {
    return this.push(ESC, 0x64, Math.max(0, Math.min(255, lines)));
  }

  /** QR model 2 via GS ( k: model, module size, error level, store (pL pH = data bytes + 3), print. */
  qr(data: Uint8Array, moduleSize = 6, errorLevel: 'L' | 'M' | 'Q' | 'H' = 'M'): this {
    if (moduleSize < 1 || moduleSize > 16) throw new RangeError(`QR module size ${moduleSize} is outside 1..16`);
    const stored = data.length + 3;
    if (stored > 0xffff) throw new RangeError(`QR data of ${data.length} bytes is too long`);
    const level = { L: 0x30, M: 0x31, Q: 0x32, H: 0x33 }[errorLevel];
    this.push(GS, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00);
    this.push(GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, moduleSize);
    this.push(GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, level);
    this.push(GS, 0x28, 0x6b, stored & 0xff, stored >> 8, 0x31, 0x50, 0x30);
    this.parts.push(data);
    return this.push(GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30);
  }

  /** Feed `lines` then partial cut (GS V 66 n). */
  cut(feedLines = 3): this {
    return this.push(GS, 0x56, 66, Math.max(0, Math.min(255, feedLines)));
  }

  /** ESC B n t: sound the buzzer n times (common on Chinese ticket printers). */
  beep(times: number): this {
    return this.push(ESC, 0x42, Math.max(1, Math.min(9, times)), 2);
  }

  bytes(): Uint8Array {
    return concatBytes(this.parts);
  }
}
