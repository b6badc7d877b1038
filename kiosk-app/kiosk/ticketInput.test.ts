import { describe, expect, it } from 'vitest';
import { TicketSchema } from '../../protocol/bridge/messages.ts';
import { ticketInput } from './ticketInput.ts';

describe('ticket input', () => {
  it('builds a ticket the bridge accepts, masked name only, at most 4 materials', () => {
    const input = ticketInput(
      {
        id: 'tk_1', number: 'A023', serviceName: '城乡居民参保登记', peopleAhead: 3, waitMinutes: 9, windows: ['1号窗口', '2号窗口'],
        maskedName: '张*丰', issuedAt: '2026-11-22 09:05', duplicate: true,
      },
      { hallName: '示例县医保服务大厅', supervisionPhone: '024-12345678', slogan: '中国医保 一生守护', materials: ['身份证', '户口簿', '照片', '申请表', '证明'] },
      true,
    );
    const ticket = TicketSchema.parse(input);
    expect(ticket.materials).toEqual(['身份证', '户口簿', '照片', '申请表']);
    expect(ticket.maskedName).toBe('张*丰');
    expect(ticket.reprint).toBe(true);
    expect(ticket.qrPayload).toBe('YBTICKET:tk_1');
    expect(JSON.stringify(ticket)).not.toMatch(/\d{15}/);
  });
});
