// Request/response over a SAM-framed byte stream: one request at a time, a timeout for each,
// garbage and broken frames reported without losing the link.
import { decodeSamResponse, encodeSamRequest, SamFrameError, SamFrameParser, type SamResponse } from '../codecs/sam-frame.ts';
import type { ByteTransport } from '../transports/types.ts';
import { DeviceTimeoutError } from '../util/wake.ts';

interface Pending {
  resolve: (response: SamResponse) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

export class SamChannel {
  private readonly parser = new SamFrameParser();
  private pending: Pending | null = null;

  constructor(
    private readonly transport: ByteTransport,
    /** Called for garbage and broken frames, so the driver can show a degraded health. */
    private readonly onFrameError: (error: SamFrameError) => void,
  ) {
    transport.onData((chunk) => this.receive(chunk));
    transport.onLost(() => this.abort(new Error('device lost')));
  }

  private receive(chunk: Uint8Array): void {
    for (const event of this.parser.push(chunk)) {
      if (event.type === 'error') {
        this.onFrameError(event.error);
        if (event.error.code !== 'garbage') this.settle((pending) => pending.reject(event.error));
        continue;
      }
      try {
        const response = decodeSamResponse(event.payload);
        this.settle((pending) => pending.resolve(response));
      } catch (error) {
        this.onFrameError(error as SamFrameError);
        this.settle((pending) => pending.reject(error as Error));
      }
    }
  }

  private settle(action: (pending: Pending) => void): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    clearTimeout(pending.timer);
    action(pending);
  }

  /** Rejects a request in flight and forgets half-received bytes. */
  abort(error: Error): void {
    this.parser.reset();
    this.settle((pending) => pending.reject(error));
  }

  request(cmd: number, para: number, data: Uint8Array | undefined, timeoutMs: number): Promise<SamResponse> {
    if (this.pending) return Promise.reject(new Error('SAM channel: a request is already in flight'));
    let mine: Pending | null = null;
    const response = new Promise<SamResponse>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.parser.reset();
        this.settle((pending) => pending.reject(new DeviceTimeoutError(`SAM ${cmd.toString(16)} ${para.toString(16)}`, timeoutMs)));
      }, timeoutMs);
      mine = { resolve, reject, timer };
      this.pending = mine;
    });
    // The answer is handed back at once, not after the write: a write still draining when the timeout fires must not
    // leave a rejected promise nobody listens to yet. A failed write ends this request only if it is still the one
    // in flight.
    this.transport.write(encodeSamRequest(cmd, para, data)).catch((error: unknown) => {
      if (this.pending === mine) this.abort(error as Error);
    });
    return response;
  }
}
