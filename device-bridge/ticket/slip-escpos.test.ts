import { describe, expect, it } from 'vitest';
import { EscPosDecoder } from '../codecs/escpos-decode.ts';
import { SlipSchema, type Slip } from '../../protocol/bridge/ticket/slip.ts';
import { slipToEscPos } from './slip-escpos.ts';

const PROMISE: Slip = {
  kind: 'promise',
  hallName: '示例县医疗保障服务大厅',
  service: '城乡居民参保登记',
  printedAt: '2026-12-03 09:30',
  consultPhone: '0410-0000001',
  maskedName: '张*三',
  materials: [{ name: '居住证', form: '原件 1 份' }],
  workingDays: 5,
  dueDate: '2026-12-10',
};

function printedLines(bytes: Uint8Array): string[] {
  return new EscPosDecoder().push(bytes).flatMap((e) => (e.type === 'line' ? [e.text] : []));
}

describe('the 容缺受理承诺书 slip on paper', () => {
  it('DB21/T 4402 §9.5.6: the 承诺书 prints the missing materials, the 补正 deadline, the masked name, the promises and a line to sign', () => {
    const bytes = slipToEscPos(PROMISE);
    // ESC @ (init) and FS & (Chinese mode) first; feed 3 lines (ESC d 3) and a partial cut (GS V B 0) last.
    expect([...bytes.subarray(0, 4)]).toEqual([0x1b, 0x40, 0x1c, 0x26]);
    expect([...bytes.subarray(-7)]).toEqual([0x1b, 0x64, 0x03, 0x1d, 0x56, 0x42, 0x00]);
    expect(printedLines(bytes).map((l) => l.trimEnd())).toEqual([
      '示例县医疗保障服务大厅',
      '容缺受理承诺书',
      '-'.repeat(48),
      '事项：城乡居民参保登记',
      '申请人：张*三',
      '本人申请容缺受理，以下材料暂缺，承诺后补：',
      '1. 居住证（原件 1 份）',
      '补正期限：2026年12月10日前（5个工作日内）',
      '-'.repeat(48),
      '本人承诺：',
      '1. 申请容缺受理是本人真实意愿；',
      '2. 已知晓窗口告知的全部内容；',
      '3. 提供的所有申报材料真实有效；',
      '4. 在上述期限内补齐补正材料；',
      '5. 逾期未补齐视为放弃申请，按退件办结；承诺不实',
      '   的，承担相应责任。',
      '申请人签名：____________________',
      '日期：________年____月____日',
      '-'.repeat(48),
      '请将本承诺书交给窗口工作人员',
      '咨询电话 0410-0000001',
      '打印时间 2026-12-03 09:30',
    ]);
    // The title in GB18030 as the printer receives it (容 = C8DD, 缺 = C8B1).
    const hex = Buffer.from(bytes).toString('hex');
    expect(hex).toContain('c8ddc8b1');
  });

  it('DB21/T 4402 §9.5.5: a full name or an ID number never reaches the paper', () => {
    expect(SlipSchema.safeParse({ ...PROMISE, maskedName: '张小三' }).success).toBe(false);
    expect(SlipSchema.safeParse({ ...PROMISE, maskedName: '2101****1234567' }).success).toBe(false);
    expect(() => slipToEscPos({ ...PROMISE, maskedName: '张小三' })).toThrow(/姓名未脱敏/);
  });

  it('DB21/T 4402 §9.3: an item without 容缺 prints what to bring next time', () => {
    const lines = printedLines(slipToEscPos({
      kind: 'bring-next-time', hallName: '示例县医疗保障服务大厅', service: '转外就医备案', printedAt: '2026-12-03 09:30', consultPhone: '0410-0000001',
      materials: [{ name: '居民身份证或社会保障卡', form: '原件 1 份' }, { name: '转诊转院审批表', form: '原件 1 份' }],
    })).map((l) => l.trimEnd());
    expect(lines.slice(1, 6)).toEqual([
      '下次办理请带齐以下材料', '-'.repeat(48), '事项：转外就医备案', '1. 居民身份证或社会保障卡（原件 1 份）', '2. 转诊转院审批表（原件 1 份）',
    ]);
    expect(lines).toContain('本事项不适用容缺受理，材料齐全后即可办理。');
  });
});
