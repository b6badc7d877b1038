// An in-process byte link between a driver and a simulator, for when no pseudo-terminal is wanted
// (unit tests of drivers). The pty path through the real serialport stack is what integration tests use.
import { TransportError, type ByteTransport } from './types.ts';

export class MemoryByteTransport implements ByteTransport {
  readonly kind = 'simulated' as const;
  private peer: MemoryByteTransport | null = null;
  private open_ = false;
  private plugged = true;
  private readonly dataListeners: ((chunk: Uint8Array) => void)[] = [];
  private readonly lostListeners: ((reason: string) => void)[] = [];

  constructor(readonly description: string) {}

  static pair(name: string): [MemoryByteTransport, MemoryByteTransport] {
    const a = new MemoryByteTransport(`memory ${name} (host)`);
    const b = new MemoryByteTransport(`memory ${name} (device)`);
    a.peer = b;
    b.peer = a;
    return [a, b];
  }

  get isOpen(): boolean {
    return this.open_;
  }

  async open(): Promise<void> {
    if (!this.plugged) throw new TransportError('not_found', `${this.description} is unplugged`);
    this.open_ = true;
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (!this.open_) throw new TransportError('closed', `${this.description} is not open`);
    const peer = this.peer;
    const copy = bytes.slice();
    if (peer?.open_) setImmediate(() => peer.dataListeners.forEach((listener) => listener(copy)));
  }

  async close(): Promise<void> {
    this.open_ = false;
  }

  /** Simulates pulling the cable: both ends lose the link until `replug`. */
  unplug(): void {
    for (const end of [this, this.peer]) {
      if (!end) continue;
      end.plugged = false;
      if (end.open_) {
        end.open_ = false;
        end.lostListeners.forEach((listener) => listener('unplugged'));
      }
    }
  }

  replug(): void {
    this.plugged = true;
    if (this.peer) this.peer.plugged = true;
  }

  onData(listener: (chunk: Uint8Array) => void): void {
    this.dataListeners.push(listener);
  }

  onLost(listener: (reason: string) => void): void {
    this.lostListeners.push(listener);
  }
}
