import { describe, expect, it } from 'vitest';
import { SAMPLE_TICKET } from './sample.ts';
import { ticketToSvg } from './svg.ts';
import { layoutTicket, wrapColumns, textColumns } from './blocks.ts';
import { TicketSchema } from './types.ts';

describe('ticket layout', () => {
  it('wraps by printer columns, two per Chinese character, with a hanging indent', () => {
    expect(textColumns('A012 号')).toBe(7);
    expect(wrapColumns('1. 本人有效身份证件或社会保障卡', 12, '   ')).toEqual(['1. 本人有效', '   身份证件', '   或社会保', '   障卡']);
  });

  it('puts every part of the ticket in order', () => {
    const blocks = layoutTicket(TicketSchema.parse(SAMPLE_TICKET));
    const texts = blocks.flatMap((block) => (block.kind === 'text' ? block.lines : block.kind === 'qr' ? [`QR:${block.payload}`] : []));
    expect(texts).toEqual([
      '沈阳市和平区医疗保障服务大厅',
      'A012',
      '医疗费用手工（零星）报销',
      '您前面还有 3 人等候',
      '请到 3号窗口、5号窗口 办理',
      '取号时间 2026-11-22 09:41',
      '姓名 张*三',
      '请备齐以下材料（一次性告知）：',
      '1. 本人有效身份证件或社会保障卡',
      '2. 医疗费用原始票据',
      '3. 费用明细清单',
      '4. 出院小结或诊断证明（住院费用）',
      'QR:https://hall.example/t/A012?d=20261122&h=SY-HP-01',
      '扫码查看排队进度',
      '监督电话 024-12345678',
      '中国医保 一生守护',
    ]);
  });

  it('refuses an unmasked name and more than four materials', () => {
    expect(TicketSchema.safeParse({ ...SAMPLE_TICKET, maskedName: '张小三' }).error?.issues[0]?.message).toBe('姓名未脱敏，不能打印在小票上');
    expect(TicketSchema.safeParse({ ...SAMPLE_TICKET, materials: ['a', 'b', 'c', 'd', 'e'] }).success).toBe(false);
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

  it('marks a reprint', () => {
    expect(ticketToSvg({ ...SAMPLE_TICKET, reprint: true })).toContain('（补打）');
  });
});
