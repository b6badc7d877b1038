// A full ticket (4 materials and a QR) used by tests, benchmarks and the demo panel.
import type { TicketInput } from './types.ts';

export const SAMPLE_TICKET: TicketInput = {
  hallName: '沈阳市和平区医疗保障服务大厅',
  number: 'A012',
  service: '医疗费用手工（零星）报销',
  peopleAhead: 3,
  windows: ['3号窗口', '5号窗口'],
  issuedAt: '2026-11-22 09:41',
  maskedName: '张*三',
  materials: [
    { name: '本人有效身份证件或社会保障卡', form: 'original', count: 1, deferrable: false },
    { name: '医疗费用原始票据', form: 'original', count: 1, deferrable: false },
    { name: '费用明细清单', form: 'original', count: 1, deferrable: false },
    { name: '出院小结或诊断证明（住院费用）', form: 'copy', count: 1, deferrable: true },
  ],
  timeLimit: '20个工作日',
  qrPayload: 'https://hall.example/t/A012?d=20261122&h=SY-HP-01',
  supervisionPhone: '024-12345678',
};
