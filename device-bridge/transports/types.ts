// One small interface for every byte-stream device (serial port, in-memory simulation) and one for HID reports.

export class TransportError extends Error {
  constructor(
    readonly code: 'not_found' | 'open_failed' | 'closed' | 'write_failed',
    message: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

export interface ByteTransport {
  readonly kind: 'serial' | 'simulated';
  /** For logs, e.g. the resolved device path. */
  readonly description: string;
  readonly isOpen: boolean;
  /** Line speed of a serial line (bits per second); absent where there is none. */
  readonly baudRate?: number;
  /** Opens the device; rejects with TransportError. */
  open(): Promise<void>;
  /** Resolves when the bytes have been handed to the OS (drained). */
  write(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
  onData(listener: (chunk: Uint8Array) => void): void;
  /** An unexpected close: unplug, power loss, the other side going away. */
  onLost(listener: (reason: string) => void): void;
}

export interface ReportTransport {
  readonly kind: 'hid' | 'simulated';
  readonly description: string;
  readonly isOpen: boolean;
  open(): Promise<void>;
  close(): Promise<void>;
  onReport(listener: (report: Uint8Array) => void): void;
  onLost(listener: (reason: string) => void): void;
}
