// The vpcd virtual card against a local TCP server standing in for vpcd: exact frames, split and joined chunks.
import { createServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { selectByName, SSCARD_DF_NAME } from '../codecs/sscard-apdu.ts';
import { SIM_PRESETS } from './identities.ts';
import { SSCARD_ATR, ssCardFor } from './ss-reader.ts';
import { VpcdCard } from './vpcd-card.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** A vpcd-side server; resolves the accepted socket and collects what the card sends. */
async function fakeVpcd(): Promise<{ port: number; accepted: Promise<Socket>; received: () => Buffer }> {
  let data = Buffer.alloc(0);
  let accept: (socket: Socket) => void = () => undefined;
  const accepted = new Promise<Socket>((resolve) => (accept = resolve));
  const server = createServer((socket) => {
    socket.on('data', (chunk) => (data = Buffer.concat([data, chunk])));
    accept(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no address');
  return { port: address.port, accepted, received: () => data };
}

const framed = (bytes: Uint8Array) => Buffer.from([bytes.length >> 8, bytes.length & 0xff, ...bytes]);
const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('vpcd virtual card', () => {
  it('answers get-ATR with the ATR, stays silent on power on, answers APDUs; handles split and joined frames', async () => {
    const vpcd = await fakeVpcd();
    const card = new VpcdCard(ssCardFor(SIM_PRESETS.resident, false), vpcd.port);
    closers.push(() => card.remove());
    await card.insert();
    const socket = await vpcd.accepted;
    const select = framed(selectByName(SSCARD_DF_NAME));
    socket.write(Buffer.concat([framed(Uint8Array.of(0x01)), framed(Uint8Array.of(0x04)), select.subarray(0, 3)]));
    await until(() => vpcd.received().length >= 2 + SSCARD_ATR.length);
    socket.write(select.subarray(3));
    await until(() => vpcd.received().length >= 2 + SSCARD_ATR.length + 4);
    expect([...vpcd.received()]).toEqual([...framed(SSCARD_ATR), 0x00, 0x02, 0x90, 0x00]);
    expect(card.controls).toEqual([0x01, 0x04]);
  });

  it('a locked card refuses the application select with 69 82; removal closes the connection', async () => {
    const vpcd = await fakeVpcd();
    const card = new VpcdCard(ssCardFor(SIM_PRESETS.resident, true), vpcd.port);
    await card.insert();
    const socket = await vpcd.accepted;
    const closed = new Promise<void>((resolve) => socket.once('end', () => resolve()));
    socket.write(framed(selectByName(SSCARD_DF_NAME)));
    await until(() => vpcd.received().length >= 4);
    expect([...vpcd.received()]).toEqual([0x00, 0x02, 0x69, 0x82]);
    await card.remove();
    await closed;
    expect(card.inserted).toBe(false);
  });

  it('says vpcd is not listening when nothing accepts', async () => {
    const vpcd = await fakeVpcd();
    await closers.pop()?.();
    await expect(new VpcdCard(ssCardFor(SIM_PRESETS.resident, false), vpcd.port).insert()).rejects.toThrow(/vpcd is not listening/);
  });
});
