// PC/SC transport: one reader of pcscd through the `pcsclite` addon, loaded on first open so a terminal without the
// addon or without pcscd still starts. Reports reader attach/detach and card insert/remove, and connects to a card
// (T=0/T=1 as the card offers, shared or exclusive) as an APDU transport.
import { EventEmitter } from 'node:events';
import type { ApduTransport } from '../codecs/sscard-apdu.ts';
import { PcscError, pcscErrorFrom } from './pcsc-errors.ts';

/** The part of pcsclite's CardReader this transport uses. Declared here rather than taken from the addon's typings,
 * so the tree type-checks on a machine where the optional addon was not built. */
export interface PcscReader {
  readonly name: string;
  readonly SCARD_SHARE_SHARED: number;
  readonly SCARD_SHARE_EXCLUSIVE: number;
  readonly SCARD_PROTOCOL_T0: number;
  readonly SCARD_PROTOCOL_T1: number;
  readonly SCARD_STATE_PRESENT: number;
  readonly SCARD_STATE_MUTE: number;
  readonly SCARD_LEAVE_CARD: number;
  readonly connected: boolean;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  on(event: 'status', listener: (status: { state: number }) => void): unknown;
  removeAllListeners(event: 'status'): unknown;
  connect(options: { share_mode: number; protocol: number }, callback: (error: unknown, protocol: number) => void): void;
  transmit(data: Buffer, responseLength: number, protocol: number, callback: (error: unknown, response: Buffer) => void): void;
  disconnect(disposition: number, callback: (error: unknown) => void): void;
  close(): void;
}

/** The part of pcsclite's context (one per connection to pcscd) this transport uses. */
export interface PcscContext {
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'reader', listener: (reader: PcscReader) => void): unknown;
  close(): void;
}

export interface PcscAddon {
  default: () => PcscContext;
}

/** A variable, not a literal: the optional addon is neither resolved at type-check time nor bundled. */
const ADDON_MODULE = 'pcsclite';

export type CardState = 'absent' | 'present' | 'mute';

export interface PcscOptions {
  /** Part of the reader's name (e.g. "ACR39"); the first reader when absent. */
  reader?: string | undefined;
  share: 'shared' | 'exclusive';
  protocol: 'auto' | 'T0' | 'T1';
}

/** Largest short response APDU: 256 data bytes + SW1 SW2. */
const MAX_RESPONSE = 258;

export class PcscTransport {
  readonly kind = 'pcsc';
  private context: PcscContext | null = null;
  private reader: PcscReader | null = null;
  private card: CardState = 'absent';
  private readonly events = new EventEmitter();

  constructor(
    private readonly options: PcscOptions,
    /** Loads the addon; a unit test passes one that fails, as on a terminal where it was never built. */
    private readonly loadAddon: () => Promise<PcscAddon> = async () => (await import(ADDON_MODULE)) as PcscAddon,
  ) {}

  get description(): string {
    return `PC/SC reader ${this.reader?.name ?? this.options.reader ?? '(first)'}`;
  }

  get isOpen(): boolean {
    return this.context !== null;
  }

  get readerName(): string | null {
    return this.reader?.name ?? null;
  }

  get hasCard(): boolean {
    return this.card === 'present';
  }

  /** Loads the addon and opens a context with pcscd; rejects with PcscError. */
  async open(): Promise<void> {
    let create: () => PcscContext;
    try {
      create = (await this.loadAddon()).default;
    } catch (error) {
      throw new PcscError('addon_missing', (error as Error).message);
    }
    let context: PcscContext;
    try {
      context = create();
    } catch (error) {
      throw pcscErrorFrom(error);
    }
    this.context = context;
    context.on('error', (error: Error) => this.lose(context, pcscErrorFrom(error)));
    context.on('reader', (reader: PcscReader) => {
      // Every reader the addon announces gets an error listener, adopted or not: an unheard 'error' would end the process.
      reader.on('error', (error: Error) => this.events.emit('warning', `${reader.name}: ${error.message}`));
      this.adopt(context, reader);
    });
  }

  async close(): Promise<void> {
    const context = this.context;
    this.context = null;
    this.dropReader();
    context?.close();
  }

  /** Connects to the card in the reader; the returned transport disconnects with `release()`. */
  connectCard(): Promise<ApduTransport & { protocol: number; release(): Promise<void> }> {
    const reader = this.reader;
    if (!reader) return Promise.reject(new PcscError('no_reader', 'no reader attached'));
    // pcsclite answers connect() on an already connected reader without a protocol: start from a clean handle.
    if (reader.connected) {
      return new Promise<void>((resolve) => reader.disconnect(reader.SCARD_LEAVE_CARD, () => resolve())).then(() =>
        reader.connected ? Promise.reject(new PcscError('failed', 'reader handle stays connected')) : this.connectCard(),
      );
    }
    const protocol =
      this.options.protocol === 'T0' ? reader.SCARD_PROTOCOL_T0 : this.options.protocol === 'T1' ? reader.SCARD_PROTOCOL_T1 : reader.SCARD_PROTOCOL_T0 | reader.SCARD_PROTOCOL_T1;
    const share_mode = this.options.share === 'exclusive' ? reader.SCARD_SHARE_EXCLUSIVE : reader.SCARD_SHARE_SHARED;
    return new Promise((resolve, reject) => {
      reader.connect({ share_mode, protocol }, (error, chosen) => {
        if (error) return reject(pcscErrorFrom(error));
        resolve({
          protocol: chosen,
          transmit: (apdu) =>
            new Promise((done, fail) =>
              reader.transmit(Buffer.from(apdu), MAX_RESPONSE, chosen, (transmitError, response) =>
                transmitError ? fail(pcscErrorFrom(transmitError)) : done(new Uint8Array(response)),
              ),
            ),
          release: () => new Promise((done) => reader.disconnect(reader.SCARD_LEAVE_CARD, () => done())),
        });
      });
    });
  }

  /** A reader matching the config appeared (name) or went away (null). */
  onReader(listener: (name: string | null) => void): void {
    this.events.on('reader', listener);
  }

  /** A card was inserted (present), inserted but does not answer (mute: upside down, not a chip card) or removed. */
  onCard(listener: (card: CardState) => void): void {
    this.events.on('card', listener);
  }

  /** Something worth a log line that changes nothing (English). */
  onWarning(listener: (message: string) => void): void {
    this.events.on('warning', listener);
  }

  /** pcscd went away (stopped, crashed): the context is gone. */
  onLost(listener: (reason: string) => void): void {
    this.events.on('lost', listener);
  }

  private adopt(context: PcscContext, reader: PcscReader): void {
    const wanted = this.options.reader;
    if (this.context !== context || this.reader || (wanted && !reader.name.includes(wanted))) return;
    this.reader = reader;
    this.card = 'absent';
    reader.on('end', () => {
      if (this.reader !== reader) return;
      // The reader's status thread has ended; close() here would wait on the lock the addon holds while emitting.
      this.dropReader(false);
      this.events.emit('reader', null);
    });
    reader.on('status', (status: { state: number }) => {
      if (this.reader !== reader) return;
      const card: CardState =
        (status.state & reader.SCARD_STATE_PRESENT) === 0 ? 'absent' : (status.state & reader.SCARD_STATE_MUTE) !== 0 ? 'mute' : 'present';
      if (card === this.card) return;
      this.card = card;
      this.events.emit('card', card);
    });
    this.events.emit('reader', reader.name);
  }

  private dropReader(close = true): void {
    const reader = this.reader;
    this.reader = null;
    if (this.card !== 'absent') {
      this.card = 'absent';
      this.events.emit('card', 'absent');
    }
    reader?.removeAllListeners('status');
    if (close) reader?.close();
  }

  private lose(context: PcscContext, error: PcscError): void {
    if (this.context !== context) return;
    this.context = null;
    this.dropReader();
    context.close();
    this.events.emit('lost', error.message);
  }
}
