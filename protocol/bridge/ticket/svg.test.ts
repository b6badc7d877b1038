import { describe, expect, it } from 'vitest';
import { SAMPLE_TICKET } from './sample.ts';
import { ticketToSvg } from './svg.ts';
import { layoutTicket, wrapColumns, textColumns } from './blocks.ts';
import { TicketSchema, type TicketMaterial } from './types.ts';

const material = (name: string, deferrable = false): TicketMaterial => ({ name, form: 'original', count: 1, deferrable });
const textsOf = (blocks: ReturnType<typeof layoutTicket>) =>
  blocks.flatMap((block) => (block.kind === 'text' ? block.lines : block.kind === 'qr' ? [`QR:${block.payload}`] : block.kind === 'cut' ? ['✂'] : []));

describe('ticket layout', () => {
  it('wraps by printer columns, two per Chinese character, with a hanging indent', () => {
    expect(textColumns('A012 号')).toBe(7);
    expect(wrapColumns('1. 本人有效身份证件或社会保障卡', 12, '   ')).toEqual(['1. 本人有效', '   身份证件', '   或社会保', '   障卡']);
  });

  it('DB21/T 4402 §9.3: puts every part of the ticket in order, each material with 原件/复印件, count and 容缺 mark, and the time limit', () => {
    expect(textsOf(layoutTicket(TicketSchema.parse(SAMPLE_TICKET)))).toEqual([
      '沈阳市和平区医疗保障服务大厅',
      'A012',
      '医疗费用手工（零星）报销',
      '您前面还有 3 人等候',
      '请到 3号窗口、5号窗口 办理',
      '取号时间 2026-11-22 09:41',
      '姓名 张*三',
      '请备齐以下材料（一次性告知）：',
      '办理时限：20个工作日',
      '1. 本人有效身份证件或社会保障卡（原件 1份）',
      '2. 医疗费用原始票据（原件 1份）',
      '3. 费用明细清单（原件 1份）',
      '4. 出院小结或诊断证明（住院费用）（复印件 1份，',
      '   可容缺后补）',
      '标“可容缺后补”的材料暂缺时可先受理，按承诺期限',
      '   补交',
      'QR:https://hall.example/t/A012?d=20261122&h=SY-HP-01',
      '扫码查看排队进度',
      '监督电话 024-12345678',
      '中国医保 一生守护',
    ]);
  });

  it('DB21/T 4402 §9.3: drops no material: ten long ones continue on a second slip after a cut, with the number and 续', () => {
    const materials = Array.from({ length: 10 }, (_, i) => material(`第${i + 1}项证明材料，由所在单位或社区出具并加盖公章`, i === 9));
    const texts = textsOf(layoutTicket(TicketSchema.parse({ ...SAMPLE_TICKET, materials })));
    const cut = texts.indexOf('✂');
    expect(cut).toBeGreaterThan(0);
    expect(texts.filter((t) => t === '✂')).toHaveLength(1);
    const numbered = texts.filter((t) => /^\d+\. /.test(t)).map((t) => Number(t.split('.')[0]));
    expect(numbered).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(texts.slice(cut - 5, cut + 9)).toEqual([
      '（材料清单未完，续见下一张小票）', 'QR:https://hall.example/t/A012?d=20261122&h=SY-HP-01', '扫码查看排队进度', '监督电话 024-12345678', '中国医保 一生守护', '✂',
      '沈阳市和平区医疗保障服务大厅', 'A012 号 一次性告知（续）', '医疗费用手工（零星）报销', '请备齐以下材料（续）：', '办理时限：20个工作日',
      '6. 第6项证明材料，由所在单位或社区出具并加盖公章', '   （原件 1份）', '7. 第7项证明材料，由所在单位或社区出具并加盖公章',
    ]);
    expect(texts.slice(-5)).toEqual(['10. 第10项证明材料，由所在单位或社区出具并加盖公', '   章（原件 1份，可容缺后补）', '标“可容缺后补”的材料暂缺时可先受理，按承诺期限', '   补交', '中国医保 一生守护']);
  });

  it('refuses an unmasked name and more than ten materials', () => {
    expect(TicketSchema.safeParse({ ...SAMPLE_TICKET, maskedName: '张小三' }).error?.issues[0]?.message).toBe('姓名未脱敏，不能打印在小票上');
    expect(TicketSchema.safeParse({ ...SAMPLE_TICKET, materials: Array.from({ length: 11 }, (_, i) => material(`材料${i}`)) }).success).toBe(false);
  });
});

describe('ticketToSvg', () => {
  it('draws the ticket text and a QR, escaping markup', () => {
    const svg = ticketToSvg({ ...SAMPLE_TICKET, hallName: '<大厅&>' });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('&#60;大厅&#38;&#62;');
    expect(svg).toContain('>A012</text>');
    expect(svg).toContain('>中国医保 一生守护</text>');
    expect(svg).toMatch(/<path d="M\d+ \d+h6v6h-6z/);
    expect(svg).not.toContain('undefined');
  });

  it('示范点标准: every ticket carries the slogan 中国医保 一生守护 unless the pack gives its own', () => {
    const { slogan: _slogan, ...withoutSlogan } = SAMPLE_TICKET;
    expect(TicketSchema.parse(withoutSlogan).slogan).toBe('中国医保 一生守护');
    expect(textsOf(layoutTicket(TicketSchema.parse(withoutSlogan))).at(-1)).toBe('中国医保 一生守护');
  });

  it('marks a reprint', () => {
    expect(ticketToSvg({ ...SAMPLE_TICKET, reprint: true })).toContain('（补打）');
  });
});
