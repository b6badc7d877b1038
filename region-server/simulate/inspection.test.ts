import { describe, expect, it } from 'vitest';
import { EventSchemas } from '../../protocol/hall/events.ts';
import { INDICATOR_IDS } from '../../protocol/hall/inspection.ts';
import { seededRandom, type SimulatedHall } from './activity.ts';
import { simulatedInspection } from './inspection.ts';
import { DEMO_SITES } from './sites.ts';

const items = [
  { code: '212036001003', name: '城乡居民参保登记' },
  { code: '212036008001', name: '长期异地就医备案' },
  { code: '212036010001', name: '门诊慢特病待遇认定' },
  { code: '212036002001', name: '参保信息查询' },
  { code: '212036004001', name: '医保关系转移接续' },
];
const now = new Date('2026-11-30T16:30:00Z');

function hallOf(site: (typeof DEMO_SITES)[number]): SimulatedHall {
  return { siteId: site.id, windows: site.windows, items, staff: site.staff, busy: site.busy };
}

describe('a simulated site\'s 示范点自查 report', () => {
  const reports = DEMO_SITES.map((site, i) => simulatedInspection(hallOf(site), site.name, now, seededRandom(11 + i)));

  it('is an inspection.reported event a real hall sends, for the hall\'s current month, with all eleven indicators', () => {
    for (const [i, report] of reports.entries()) {
      expect(EventSchemas['inspection.reported'].safeParse(report).success).toBe(true);
      expect(report).toMatchObject({ month: '2026-12', hallName: DEMO_SITES[i]!.name, generatedAt: '2026-11-30T16:30:00.000Z' });
      expect(report.indicators.map((x) => x.id)).toEqual([...INDICATOR_IDS]);
      expect(report.passed).toBe(report.indicators.filter((x) => x.status === 'pass').length);
      expect(report.failed).toBe(report.indicators.filter((x) => x.status === 'fail').length);
    }
  });

  it('fails the window count at sites with fewer than 3 windows and passes it at the others', () => {
    for (const [i, report] of reports.entries()) {
      const windows = report.indicators.find((x) => x.id === 'windows')!;
      expect(windows.status).toBe(DEMO_SITES[i]!.windows >= 3 ? 'pass' : 'fail');
    }
    expect(reports[0]!.indicators.find((x) => x.id === 'windows')).toMatchObject({ figure: '3 个（其中潮汐窗口 1 个）', detail: '' });
    expect(reports.at(-1)!.indicators.find((x) => x.id === 'windows')).toMatchObject({ figure: '1 个（其中潮汐窗口 0 个）', detail: '还差 2 个窗口' });
  });

  it('gives a failing indicator a reason and a passing one none', () => {
    const all = reports.flatMap((r) => r.indicators);
    expect(all.filter((x) => x.status === 'fail').every((x) => x.detail !== '')).toBe(true);
    expect(all.filter((x) => x.status === 'pass').every((x) => x.detail === '')).toBe(true);
  });

  it('is the same report for the same seed', () => {
    const site = DEMO_SITES[0]!;
    expect(simulatedInspection(hallOf(site), site.name, now, seededRandom(5))).toEqual(simulatedInspection(hallOf(site), site.name, now, seededRandom(5)));
  });
});
