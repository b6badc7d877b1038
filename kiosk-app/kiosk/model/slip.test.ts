import { describe, expect, it } from 'vitest';
import { samplePackData } from '../../../tests/support/sample-pack.ts';
import { slipFor } from './slip.ts';
import type { Identity } from './types.ts';

const pack = samplePackData();
const service = (code: string) => pack.services.find((s) => s.code === code)!;
const citizen: Identity = { idNumber: '110101199003074514', name: '张小三', birthDate: '1990-03-07', source: 'id_card' };

describe('the slip after 材料不全', () => {
  it('DB21/T 4402 §9.5.6: an item with 容缺 gives a 承诺书 with its deferrable materials, the masked name and the deadline', () => {
    expect(slipFor(service('212036001003'), pack, citizen, '2026-12-03', '2026-12-03 09:30')).toEqual({
      kind: 'promise',
      hallName: '示例县医疗保障服务大厅（示例数据）',
      service: '城乡居民参保登记',
      printedAt: '2026-12-03 09:30',
      consultPhone: '0410-0000001',
      maskedName: '张*三',
      materials: [{ name: '居住证', form: '原件 1 份' }],
      workingDays: 5,
      dueDate: '2026-12-10',
    });
  });

  it('DB21/T 4402 §9.5.7: the 补正 deadline counts working days by the pack calendar (国庆节 and 调休 included)', () => {
    // Accepted on Tuesday 2026-09-29: 09-30, then 10-01..07 are holidays, 10-08, 10-09, 10-10 (调休 Saturday), 10-12.
    expect(slipFor(service('212036001003'), pack, citizen, '2026-09-29', '2026-09-29 09:30')).toMatchObject({ dueDate: '2026-10-12' });
  });

  it('DB21/T 4402 §9.3: an item without 容缺 lists every material to bring next time, with its form and count', () => {
    const slip = slipFor(service('212036008002'), pack, citizen, '2026-12-03', '2026-12-03 09:30');
    expect(slip).toEqual({
      kind: 'bring-next-time',
      hallName: '示例县医疗保障服务大厅（示例数据）',
      service: '转外就医备案',
      printedAt: '2026-12-03 09:30',
      consultPhone: '0410-0000001',
      materials: [
        { name: '居民身份证或社会保障卡', form: '原件 1 份' },
        { name: '转诊转院审批表', form: '原件 1 份' },
        { name: '代办人居民身份证', form: '原件 1 份' },
      ],
    });
    expect(JSON.stringify(slip)).not.toContain('张');
  });
});
