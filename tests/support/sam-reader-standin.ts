// An ID card reader written apart from device-bridge's codecs and simulators, so a test of the bridge does not share
// their mistakes: it speaks the SAM serial protocol (AA AA AA 96 69 | LEN | payload | XOR) on its own socat
// pseudo-terminal pair at 115200 baud through the serialport package, paces its replies as a real line would, and can
// misbehave the ways the field saw: answer late, put junk before each reply, spoil the checksum of the read reply.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';

const BAUD = 115_200;
const PREAMBLE = [0xaa, 0xaa, 0xaa, 0x96, 0x69];
/** Bytes per millisecond on an 8N1 line. */
const BYTES_PER_MS = BAUD / 10 / 1000;

export interface StandinCard {
  name: string;
  /** 17 digits; the check character is worked out here (GB 11643). */
  idFirst17: string;
  gender: '1' | '2';
  /** YYYYMMDD */
  birth: string;
}

export interface StandinBehaviour {
  /** Wait before each reply starts, ms. */
  replyDelayMs: (command: string, nth: number) => number;
  /** Bytes written on the line just before each reply (line noise). */
  junk: number[];
  /** The read (30 01) reply goes out with a wrong XOR. */
  spoilReadChecksum: boolean;
}

export interface StandinEvent {
  at: number;
  what: 'request' | 'reply';
  command: string;
}

function checkCharacter(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (weights[i] as number);
  return '10X98765432'[sum % 11] as string;
}

function textBlock(card: StandinCard): number[] {
  const block: number[] = [];
  const put = (value: string, bytes: number) => {
    const padded = value.padEnd(bytes / 2, ' ');
    for (let i = 0; i < bytes / 2; i++) block.push(padded.charCodeAt(i) & 0xff, padded.charCodeAt(i) >> 8);
  };
  put(card.name, 30);
  put(card.gender, 2);
  put('01', 4);
  put(card.birth, 16);
  put('辽宁省沈阳市和平区测试路1号', 70);
  put(card.idFirst17 + checkCharacter(card.idFirst17), 36);
  put('沈阳市公安局和平分局', 30);
  put('20200101', 16);
  put('20400101', 16);
  put('', 36);
  return block;
}

function frame(payload: number[], spoil = false): Uint8Array {
  const len = payload.length + 1;
  const body = [len >> 8, len & 0xff, ...payload];
  let chk = 0;
  for (const byte of body) chk ^= byte;
  return Uint8Array.from([...PREAMBLE, ...body, spoil ? chk ^ 0x5a : chk]);
}

const hex = (byte: number) => byte.toString(16).padStart(2, '0');

export class SamReaderStandin {
  readonly events: StandinEvent[] = [];
  behaviour: StandinBehaviour = { replyDelayMs: () => 0, junk: [], spoilReadChecksum: false };
  card: StandinCard | null = null;
  private buffer: number[] = [];
  private lineFreeAt = 0;
  private readonly counts = new Map<string, number>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  private constructor(
    readonly hostPath: string,
    private readonly dir: string,
    private readonly socat: ChildProcess,
    private readonly port: SerialPort,
  ) {
    port.on('data', (chunk: Buffer) => this.receive(chunk));
  }

  static async start(): Promise<SamReaderStandin> {
    const dir = mkdtempSync(join(tmpdir(), 'yibao-sam-standin-'));
    const hostPath = join(dir, 'reader');
    const devicePath = join(dir, 'reader.device');
    const socat = spawn('socat', [`pty,raw,echo=0,link=${hostPath}`, `pty,raw,echo=0,link=${devicePath}`], { stdio: 'ignore' });
    const deadline = Date.now() + 10_000;
    while (!(existsSync(hostPath) && existsSync(devicePath))) {
      if (Date.now() > deadline || socat.exitCode !== null) throw new Error('socat did not create the reader ptys');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const port = new SerialPort({ path: devicePath, baudRate: BAUD, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
    return new SamReaderStandin(hostPath, dir, socat, port);
  }

  /** Requests received so far, as "20 01". */
  get requests(): string[] {
    return this.events.filter((event) => event.what === 'request').map((event) => event.command);
  }

  private receive(chunk: Buffer): void {
    this.buffer.push(...chunk);
    for (;;) {
      const start = this.buffer.findIndex((_, i) => PREAMBLE.every((byte, j) => this.buffer[i + j] === byte));
      if (start < 0 || this.buffer.length < start + 7) return;
      const len = ((this.buffer[start + 5] as number) << 8) | (this.buffer[start + 6] as number);
      if (this.buffer.length < start + 7 + len) return;
      const payload = this.buffer.slice(start + 7, start + 6 + len);
      this.buffer = this.buffer.slice(start + 7 + len);
      this.answer(payload[0] as number, payload[1] as number);
    }
  }

  private answer(cmd: number, para: number): void {
    const command = `${hex(cmd)} ${hex(para)}`;
    const nth = (this.counts.get(command) ?? 0) + 1;
    this.counts.set(command, nth);
    this.events.push({ at: performance.now(), what: 'request', command });
    const reply = this.reply(cmd, para);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.events.push({ at: performance.now(), what: 'reply', command });
      this.paced(Uint8Array.from([...this.behaviour.junk, ...reply]));
    }, this.behaviour.replyDelayMs(command, nth));
    this.timers.add(timer);
  }

  private reply(cmd: number, para: number): Uint8Array {
    const status = (sw3: number, data: number[] = []) => [0x00, 0x00, sw3, ...data];
    const card = this.card;
    if (cmd === 0x11 && para === 0xff) return frame(status(0x90));
    if (cmd === 0x20 && para === 0x01) return frame(card ? status(0x9f, [0, 0, 0, 0]) : status(0x80));
    if (cmd === 0x20 && para === 0x02) return frame(card ? status(0x90, [0, 0, 0, 0, 0, 0, 0, 0]) : status(0x81));
    if (cmd === 0x30 && para === 0x01) {
      if (!card) return frame(status(0x41));
      const text = textBlock(card);
      const photo = new Array<number>(1024).fill(0x57);
      const data = [text.length >> 8, text.length & 0xff, photo.length >> 8, photo.length & 0xff, ...text, ...photo];
      return frame(status(0x90, data), this.behaviour.spoilReadChecksum);
    }
    return frame(status(0x21));
  }

  /** Writes as a 115200-baud line delivers: a 64-byte piece at a time, each when its last bit would have arrived. */
  private paced(bytes: Uint8Array): void {
    const startAt = Math.max(performance.now(), this.lineFreeAt);
    this.lineFreeAt = startAt + bytes.length / BYTES_PER_MS;
    for (let offset = 0; offset < bytes.length; offset += 64) {
      const piece = Buffer.from(bytes.subarray(offset, offset + 64));
      const timer = setTimeout(
        () => {
          this.timers.delete(timer);
          if (this.port.isOpen) this.port.write(piece);
        },
        Math.max(0, startAt + (offset + piece.length) / BYTES_PER_MS - performance.now()),
      );
      this.timers.add(timer);
    }
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    if (this.port.isOpen) await new Promise<void>((resolve) => this.port.close(() => resolve()));
    const exited = new Promise<void>((resolve) => (this.socat.exitCode !== null ? resolve() : this.socat.once('exit', () => resolve())));
    this.socat.kill('SIGTERM');
    await exited;
    rmSync(this.dir, { recursive: true, force: true });
  }
}
