// What every simulated serial device can do besides its protocol: go silent, answer slowly in chunks,
// spit garbage. Replies go through `send`, which applies those faults.
import type { ByteTransport } from '../transports/types.ts';

export abstract class SimSerialDevice {
  silent = false;
  private chunkBytes = 0;
  private delayMs = 0;
  private sending: Promise<void> = Promise.resolve();

  constructor(protected readonly wire: ByteTransport) {
    wire.onData((chunk) => this.receive(chunk));
  }

  protected abstract receive(chunk: Uint8Array): void;

  /** Slow chunked replies: split each reply in `chunkBytes` pieces with `delayMs` between them (0 = off). */
  setSlow(chunkBytes: number, delayMs: number): void {
    this.chunkBytes = chunkBytes;
    this.delayMs = delayMs;
  }

  protected send(bytes: Uint8Array): Promise<void> {
    if (this.silent || !this.wire.isOpen) return Promise.resolve();
    const copy = bytes.slice();
    this.sending = this.sending.then(async () => {
      if (this.chunkBytes <= 0) return this.wire.write(copy).catch(() => undefined);
      for (let offset = 0; offset < copy.length; offset += this.chunkBytes) {
        await this.wire.write(copy.subarray(offset, offset + this.chunkBytes)).catch(() => undefined);
        if (offset + this.chunkBytes < copy.length) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
      }
    });
    return this.sending;
  }

  /** Writes raw bytes regardless of silence (line noise). */
  garbage(bytes: Uint8Array): Promise<void> {
    return this.wire.isOpen ? this.wire.write(bytes).catch(() => undefined) : Promise.resolve();
  }
}
