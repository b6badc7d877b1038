// DLE EOT n real-time status replies. Every reply byte has bit 1 and bit 4 set and bits 0 and 7 clear;
// anything else is not a status byte (garbage, or an answer to something else).

export type StatusQuery = 1 | 2 | 3 | 4;

export class StatusDecodeError extends Error {
  constructor(
    readonly query: number,
    readonly byte: number,
  ) {
    super(`not a DLE EOT ${query} status byte: 0x${byte.toString(16).padStart(2, '0')}`);
    this.name = 'StatusDecodeError';
  }
}

export interface PrinterStatus {
  offline: boolean;
  coverOpen: boolean;
  stoppedAtPaperEnd: boolean;
  errorOccurred: boolean;
  cutterError: boolean;
  unrecoverableError: boolean;
  autoRecoverableError: boolean;
  paperNearEnd: boolean;
  paperOut: boolean;
}

export type StatusPart = Partial<PrinterStatus>;

const bit = (byte: number, n: number) => (byte & (1 << n)) !== 0;

export function isStatusByte(byte: number): boolean {
  return Number.isInteger(byte) && byte >= 0 && byte <= 0xff && (byte & 0x93) === 0x12;
}

/** Decodes one reply byte of `DLE EOT query`; throws StatusDecodeError for anything that is not a status byte. */
export function decodeStatusByte(query: number, byte: number): StatusPart {
  if (!isStatusByte(byte) || ![1, 2, 3, 4].includes(query)) throw new StatusDecodeError(query, byte);
  switch (query as StatusQuery) {
    case 1:
      return { offline: bit(byte, 3) };
    case 2:
      return { coverOpen: bit(byte, 2), stoppedAtPaperEnd: bit(byte, 5), errorOccurred: bit(byte, 6) };
    case 3:
      return { cutterError: bit(byte, 3), unrecoverableError: bit(byte, 5), autoRecoverableError: bit(byte, 6) };
    case 4:
      return { paperNearEnd: (byte & 0x0c) !== 0, paperOut: (byte & 0x60) !== 0 };
  }
}

/** Decodes the four replies to DLE EOT 1, 2, 3, 4 in that order. */
export function decodeFullStatus(bytes: ArrayLike<number>): PrinterStatus {
  if (bytes.length !== 4) throw new StatusDecodeError(0, bytes.length);
  return {
    ...decodeStatusByte(1, bytes[0] as number),
    ...decodeStatusByte(2, bytes[1] as number),
    ...decodeStatusByte(3, bytes[2] as number),
    ...decodeStatusByte(4, bytes[3] as number),
  } as PrinterStatus;
}

/** Encodes a status as the four reply bytes a printer sends (the simulator uses it). */
export function encodeFullStatus(status: PrinterStatus): Uint8Array {
  const b1 = 0x12 | (status.offline ? 0x08 : 0);
  const b2 = 0x12 | (status.coverOpen ? 0x04 : 0) | (status.stoppedAtPaperEnd ? 0x20 : 0) | (status.errorOccurred ? 0x40 : 0);
  const b3 = 0x12 | (status.cutterError ? 0x08 : 0) | (status.unrecoverableError ? 0x20 : 0) | (status.autoRecoverableError ? 0x40 : 0);
  const b4 = 0x12 | (status.paperNearEnd ? 0x0c : 0) | (status.paperOut ? 0x60 : 0);
  return Uint8Array.of(b1, b2, b3, b4);
}

export const CLEAN_STATUS: PrinterStatus = {
  offline: false,
  coverOpen: false,
  stoppedAtPaperEnd: false,
  errorOccurred: false,
  cutterError: false,
  unrecoverableError: false,
  autoRecoverableError: false,
  paperNearEnd: false,
  paperOut: false,
};

export type PrinterProblem = 'paper_out' | 'cover_open' | 'cutter_error' | 'printer_error' | 'printer_offline';

/** The one problem that stops printing, most specific first; null when the printer can print. */
export function blockingProblem(status: PrinterStatus): PrinterProblem | null {
  if (status.paperOut || status.stoppedAtPaperEnd) return 'paper_out';
  if (status.coverOpen) return 'cover_open';
  if (status.cutterError) return 'cutter_error';
  if (status.unrecoverableError || status.autoRecoverableError || status.errorOccurred) return 'printer_error';
  if (status.offline) return 'printer_offline';
  return null;
}

export const PRINTER_PROBLEM_TEXT: Record<PrinterProblem | 'paper_near_end', string> = {
  paper_out: '打印机缺纸，请更换打印纸',
  cover_open: '打印机纸仓盖未关好',
  cutter_error: '打印机切刀故障',
  printer_error: '打印机故障',
  printer_offline: '打印机离线',
  paper_near_end: '打印纸即将用完，请及时更换',
};
