// Social-security card reader over PC/SC: pcscd reports readers and cards coming and going, so nothing is polled.
// Each inserted card is read once with the APDU sequence of devices.md; one identity (or failure) per insertion,
// a removal event when the card is taken out, and health that follows pcscd and the reader.
import type { Identity } from '../../protocol/bridge/messages.ts';
import { readSocialSecurityCard, SsCardError } from '../codecs/sscard-apdu.ts';
import { PcscError } from '../transports/pcsc-errors.ts';
import type { PcscTransport } from '../transports/pcsc.ts';
import type { Logger } from '../util/log.ts';
import { readErrorReason, type CardReadOutcome } from './card-reader.ts';
import { Driver, type DriverTiming } from './driver.ts';

export interface PcscReaderTiming extends DriverTiming {
  /** Wait between attempts when a read fails for a reason that may pass (reader busy, card not yet powered). */
  retryMs: number;
  attempts: number;
}

export const DEFAULT_PCSC_TIMING: PcscReaderTiming = { reconnectMs: 1_000, retryMs: 300, attempts: 3 };

/** A card that answers but cannot be read for free will not change by retrying. */
const isFinal = (error: unknown) =>
  (error instanceof SsCardError && (error.code === 'locked' || error.code === 'not_sscard' || error.code === 'bad_data')) ||
  (error instanceof PcscError && error.code === 'protocol_mismatch');

const NO_READER = { code: 'no_reader', reason: '未找到社保卡读卡器，请检查读卡器连接' };

export class PcscSsCardDriver extends Driver<PcscTransport> {
  /** Counts insertions and removals, so a read that outlives its card is dropped. */
  private insertion = 0;
  private reported = false;

  constructor(
    transport: PcscTransport,
    log: Logger,
    private readonly readerTiming: PcscReaderTiming,
  ) {
    super('sscard', transport, log, readerTiming, false);
    transport.onReader((name) => {
      if (name) this.setHealth('ok', 'ok', '工作正常');
      else this.setHealth('offline', NO_READER.code, NO_READER.reason);
    });
    transport.onCard((card) => (card === 'present' ? this.cardInserted() : card === 'mute' ? this.cardMute() : this.cardRemoved()));
    transport.onWarning((message) => log('debug', `sscard: ${message}`));
  }

  onIdentity(listener: (outcome: CardReadOutcome) => void): void {
    this.events.on('identity', listener);
  }

  onRemoved(listener: () => void): void {
    this.events.on('removed', listener);
  }

  /** pcscd announces insertions itself; there is no poll rate to change. */
  setWaiting(_waiting: boolean): void {}

  protected async whileOpen(): Promise<void> {
    if (!this.transport.readerName) this.setHealth('offline', NO_READER.code, NO_READER.reason);
    await this.untilLost();
  }

  protected override openFailure(error: unknown): { code: string; reason: string } {
    return error instanceof PcscError ? { code: error.code, reason: error.reason } : super.openFailure(error);
  }

  protected override onClosed(): void {
    this.cardRemoved();
  }

  private cardInserted(): void {
    const insertion = ++this.insertion;
    void this.readCard(insertion);
  }

  /** A card that does not answer its reset: it will not be read, so say so once. */
  private cardMute(): void {
    this.insertion++;
    this.reported = true;
    const error = new PcscError('card_unresponsive', 'card is mute');
    this.events.emit('identity', { ok: false, code: error.code, message: error.reason } satisfies CardReadOutcome);
  }

  private cardRemoved(): void {
    this.insertion++;
    if (this.health.code === 'reader_busy') this.setHealth('ok', 'ok', '工作正常');
    if (!this.reported) return;
    this.reported = false;
    this.events.emit('removed');
  }

  private async readCard(insertion: number): Promise<void> {
    const current = () => insertion === this.insertion && this.transport.hasCard;
    for (let attempt = 1; ; attempt++) {
      try {
        const identity = await this.readOnce();
        if (!current()) return;
        this.reported = true;
        if (this.health.state !== 'ok') this.setHealth('ok', 'ok', '工作正常');
        this.events.emit('identity', { ok: true, identity } satisfies CardReadOutcome);
        return;
      } catch (error) {
        if (!current()) return;
        if (error instanceof PcscError && error.code === 'reader_busy') this.setHealth('degraded', error.code, error.reason);
        if (isFinal(error) || attempt >= this.readerTiming.attempts) {
          this.reported = true;
          this.log('info', `sscard: card could not be used (${(error as Error).message})`);
          const outcome = error instanceof PcscError ? { code: error.code, message: error.reason } : readErrorReason(error);
          this.events.emit('identity', { ok: false, ...outcome } satisfies CardReadOutcome);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, this.readerTiming.retryMs));
      }
    }
  }

  /** Connects (exclusive or shared as configured) for the whole APDU sequence, then leaves the card powered. */
  private async readOnce(): Promise<Identity> {
    const card = await this.transport.connectCard();
    try {
      const data = await readSocialSecurityCard(card);
      return { source: 'sscard', name: data.name, idNumber: data.idNumber, birthDate: data.birthDate, gender: data.gender, docType: 'resident' };
    } finally {
      await card.release();
    }
  }
}
