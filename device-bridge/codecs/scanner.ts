// QR scanner input: USB-COM lines, HID-POS reports, duplicate suppression and payload classification.
import type { ScanKind } from '../../protocol/bridge/messages.ts';

/** A scanner line may be long (医保电子凭证 and data QR codes); beyond this the line is dropped as noise. */
export const MAX_SCAN_LINE_BYTES = 16 * 1024;

export type LineEvent = { type: 'line'; text: string } | { type: 'overflow'; bytes: number };

/** Splits a byte stream into lines ending in CR, LF or CRLF (CRLF split across chunks is one ending). */
export class ScanLineFramer {
  private parts: Uint8Array[] = [];
  private length = 0;
  private overflowed = 0;
  private lastWasCr = false;
  private readonly decoder = new TextDecoder('utf-8');

  push(chunk: Uint8Array): LineEvent[] {
    const events: LineEvent[] = [];
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte !== 0x0a && byte !== 0x0d) continue;
      const skipLf = byte === 0x0a && this.lastWasCr && i === start && this.length === 0 && this.overflowed === 0;
      this.lastWasCr = byte === 0x0d;
      if (skipLf) {
        start = i + 1;
        continue;
      }
      this.append(chunk.subarray(start, i));
      start = i + 1;
      const line = this.take();
      if (line) events.push(line);
    }
    if (start < chunk.length) {
      this.lastWasCr = false;
      this.append(chunk.subarray(start));
    }
    return events;
  }

  private append(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    if (this.overflowed > 0 || this.length + bytes.length > MAX_SCAN_LINE_BYTES) {
      this.overflowed += this.length + bytes.length;
      this.parts = [];
      this.length = 0;
      return;
    }
    this.parts.push(bytes.slice());
    this.length += bytes.length;
  }

  private take(): LineEvent | null {
    if (this.overflowed > 0) {
      const bytes = this.overflowed;
      this.overflowed = 0;
      return { type: 'overflow', bytes };
    }
    if (this.length === 0) return null;
    const joined = new Uint8Array(this.length);
    let offset = 0;
    for (const part of this.parts) {
      joined.set(part, offset);
      offset += part.length;
    }
    this.parts = [];
    this.length = 0;
    const text = this.decoder.decode(joined).trim();
    return text === '' ? null : { type: 'line', text };
  }
}

/**
 * HID-POS (usage page 0x8C) scanned-data report: byte 0 report id (2), byte 1 data length, data from byte 2,
 * then a 3-byte AIM symbology id, and in a 64-byte report byte 63 bit 0 set when more data follows.
 */
export const HID_POS_REPORT_ID = 0x02;

export interface HidPosChunk {
  data: Uint8Array;
  symbology: string;
  more: boolean;
}

export function parseHidPosReport(report: Uint8Array): HidPosChunk | null {
  if (report.length < 2 || report[0] !== HID_POS_REPORT_ID) return null;
  const length = report[1] as number;
  if (2 + length > report.length) return null;
  const symbologyBytes = report.subarray(2 + length, 2 + length + 3);
  return {
    data: report.slice(2, 2 + length),
    symbology: String.fromCharCode(...symbologyBytes).replace(/\0+$/, ''),
    more: report.length === 64 && ((report[63] as number) & 0x01) === 1,
  };
}

/** Joins HID-POS chunks of one scan. */
export class HidPosAssembler {
  private parts: Uint8Array[] = [];

  push(report: Uint8Array): string | null {
    const chunk = parseHidPosReport(report);
    if (!chunk) return null;
    this.parts.push(chunk.data);
    if (chunk.more) return null;
    const all = Buffer.concat(this.parts);
    this.parts = [];
    const text = new TextDecoder('utf-8').decode(all).replace(/[\r\n]+$/, '');
    return text === '' ? null : text;
  }
}

/** Builds HID-POS reports for a payload (the simulated HID scanner sends these). */
export function encodeHidPosReports(payload: string, symbology = ']Q1'): Uint8Array[] {
  const bytes = new TextEncoder().encode(payload);
  const perReport = 56;
  const reports: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length || reports.length === 0; offset += perReport) {
    const part = bytes.subarray(offset, offset + perReport);
    const report = new Uint8Array(64);
    report[0] = HID_POS_REPORT_ID;
    report[1] = part.length;
    report.set(part, 2);
    report.set(new TextEncoder().encode(symbology).subarray(0, 3), 2 + part.length);
    if (offset + perReport < bytes.length) report[63] = 1;
    reports.push(report);
  }
  return reports;
}

/** Drops the same payload seen again within the window (a scanner re-reads a code held under it). */
export class DuplicateScanFilter {
  private readonly lastSeen = new Map<string, number>();
  constructor(private readonly windowMs = 2_000) {}

  accept(payload: string, now: number): boolean {
    for (const [seen, at] of this.lastSeen) if (now - at >= this.windowMs) this.lastSeen.delete(seen);
    const previous = this.lastSeen.get(payload);
    this.lastSeen.set(payload, now);
    return previous === undefined || now - previous >= this.windowMs;
  }
}

export interface ScanClassifier {
  /** Prefixes of this hall's ticket QR payloads, e.g. "https://hall.example/t/". */
  ticketPrefixes: string[];
  /** 医保电子凭证 codes are opaque; they are recognised by shape only and forwarded undecoded. */
  ecardPattern: RegExp;
}

/** Long opaque tokens without spaces or a URL scheme: how a 医保电子凭证 QR looks from outside. */
export const DEFAULT_ECARD_PATTERN = /^[A-Za-z0-9+/=:._-]{32,1024}$/;

export function classifyScan(payload: string, classifier: ScanClassifier): ScanKind {
  if (classifier.ticketPrefixes.some((prefix) => prefix !== '' && payload.startsWith(prefix))) return 'ticket';
  if (!payload.includes('://') && classifier.ecardPattern.test(payload)) return 'ecard';
  return 'other';
}
