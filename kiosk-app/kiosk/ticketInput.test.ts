import { describe, expect, it } from 'vitest';
import { TicketSchema } from '../../protocol/bridge/messages.ts';
import { ticketInput } from './ticketInput.ts';

describe('ticket input', () => {
  it('DB21/T 4402 §9.3: builds a ticket the bridge accepts with every material (form, count, 容缺) and the time limit, masked name only', () => {
    const material = (name: string, deferrable = false) => ({ name, form: 'original' as const, count: 1, deferrable });
    const input = ticketInput(
      {
        id: 'tk_1', number: 'A023', serviceName: '城乡居民参保登记', peopleAhead: 3, waitMinutes: 9, windows: ['1号窗口', '2号窗口'],
        maskedName: '张*丰', issuedAt: '2026-11-22 09:05', duplicate: true,
      },
      { hallName: '示例县医保服务大厅', supervisionPhone: '024-12345678', slogan: '中国医保 一生守护', materials: ['身份证', '户口簿', '照片', '申请表', '证明'].map((m, i) => material(m, i === 4)), timeLimit: { kind: 'working_days', days: 20 } },
      true,
    );
    const ticket = TicketSchema.parse(input);
    expect(ticket.materials.map((m) => [m.name, m.deferrable])).toEqual([['身份证', false], ['户口簿', false], ['照片', false], ['申请表', false], ['证明', true]]);
    expect(ticket.timeLimit).toBe('20个工作日');
    expect(ticket.maskedName).toBe('张*丰');
    expect(ticket.reprint).toBe(true);
    expect(ticket.qrPayload).toBe('YBTICKET:tk_1');
    expect(JSON.stringify(ticket)).not.toMatch(/\d{15}/);
  });
});

describe('ticket QR', () => {
  it('carries the citizen\'s progress URL when the hall gives one', () => {
    const input = ticketInput(
      {
        id: 'tk_2', number: 'A024', serviceName: '城乡居民参保登记', peopleAhead: 0, waitMinutes: 0, windows: [],
        maskedName: null, issuedAt: '2026-11-22 09:05', duplicate: false, progressUrl: 'https://region.example/t/AbCdEfGhIjKlMnOpQrStUv_-',
      },
      { hallName: '示例县医保服务大厅', supervisionPhone: '024-12345678', slogan: '中国医保 一生守护', materials: [], timeLimit: null },
      false,
    );
    expect(TicketSchema.parse(input).qrPayload).toBe('https://region.example/t/AbCdEfGhIjKlMnOpQrStUv_-');
  });
});

describe('预约 ticket', () => {
  it('DB21/T 4402 §10.1.2: an on-time check-in prints 预约 and the slot next to the item', () => {
    const input = ticketInput(
      {
        id: 'tk_3', number: 'A025', serviceName: '城乡居民参保登记', peopleAhead: 0, waitMinutes: 0, windows: ['1号窗口'],
        maskedName: '李*', issuedAt: '2026-12-07 09:45', duplicate: false, checkIn: { timing: 'on_time', slot: '10:00', message: '' },
      },
      { hallName: '示例县医保服务大厅', supervisionPhone: '024-12345678', slogan: '中国医保 一生守护', materials: [], timeLimit: null },
      false,
    );
    expect(TicketSchema.parse(input).service).toBe('城乡居民参保登记（预约 10:00）');
  });
});
