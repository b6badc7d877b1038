// A card reader polls for a card: fast while the page waits for one, slow otherwise. One identity event per
// placement, a removal event when the card is taken away, and health that follows what the reader answers.
import type { Identity } from '../../protocol/bridge/messages.ts';
import { SamFrameError } from '../codecs/sam-frame.ts';
import { SamStatusError } from '../codecs/sam-status.ts';
import { IdTextError } from '../codecs/id-text.ts';
import { SsCardError } from '../codecs/sscard-apdu.ts';
import type { ByteTransport } from '../transports/types.ts';
import type { Logger } from '../util/log.ts';
import { DeviceTimeoutError } from '../util/wake.ts';
import { Driver, type DriverTiming } from './driver.ts';
import { SamChannel, type ReplyCheck } from './sam-channel.ts';

export interface CardReaderTiming extends DriverTiming {
  /** Poll interval while the page shows "please place your card". */
  pollFastMs: number;
  pollSlowMs: number;
  requestTimeoutMs: number;
  /** Consecutive timeouts before the reader counts as offline. */
  timeoutsBeforeOffline: number;
}

export const DEFAULT_CARD_READER_TIMING: CardReaderTiming = {
  reconnectMs: 1_000,
  pollFastMs: 15,
  pollSlowMs: 1_000,
  requestTimeoutMs: 1_500,
  timeoutsBeforeOffline: 2,
};

export type CardReadOutcome = { ok: true; identity: Identity } | { ok: false; code: string; message: string };

/** What the bridge needs of any card reader: the polled ones below and the PC/SC reader (drivers/pcsc-ss-card.ts). */
export type CardReader = Driver & {
  onIdentity(listener: (outcome: CardReadOutcome) => void): void;
  onRemoved(listener: () => void): void;
  setWaiting(waiting: boolean): void;
};

/** A card error that will not go away by retrying the same placement. */
function isFinal(error: unknown): boolean {
  return error instanceof IdTextError || (error instanceof SsCardError && error.code !== 'no_card' && error.code !== 'transport');
}

/** Chinese reason of any typed error a read can end with, for the citizen at the kiosk. */
export function readErrorReason(error: unknown): { code: string; message: string } {
  if (error instanceof SamStatusError || error instanceof IdTextError || error instanceof SsCardError) {
    return { code: error.code, message: error.reason };
  }
  if (error instanceof SamFrameError) return { code: error.code, message: `证件读取失败，${ASK_AGAIN}` };
  if (error instanceof DeviceTimeoutError) return { code: 'no_reply', message: `读卡器无响应，${ASK_AGAIN}` };
  return { code: 'read_failed', message: '读卡失败，请重新放置证件' };
}

const ASK_AGAIN = '请重新放置证件或联系工作人员';
/** Reads of one placement that may fail (timeouts, broken replies, retryable statuses) before the page is told. */
const READ_ATTEMPTS = 3;
const SLOW_REPLY = { code: 'slow_reply', reason: '读卡器响应过慢，无法读取证件，请联系工作人员检查读卡器' } as const;

export abstract class CardReaderDriver extends Driver<ByteTransport> {
  protected readonly channel: SamChannel;
  private waiting = false;
  private present = false;
  private misses = 0;
  private readFailures = 0;
  private timeouts = 0;
  private probed = false;
  /** The reader answers, but after its timeout: a fault that stays until a read succeeds or the link is reopened. */
  private answersLate = false;

  constructor(
    id: 'idcard' | 'sscard',
    transport: ByteTransport,
    log: Logger,
    protected readonly readerTiming: CardReaderTiming,
    simulated: boolean,
  ) {
    super(id, transport, log, readerTiming, simulated);
    this.channel = new SamChannel(transport, {
      frameError: (error) => {
        this.log('debug', `${this.id}: ${error.message}`);
        this.setHealth('degraded', 'bad_data', '读卡器数据异常，正在恢复');
      },
      lateReply: (ms) => {
        this.log('warn', `${this.id}: a reply came ${ms} ms after its request timed out; discarded`);
        this.answersLate = true;
        this.setHealth('offline', SLOW_REPLY.code, SLOW_REPLY.reason);
      },
      noReply: () => (this.answersLate = false),
      strayReply: () => this.log('debug', `${this.id}: discarded a reply that does not answer the request in flight`),
    });
  }

  onIdentity(listener: (outcome: CardReadOutcome) => void): void {
    this.events.on('identity', listener);
  }

  onRemoved(listener: () => void): void {
    this.events.on('removed', listener);
  }

  /** The page is (or stops) waiting for a card: switch to fast polling at once. */
  setWaiting(waiting: boolean): void {
    this.waiting = waiting;
    if (waiting) this.waker.wake();
  }

  protected request(cmd: number, para: number, data?: Uint8Array, fits?: ReplyCheck) {
    return this.channel.request(cmd, para, data, this.readerTiming.requestTimeoutMs, fits);
  }

  /** Answers whether the reader is there (e.g. SAM status 11 FF). */
  protected abstract probe(): Promise<void>;
  /** True when a card is on the reader. */
  protected abstract cardPresent(): Promise<boolean>;
  protected abstract readCard(): Promise<Identity>;

  protected override onClosed(): void {
    this.channel.abort(new Error('closed'));
    this.probed = false;
    this.timeouts = 0;
    this.answersLate = false;
  }

  protected async whileOpen(): Promise<void> {
    while (this.connected) {
      try {
        await this.pollOnce();
        this.timeouts = 0;
        if (this.answersLate) this.setHealth('offline', SLOW_REPLY.code, SLOW_REPLY.reason);
        else this.setHealth('ok', 'ok', '工作正常');
      } catch (error) {
        if (!this.connected) break;
        this.noteFailure(error);
      }
      await this.waker.sleep(this.waiting ? this.readerTiming.pollFastMs : this.readerTiming.pollSlowMs);
    }
  }

  private noteFailure(error: unknown): void {
    if (error instanceof DeviceTimeoutError) {
      this.timeouts++;
      if (this.answersLate) this.setHealth('offline', SLOW_REPLY.code, SLOW_REPLY.reason);
      else if (this.timeouts >= this.readerTiming.timeoutsBeforeOffline) {
        this.probed = false;
        this.setHealth('offline', 'no_reply', '读卡器无响应，请检查连接或电源');
      }
    } else if (error instanceof SamStatusError && (error.sw3 === 0x60 || error.sw3 === 0x66)) {
      this.setHealth('offline', error.code, error.reason);
    } else if (!(error instanceof SamFrameError)) {
      this.log('warn', `${this.id}: poll failed (${(error as Error).message})`);
    }
  }

  private async pollOnce(): Promise<void> {
    if (!this.probed) {
      await this.probe();
      this.probed = true;
    }
    if (!(await this.cardPresent())) {
      if (!this.present) this.readFailures = 0;
      else if (++this.misses >= 2) {
        this.present = false;
        this.readFailures = 0;
        this.events.emit('removed');
      }
      return;
    }
    this.misses = 0;
    if (this.present) return;
    try {
      const identity = await this.readCard();
      this.present = true;
      this.readFailures = 0;
      this.answersLate = false;
      this.events.emit('identity', { ok: true, identity } satisfies CardReadOutcome);
    } catch (error) {
      if (isFinal(error) || ++this.readFailures >= READ_ATTEMPTS) {
        this.present = true;
        this.readFailures = 0;
        this.log('info', `${this.id}: card could not be used (${(error as Error).message})`);
        this.events.emit('identity', { ok: false, ...this.failureReason(error) } satisfies CardReadOutcome);
      }
      // Timeouts and broken frames are the reader's trouble too: health shows them.
      if (error instanceof DeviceTimeoutError || error instanceof SamFrameError) throw error;
    }
  }

  private failureReason(error: unknown): { code: string; message: string } {
    if (error instanceof DeviceTimeoutError && this.answersLate) return { code: SLOW_REPLY.code, message: `读卡器响应过慢，${ASK_AGAIN}` };
    return readErrorReason(error);
  }
}
