// Request/response over a SAM-framed byte stream: one request at a time, a timeout for each, garbage and broken frames
// reported without losing the link. The protocol carries no request number, so a reply is matched to its request in two
// ways: a request that timed out still owes its reply, and the next request waits (a bounded time) for that reply to come
// in and be thrown away before it is sent; and a reply must have the shape its request expects, or it is dropped.
import { decodeSamResponse, encodeSamRequest, SamFrameError, SamFrameParser, type SamResponse } from '../codecs/sam-frame.ts';
import type { ByteTransport } from '../transports/types.ts';
import { PatientTimer } from '../util/patient-timer.ts';
import { DeviceTimeoutError } from '../util/wake.ts';

/** True when a response can be the answer to the request it is checked against. */
export type ReplyCheck = (response: SamResponse) => boolean;

export interface SamChannelHooks {
  /** Garbage and broken frames, so the driver can show a degraded health. */
  frameError(error: SamFrameError): void;
  /** The reply of a request that had timed out came in after all (and was thrown away). */
  lateReply(msAfterTimeout: number): void;
  /** A request that timed out never answered, not even late. */
  noReply(): void;
  /** A reply nobody asked for, or of the wrong shape for the request in flight (thrown away). */
  strayReply(): void;
}

interface Pending {
  resolve: (response: SamResponse) => void;
  reject: (error: Error) => void;
  timer: PatientTimer;
  fits: ReplyCheck;
}

/** How long the next request waits for a late reply before it goes out anyway. */
export const DEFAULT_DRAIN_MS = 500;

export class SamChannel {
  private readonly parser = new SamFrameParser();
  private pending: Pending | null = null;
  private busy = false;
  /** Time each request that timed out gave up, oldest first: each still owes a reply. */
  private owed: number[] = [];
  private owedArrived: (() => void) | null = null;

  constructor(
    private readonly transport: ByteTransport,
    private readonly hooks: SamChannelHooks,
    private readonly drainMs = DEFAULT_DRAIN_MS,
  ) {
    transport.onData((chunk) => this.receive(chunk));
    transport.onLost(() => this.abort(new Error('device lost')));
  }

  private receive(chunk: Uint8Array): void {
    for (const event of this.parser.push(chunk)) {
      if (event.type === 'error') {
        this.hooks.frameError(event.error);
        if (event.error.code !== 'garbage') this.brokenReply(event.error);
        continue;
      }
      let response: SamResponse;
      try {
        response = decodeSamResponse(event.payload);
      } catch (error) {
        this.hooks.frameError(error as SamFrameError);
        this.brokenReply(error as Error);
        continue;
      }
      if (this.owed.length > 0 && !this.pending) this.settleOwed();
      else if (this.pending?.fits(response)) this.settle((pending) => pending.resolve(response));
      else this.hooks.strayReply();
    }
  }

  /** A frame that cannot be read: the answer of the request in flight (it fails), else a late one (it is dropped). */
  private brokenReply(error: Error): void {
    if (this.pending) this.settle((pending) => pending.reject(error));
    else if (this.owed.length > 0) this.settleOwed();
  }

  private settleOwed(): void {
    const gaveUpAt = this.owed.shift() as number;
    this.hooks.lateReply(Math.round(performance.now() - gaveUpAt));
    if (this.owed.length === 0) this.owedArrived?.();
  }

  private settle(action: (pending: Pending) => void): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    pending.timer.cancel();
    action(pending);
  }

  /** Rejects a request in flight and forgets half-received bytes and owed replies (the port closed or was lost). */
  abort(error: Error): void {
    this.parser.reset();
    this.owed = [];
    this.owedArrived?.();
    this.settle((pending) => pending.reject(error));
  }

  /** Waits (at most drainMs) for the replies of timed-out requests, so none of them is taken for the next answer. */
  private async drain(): Promise<void> {
    if (this.owed.length === 0) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        timer.cancel();
        this.owedArrived = null;
        resolve();
      };
      const timer = new PatientTimer(this.drainMs, done);
      this.owedArrived = done;
    });
    if (this.owed.length > 0) {
      this.owed = [];
      this.hooks.noReply();
    }
    // Whatever is half-received now belongs to no request that will be sent.
    this.parser.reset();
  }

  request(cmd: number, para: number, data: Uint8Array | undefined, timeoutMs: number, fits: ReplyCheck = () => true): Promise<SamResponse> {
    if (this.busy) return Promise.reject(new Error('SAM channel: a request is already in flight'));
    this.busy = true;
    const answer = this.owed.length > 0 ? this.drain().then(() => this.send(cmd, para, data, timeoutMs, fits)) : this.send(cmd, para, data, timeoutMs, fits);
    void answer.then(
      () => (this.busy = false),
      () => (this.busy = false),
    );
    return answer;
  }

  private send(cmd: number, para: number, data: Uint8Array | undefined, timeoutMs: number, fits: ReplyCheck): Promise<SamResponse> {
    let mine: Pending | null = null;
    const response = new Promise<SamResponse>((resolve, reject) => {
      // The half-received reply is kept: a late reply that completes still counts as the one this request owes.
      const timer = new PatientTimer(timeoutMs, () =>
        this.settle((pending) => {
          this.owed.push(performance.now());
          pending.reject(new DeviceTimeoutError(`SAM ${cmd.toString(16)} ${para.toString(16)}`, timeoutMs));
        }),
      );
      mine = { resolve, reject, timer, fits };
      this.pending = mine;
    });
    // A write still draining when the timeout fires must not leave a rejected promise nobody listens to yet; a failed
    // write ends this request only if it is still the one in flight.
    this.transport.write(encodeSamRequest(cmd, para, data)).catch((error: unknown) => {
      if (this.pending === mine) this.abort(error as Error);
    });
    return response;
  }
}
