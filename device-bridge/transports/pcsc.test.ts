import { describe, expect, it } from 'vitest';
import { PcscError, pcscErrorFrom } from './pcsc-errors.ts';
import { PcscTransport } from './pcsc.ts';

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
