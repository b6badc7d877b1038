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

const quietHooks = { frameError: () => {}, lateReply: () => {}, noReply: () => {}, strayReply: () => {} };

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const until = async (check: () => boolean) => {
  while (!check()) await nextTurn();
};

describe('SamChannel.request', () => {
  it('resolves with the decoded answer', async () => {
    const transport = new HeldTransport();
    const channel = new SamChannel(transport, quietHooks);
    const answer = channel.request(0x11, 0xff, undefined, 1_000);
    transport.finishWrite();
    transport.reply(encodeSamResponse(0x90));
    await expect(answer).resolves.toMatchObject({ sw3: 0x90 });
  });

  it('times out while the write is still draining without an unhandled rejection, and a late write failure does not touch the next request', async () => {
    const transport = new HeldTransport();
    const channel = new SamChannel(transport, quietHooks, 20);
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
    await until(() => transport.written.length === 2);
    transport.finishWrite();
    transport.reply(encodeSamResponse(0x90));
    await expect(second).resolves.toMatchObject({ sw3: 0x90 });
  });

  it('fails the request in flight when its write fails', async () => {
    const transport = new HeldTransport();
    const channel = new SamChannel(transport, quietHooks);
    const answer = channel.request(0x11, 0xff, undefined, 1_000);
    transport.finishWrite(new Error('port closed'));
    await expect(answer).rejects.toThrow('port closed');
  });
});

describe('SamChannel: a late reply is never the next answer', () => {
  it('holds the next request until the timed-out one has answered, throws that answer away, then sends', async () => {
    const transport = new HeldTransport();
    const late: number[] = [];
    const channel = new SamChannel(transport, { ...quietHooks, lateReply: (ms) => late.push(ms) }, 60_000);
    const read = channel.request(0x30, 0x01, undefined, 5).catch((error: unknown) => error);
    transport.finishWrite();
    expect(await read).toBeInstanceOf(DeviceTimeoutError);

    const find = channel.request(0x20, 0x01, undefined, 1_000);
    await nextTurn();
    expect(transport.written).toHaveLength(1);
    transport.reply(encodeSamResponse(0x90, new Uint8Array(300)));
    await until(() => transport.written.length === 2);
    expect(late).toHaveLength(1);
    transport.finishWrite();
    transport.reply(encodeSamResponse(0x9f, new Uint8Array(4)));
    await expect(find).resolves.toMatchObject({ sw3: 0x9f });
  });

  it('keeps a late reply that is still arriving when the timeout fires, so it is recognised whole', async () => {
    const transport = new HeldTransport();
    const late: number[] = [];
    const frameErrors: string[] = [];
    const channel = new SamChannel(transport, { ...quietHooks, lateReply: (ms) => late.push(ms), frameError: (e) => frameErrors.push(e.code) }, 60_000);
    const reply = encodeSamResponse(0x90, new Uint8Array(300));
    const read = channel.request(0x30, 0x01, undefined, 5).catch((error: unknown) => error);
    transport.finishWrite();
    transport.reply(reply.subarray(0, 100));
    expect(await read).toBeInstanceOf(DeviceTimeoutError);
    const next = channel.request(0x20, 0x01, undefined, 1_000);
    transport.reply(reply.subarray(100));
    await until(() => transport.written.length === 2);
    expect(late).toHaveLength(1);
    expect(frameErrors).toEqual([]);
    transport.finishWrite();
    transport.reply(encodeSamResponse(0x80));
    await expect(next).resolves.toMatchObject({ sw3: 0x80 });
  });

  it('sends anyway once the drain time is over, and says the timed-out request never answered', async () => {
    const transport = new HeldTransport();
    let silent = 0;
    const channel = new SamChannel(transport, { ...quietHooks, noReply: () => silent++ }, 10);
    const first = channel.request(0x20, 0x01, undefined, 5).catch((error: unknown) => error);
    transport.finishWrite();
    expect(await first).toBeInstanceOf(DeviceTimeoutError);
    const second = channel.request(0x20, 0x01, undefined, 1_000);
    await until(() => transport.written.length === 2);
    expect(silent).toBe(1);
    transport.finishWrite();
    transport.reply(encodeSamResponse(0x9f, new Uint8Array(4)));
    await expect(second).resolves.toMatchObject({ sw3: 0x9f });
  });

  it('drops a reply of the wrong shape for the request in flight and waits for the right one', async () => {
    const transport = new HeldTransport();
    let stray = 0;
    const channel = new SamChannel(transport, { ...quietHooks, strayReply: () => stray++ });
    const find = channel.request(0x20, 0x01, undefined, 1_000, (response) => response.sw3 !== 0x90);
    await until(() => transport.written.length === 1);
    transport.finishWrite();
    transport.reply(encodeSamResponse(0x90, new Uint8Array(8)));
    expect(stray).toBe(1);
    transport.reply(encodeSamResponse(0x9f, new Uint8Array(4)));
    await expect(find).resolves.toMatchObject({ sw3: 0x9f });
  });
});
