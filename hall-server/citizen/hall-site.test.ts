import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../../protocol/rules/workdays.ts';
import { hallSiteNow, type HallSiteInput } from './hall-site.ts';

const at = (local: string) => Date.parse(`${local}:00+08:00`);
const hours = [{ from: '08:30', to: '11:30' }, { from: '13:00', to: '17:00' }];
const input: HallSiteInput = {
  siteId: 'hall',
  manifest: { hall: { name: '示例县医疗保障服务大厅', level: '县区', region: '辽宁省', address: '政务服务中心一楼', hours: ['周一至周五 8:30—11:30，13:00—17:00'], consultPhone: '0410-0000001', complaintPhone: '0410-0000002', duties: ['x'], commitments: ['y'], slogan: '中国医保 一生守护', tidalThreshold: 5, callRepeat: 2 } },
  services: [
    { name: '居民参保登记', waiting: 2, issuedToday: 5, issuingHours: hours },
    { name: '职工参保登记', waiting: 0, issuedToday: 1, issuingHours: hours },
    { name: '异地就医备案', waiting: 0, issuedToday: 0, issuingHours: [{ from: '08:30', to: '11:30' }] },
  ],
  windowsOpen: 2,
  calendar: compileCalendar({ holidays: [], workdays: [] }),
  utcOffsetMinutes: 480,
  nowMs: at('2026-11-02T10:00'),
};

describe('hallSiteNow', () => {
  it('counts per item of today, windows open, open until the session ends; live', () => {
    expect(hallSiteNow(input)).toEqual({
      siteId: 'hall', name: '示例县医疗保障服务大厅', levelName: '县区医保经办大厅', address: '政务服务中心一楼',
      hours: ['周一至周五 8:30—11:30，13:00—17:00'], open: true, closesAt: '2026-11-02T03:30:00.000Z', opensAt: null, live: true,
      lastReportAt: '2026-11-02T02:00:00.000Z', windowsOpen: 2,
      waiting: [{ itemName: '居民参保登记', waiting: 2 }, { itemName: '职工参保登记', waiting: 0 }],
      neighbours: [], at: '2026-11-02T02:00:00.000Z',
    });
  });
  it('a region-built pack names the level of the 1+21+N network; closed at lunch until 13:00', () => {
    const site = hallSiteNow({ ...input, manifest: { ...input.manifest, site: { id: 'dongcheng', level: 'town' } }, nowMs: at('2026-11-02T12:00') });
    expect(site).toMatchObject({ levelName: '镇街医保服务站', open: false, opensAt: '2026-11-02T05:00:00.000Z', closesAt: null });
  });
});
