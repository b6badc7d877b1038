import { describe, expect, it } from 'vitest';
import { EscPosBuilder, encodeGb18030TwoByte } from './escpos.ts';
import { ticketToEscPos } from '../ticket/escpos.ts';
import { SAMPLE_TICKET } from '../../protocol/bridge/ticket/sample.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('EscPosBuilder', () => {
  it('starts with ESC @ and FS &', () => {
    expect(hex(new EscPosBuilder().init().bytes())).toBe('1b401c26');
  });

  it('encodes Chinese text in GB18030 two-byte form', () => {
    expect(hex(new EscPosBuilder().line('医保A').bytes())).toBe('d2bdb1a3410a');
  });

  it('replaces four-byte GB18030 characters with a fallback', () => {
    expect(hex(encodeGb18030TwoByte('张𠀀', '*'))).toBe('d5c52a');
  });

  it('emits alignment, sizes for ASCII and Chinese, bold and partial cut', () => {
    const bytes = new EscPosBuilder().align('center').size(2, 2).bold(true).cut(3).bytes();
    expect(hex(bytes)).toBe('1b6101' + '1d2111' + '1c210c' + '1b4501' + '1d564203');
  });

  it('stores QR data with pL pH = byte count + 3', () => {
    const data = new Uint8Array(300).fill(0x41);
    const bytes = new EscPosBuilder().qr(data, 6, 'M').bytes();
    const expectedHead = '1d286b0400314132001d286b03003143061d286b03003145311d286b2f0131503041';
    expect(hex(bytes.subarray(0, 34))).toBe(expectedHead);
    expect(bytes.length).toBe(9 + 8 + 8 + 8 + 300 + 8);
    expect(hex(bytes.subarray(bytes.length - 8))).toBe('1d286b0300315130');
  });

  it('rejects sizes outside 1..8', () => {
    expect(() => new EscPosBuilder().size(9, 1)).toThrow(RangeError);
  });
});

describe('ticketToEscPos', () => {
  const bytes = ticketToEscPos(SAMPLE_TICKET);

  it('is a complete job under 1,500 bytes with 4 materials and a QR', () => {
    expect(hex(bytes.subarray(0, 4))).toBe('1b401c26');
    expect(hex(bytes.subarray(bytes.length - 4))).toBe('1d564200');
    expect(bytes.length).toBeLessThanOrEqual(1500);
  });

  it('carries the QR payload byte for byte', () => {
    const payload = Buffer.from(String(SAMPLE_TICKET.qrPayload));
    const store = Buffer.concat([Buffer.from([0x1d, 0x28, 0x6b, (payload.length + 3) & 0xff, (payload.length + 3) >> 8, 0x31, 0x50, 0x30]), payload]);
    expect(Buffer.from(bytes).indexOf(store)).toBeGreaterThan(0);
  });

  it('replaces characters outside the two-byte area: masked in the name, a box elsewhere', () => {
    const rare = Buffer.from(ticketToEscPos({ ...SAMPLE_TICKET, maskedName: '𠮷*三', materials: ['户口簿（𠮷）'] }));
    expect(rare.indexOf(encodeGb18030TwoByte('姓名 **三'))).toBeGreaterThan(0);
    expect(rare.indexOf(encodeGb18030TwoByte('1. 户口簿（□）'))).toBeGreaterThan(0);
  });

  it('prints the masked name, never anything unmasked', () => {
    expect(Buffer.from(bytes).indexOf(encodeGb18030TwoByte('姓名 张*三'))).toBeGreaterThan(0);
    expect(() => ticketToEscPos({ ...SAMPLE_TICKET, maskedName: '张小三' })).toThrow('姓名未脱敏');
  });
});
