import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { PcscError, pcscErrorFrom } from './pcsc-errors.ts';
import { PcscTransport, type PcscContext } from './pcsc.ts';

describe('PC/SC errors', () => {
  it('maps pcsclite messages by their return code', () => {
    const cases: [string, string][] = [
      ['SCardEstablishContext error: Service not available.(0x8010001d)', 'service_down'],
      ['SCardGetStatusChange error: RPC transport error.(0x80100013)', 'service_down'],
      ['SCardConnect error: Sharing violation.(0x8010000b)', 'reader_busy'],
      ['SCardTransmit error: Card was removed.(0x80100069)', 'card_removed'],
      ['SCardConnect error: Card is unresponsive.(0x80100066)', 'card_unresponsive'],
      ['SCardConnect error: Card protocol mismatch.(0x8010000f)', 'protocol_mismatch'],
      ['SCardConnect error: Unknown reader specified.(0x80100009)', 'no_reader'],
      ['SCardTransmit error: Unexpected.(0x80100016)', 'failed'],
      ['no code at all', 'failed'],
    ];
    for (const [message, code] of cases) expect(pcscErrorFrom(new Error(message)).code).toBe(code);
  });

  it('gives a manager a Chinese reason', () => {
    expect(pcscErrorFrom(new Error('SCardEstablishContext error: Service not available.(0x8010001d)')).reason).toBe(
      '读卡服务（pcscd）未运行，请联系技术人员启动读卡服务',
    );
    expect(new PcscError('addon_missing', 'x').reason).toBe('本机未安装社保卡读卡组件（pcsclite），请联系技术人员');
  });
});

describe('PC/SC transport without the addon', () => {
  it('fails to open with addon_missing instead of stopping the bridge', async () => {
    const transport = new PcscTransport({ share: 'exclusive', protocol: 'auto' }, () => Promise.reject(new Error("Cannot find module 'pcsclite'")));
    const failure = await transport.open().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PcscError);
    expect(failure).toMatchObject({ code: 'addon_missing', reason: '本机未安装社保卡读卡组件（pcsclite），请联系技术人员' });
    expect(transport.isOpen).toBe(false);
    expect(transport.kind).toBe('pcsc');
  });
});

/** A stand-in for the addon's context and reader objects (only in this unit test; the real stack runs in bridge-pcsc). */
class FakeReader extends EventEmitter {
  readonly SCARD_SHARE_SHARED = 2;
  readonly SCARD_SHARE_EXCLUSIVE = 1;
  readonly SCARD_PROTOCOL_T0 = 1;
  readonly SCARD_PROTOCOL_T1 = 2;
  readonly SCARD_STATE_EMPTY = 0x10;
  readonly SCARD_STATE_PRESENT = 0x20;
  readonly SCARD_STATE_MUTE = 0x200;
  readonly SCARD_LEAVE_CARD = 0;
  connected = false;
  closed = 0;
  constructor(readonly name: string) {
    super();
  }
  close() {
    this.closed++;
  }
}

class FakeContext extends EventEmitter {
  closed = 0;
  close() {
    this.closed++;
  }
}

async function openWithFake(reader?: string) {
  const context = new FakeContext();
  const load = async () => ({ default: () => context as PcscContext });
  const transport = new PcscTransport({ reader, share: 'exclusive', protocol: 'auto' }, load);
  const seen: string[] = [];
  transport.onReader((name) => seen.push(`reader:${name}`));
  transport.onCard((card) => seen.push(`card:${card}`));
  transport.onLost((reason) => seen.push(`lost:${reason}`));
  await transport.open();
  return { context, transport, seen };
}

describe('PC/SC transport events', () => {
  it('adopts the configured reader, follows card states, and lets go of a reader that is unplugged', async () => {
    const { context, transport, seen } = await openWithFake('ACR39');
    const other = new FakeReader('Generic Smart Card Reader 00 00');
    context.emit('reader', other);
    expect(() => other.emit('error', new Error('SCardGetStatusChange error: x.(0x80100013)'))).not.toThrow();
    const reader = new FakeReader('ACS ACR39U ICC Reader 00 00');
    context.emit('reader', reader);
    expect(transport.readerName).toBe('ACS ACR39U ICC Reader 00 00');
    reader.emit('status', { state: reader.SCARD_STATE_PRESENT });
    expect(transport.hasCard).toBe(true);
    reader.emit('status', { state: reader.SCARD_STATE_PRESENT | reader.SCARD_STATE_MUTE });
    reader.emit('status', { state: reader.SCARD_STATE_EMPTY });
    reader.emit('status', { state: reader.SCARD_STATE_PRESENT });
    reader.emit('end');
    expect(seen).toEqual(['reader:ACS ACR39U ICC Reader 00 00', 'card:present', 'card:mute', 'card:absent', 'card:present', 'card:absent', 'reader:null']);
    expect(reader.closed).toBe(0);
    expect(transport.hasCard).toBe(false);
    const replugged = new FakeReader('ACS ACR39U ICC Reader 00 00');
    context.emit('reader', replugged);
    expect(seen.at(-1)).toBe('reader:ACS ACR39U ICC Reader 00 00');
    await transport.close();
    expect(replugged.closed).toBe(1);
    expect(context.closed).toBe(1);
  });

  it('reports pcscd going away as lost and drops the context', async () => {
    const { context, transport, seen } = await openWithFake();
    const reader = new FakeReader('Virtual PCD 00 00');
    context.emit('reader', reader);
    reader.emit('status', { state: reader.SCARD_STATE_PRESENT });
    context.emit('error', new Error('SCardGetStatusChange error: RPC transport error.(0x80100013)'));
    expect(seen.slice(-2)).toEqual(['card:absent', 'lost:PC/SC service_down: SCardGetStatusChange error: RPC transport error.(0x80100013)']);
    expect(transport.isOpen).toBe(false);
    expect(context.closed).toBe(1);
    expect(reader.closed).toBe(1);
    await expect(transport.connectCard()).rejects.toMatchObject({ code: 'no_reader' });
  });
});
