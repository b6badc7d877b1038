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

  it('DB21/T 4402 §9.3: prints each material with its form, count and 容缺 mark, and the time limit, as GB18030 bytes', () => {
    const all = Buffer.from(bytes);
    for (const line of ['办理时限：20个工作日', '1. 本人有效身份证件或社会保障卡（原件 1份）', '   可容缺后补）']) {
      expect(all.indexOf(Buffer.concat([encodeGb18030TwoByte(line), Buffer.from([0x0a])]))).toBeGreaterThan(0);
    }
  });

  it('DB21/T 4402 §9.3: ten materials are one job of two slips: a partial cut between them and one at the end', () => {
    const materials = Array.from({ length: 10 }, (_, i) => ({ name: `第${i + 1}项证明材料，由所在单位或社区出具并加盖公章`, form: 'original' as const, count: 1, deferrable: false }));
    const job = Buffer.from(ticketToEscPos({ ...SAMPLE_TICKET, materials }));
    const cut = Buffer.from('1d564200', 'hex');
    const firstCut = job.indexOf(cut);
    expect(firstCut).toBeGreaterThan(0);
    expect(job.indexOf(cut, firstCut + 1)).toBe(job.length - 4);
    const secondSlip = job.subarray(firstCut + 4);
    expect(secondSlip.indexOf(encodeGb18030TwoByte('A012 号 一次性告知（续）'))).toBeGreaterThan(0);
    expect(secondSlip.indexOf(encodeGb18030TwoByte('10. 第10项证明材料'))).toBeGreaterThan(0);
    expect(job.subarray(0, firstCut).indexOf(encodeGb18030TwoByte('6. 第6项'))).toBe(-1);
  });

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
    const rare = Buffer.from(ticketToEscPos({ ...SAMPLE_TICKET, maskedName: '𠮷*三', materials: [{ name: '户口簿（𠮷）', form: 'original', count: 1, deferrable: false }] }));
    expect(rare.indexOf(encodeGb18030TwoByte('姓名 **三'))).toBeGreaterThan(0);
    expect(rare.indexOf(encodeGb18030TwoByte('1. 户口簿（□）（原件 1份）'))).toBeGreaterThan(0);
  });

  it('prints the masked name, never anything unmasked', () => {
    expect(Buffer.from(bytes).indexOf(encodeGb18030TwoByte('姓名 张*三'))).toBeGreaterThan(0);
    expect(() => ticketToEscPos({ ...SAMPLE_TICKET, maskedName: '张小三' })).toThrow('姓名未脱敏');
  });
});
