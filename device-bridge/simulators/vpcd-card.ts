// The simulated 社保卡 as a virtual card for vpcd (vsmartcard's virtual reader driver for pcscd), so the same card
// can be read through the real PC/SC stack. Wire format: each message is a 2-byte big-endian length and a payload;
// a 1-byte payload is a control (00 power off, 01 power on, 02 reset, 04 get ATR → reply the ATR), a longer one is a
// command APDU → reply the response APDU. Taking the card away = closing the connection.
import { connect, type Socket } from 'node:net';
import { respondToApdu, type SimulatedSsCardData } from '../codecs/sscard-card.ts';
import { SSCARD_ATR } from './ss-reader.ts';

export const VPCD_DEFAULT_PORT = 0x8c7b;

const CONTROL = { powerOff: 0x00, powerOn: 0x01, reset: 0x02, atr: 0x04 } as const;

export class VpcdCard {
  private socket: Socket | null = null;
  private pending = Buffer.alloc(0);
  private state = { df: false, ef: 0 };
  /** Control bytes received, in order (for tests: power on/off/reset as pcscd sent them). */
  readonly controls: number[] = [];

  private apdus = 0;

  constructor(
    private readonly card: SimulatedSsCardData,
    private readonly port = VPCD_DEFAULT_PORT,
    private readonly host = '127.0.0.1',
    /** Pulled out of the reader after answering this many APDUs (a citizen taking the card back mid-read). */
    private readonly pulledAfterApdus = Infinity,
  ) {}

  get inserted(): boolean {
    return this.socket !== null;
  }

  /** Connects to vpcd: for pcscd the card is now in the reader. */
  insert(): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = connect({ port: this.port, host: this.host });
      socket.once('connect', () => {
        this.socket = socket;
        this.pending = Buffer.alloc(0);
        this.state = { df: false, ef: 0 };
        this.apdus = 0;
        resolve();
      });
      socket.once('error', (error) => {
        if (this.socket !== socket) reject(new Error(`vpcd is not listening on ${this.host}:${this.port} (${error.message})`));
      });
      socket.on('data', (chunk) => this.receive(socket, chunk));
      socket.once('close', () => {
        if (this.socket === socket) this.socket = null;
      });
    });
  }

  /** Takes the card out of the reader (closes the connection). */
  remove(): Promise<void> {
    const socket = this.socket;
    this.socket = null;
    if (!socket) return Promise.resolve();
    return new Promise((resolve) => {
      socket.once('close', () => resolve());
      socket.end();
      socket.destroySoon();
    });
  }

  private receive(socket: Socket, chunk: Buffer): void {
    this.pending = Buffer.concat([this.pending, chunk]);
    while (this.pending.length >= 2) {
      const length = this.pending.readUInt16BE(0);
      if (this.pending.length < 2 + length) return;
      const payload = new Uint8Array(this.pending.subarray(2, 2 + length));
      this.pending = this.pending.subarray(2 + length);
      if (payload.length > 1 && this.apdus >= this.pulledAfterApdus) {
        void this.remove();
        return;
      }
      const reply = this.answer(payload);
      if (reply) socket.write(frame(reply));
    }
  }

  private answer(payload: Uint8Array): Uint8Array | null {
    if (payload.length === 1) {
      const control = payload[0] as number;
      this.controls.push(control);
      if (control === CONTROL.atr) return SSCARD_ATR;
      if (control === CONTROL.powerOn || control === CONTROL.reset || control === CONTROL.powerOff) this.state = { df: false, ef: 0 };
      return null;
    }
    this.apdus++;
    return respondToApdu(this.card, this.state, payload);
  }
}

function frame(payload: Uint8Array): Buffer {
  const header = Buffer.alloc(2);
  header.writeUInt16BE(payload.length);
  return Buffer.concat([header, payload]);
}
