// What every simulated serial device can do besides its protocol: go silent, answer slowly in chunks,
// spit garbage, and (optionally) take as long as a real line at a given baud rate, since a pty moves bytes instantly.
import type { ByteTransport } from '../transports/types.ts';

const PACED_PIECE_BYTES = 64;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

export abstract class SimSerialDevice {
  silent = false;
  private chunkBytes = 0;
  private delayMs = 0;
  /** Bytes per millisecond on the simulated line (8N1: baud / 10 / 1000); 0 = as fast as the pty goes. */
  private bytesPerMs = 0;
  private inboundFreeAt = 0;
  private outboundFreeAt = 0;
  private inbound: Promise<void> = Promise.resolve();
  private sending: Promise<void> = Promise.resolve();

  constructor(protected readonly wire: ByteTransport) {
    wire.onData((chunk) => this.arrive(chunk));
  }

  protected abstract receive(chunk: Uint8Array): void;

  /** Emulates the line speed of a real device (e.g. 115200 baud) in both directions; 0 turns it off. */
  setLineSpeed(baud: number): void {
    this.bytesPerMs = baud > 0 ? baud / 10 / 1000 : 0;
  }

  /** Slow chunked replies: split each reply in `chunkBytes` pieces with `delayMs` between them (0 = off). */
  setSlow(chunkBytes: number, delayMs: number): void {
    this.chunkBytes = chunkBytes;
    this.delayMs = delayMs;
  }

  private arrive(chunk: Uint8Array): void {
    if (this.bytesPerMs === 0) {
      this.receive(chunk);
      return;
    }
    // A byte is usable once its last bit has crossed the line.
    this.inboundFreeAt = Math.max(performance.now(), this.inboundFreeAt) + chunk.length / this.bytesPerMs;
    const readyAt = this.inboundFreeAt;
    const copy = chunk.slice();
    this.inbound = this.inbound.then(async () => {
      await sleep(readyAt - performance.now());
      this.receive(copy);
    });
  }

  protected send(bytes: Uint8Array): Promise<void> {
    if (this.silent || !this.wire.isOpen) return Promise.resolve();
    const copy = bytes.slice();
    this.sending = this.sending.then(async () => {
      const piece = this.chunkBytes > 0 ? this.chunkBytes : this.bytesPerMs > 0 ? PACED_PIECE_BYTES : copy.length;
      // The whole reply is scheduled at once, so a late timer never stretches the rest of the line.
      const startAt = Math.max(performance.now(), this.outboundFreeAt);
      if (this.bytesPerMs > 0) this.outboundFreeAt = startAt + copy.length / this.bytesPerMs;
      for (let offset = 0; offset < copy.length; offset += piece) {
        const part = copy.subarray(offset, offset + piece);
        if (this.bytesPerMs > 0) await sleep(startAt + (offset + part.length) / this.bytesPerMs - performance.now());
        await this.wire.write(part).catch(() => undefined);
        if (this.chunkBytes > 0 && offset + piece < copy.length) await sleep(this.delayMs);
      }
    });
    return this.sending;
  }

  /** Writes raw bytes regardless of silence (line noise). */
  garbage(bytes: Uint8Array): Promise<void> {
    return this.wire.isOpen ? this.wire.write(bytes).catch(() => undefined) : Promise.resolve();
  }
}
