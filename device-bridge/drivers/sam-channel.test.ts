// The SAM channel's request: answered, timed out while the write is still draining, or failed by the write.
import { afterEach, describe, expect, it } from 'vitest';
import { encodeSamResponse } from '../codecs/sam-frame.ts';
import type { ByteTransport } from '../transports/types.ts';
import { DeviceTimeoutError } from '../util/wake.ts';
import { SamChannel } from './sam-channel.ts';

/** A transport whose writes settle only when the test says so. */
class HeldTransport implements ByteTransport {
  readonly kind = 'simulated' as const;
  readonly description = 'held';
  readonly isOpen = true;
  written: Uint8Array[] = [];
  private dataListener: (chunk: Uint8Array) => void = () => {};
  private releases: Array<{ ok: () => void; fail: (e: Error) => void }> = [];
  async open(): Promise<void> {}
  async close(): Promise<void> {}
  write(bytes: Uint8Array): Promise<void> {
    this.written.push(bytes);
    return new Promise((ok, fail) => this.releases.push({ ok, fail }));
  }
  finishWrite(error?: Error): void {
    const release = this.releases.shift()!;
    if (error) release.fail(error);
    else release.ok();
  }
  reply(bytes: Uint8Array): void {
    this.dataListener(bytes);
  }
  onData(listener: (chunk: Uint8Array) => void): void {
    this.dataListener = listener;
  }
  onLost(): void {}
}

const unhandled: unknown[] = [];
const record = (reason: unknown) => unhandled.push(reason);
process.on('unhandledRejection', record);
afterEach(() => {
  unhandled.length = 0;
});

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('SamChannel.request', () => {
  it('resolves with the decoded answer', async () => {
    const transport = new HeldTransport();
    const channel = new SamChannel(transport, () => {});
    const answer = channel.request(0x11, 0xff, undefined, 1_000);
    transport.finishWrite();
    transport.reply(encodeSamResponse(0x90));
    await expect(answer).resolves.toMatchObject({ sw3: 0x90 });
  });

  it('times out while the write is still draining without an unhandled rejection, and a late write failure does not touch the next request', async () => {
    const transport = new HeldTransport();
    const channel = new SamChannel(transport, () => {});
    const first = channel.request(0x20, 0x01, undefined, 5);
    const outcome = first.then(
      () => 'answered',
      (error: unknown) => error,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    await nextTurn();
    expect(unhandled).toEqual([]);
    expect(await outcome).toBeInstanceOf(DeviceTimeoutError);

    const second = channel.request(0x11, 0xff, undefined, 1_000);
    transport.finishWrite(new Error('write failed late'));
    await nextTurn();
    transport.finishWrite();
    transport.reply(encodeSamResponse(0x90));
    await expect(second).resolves.toMatchObject({ sw3: 0x90 });
  });

  it('fails the request in flight when its write fails', async () => {
    const transport = new HeldTransport();
    const channel = new SamChannel(transport, () => {});
    const answer = channel.request(0x11, 0xff, undefined, 1_000);
    transport.finishWrite(new Error('port closed'));
    await expect(answer).rejects.toThrow('port closed');
  });
});
