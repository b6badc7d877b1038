import { describe, expect, it } from 'vitest';
import type { PackData } from '../../content/schema/index.ts';
import { samplePackData } from '../../tests/support/sample-pack.ts';
import { inspect, type InspectionInput } from './indicators.ts';
import type { IndicatorId } from '../../protocol/hall/inspection.ts';

function input(change: Partial<InspectionInput> = {}, pack: PackData = samplePackData()): InspectionInput {
  return {
    month: '2026-11',
    pack,
    utcOffsetMinutes: 480,
    ratings: { rated: 0, bad: 0 },
    served: { items: [], windows: [], staff: [] },
    padWindows: pack.windows.map((w) => w.number),
    cases: { due: 0, closedOnTime: 0, closedLate: 0, openOverdue: 0 },
    tidal: [],
    activatedAt: '2026-11-23T01:00:00Z',
    ...change,
  };
}
const one = (id: IndicatorId, i: InspectionInput) => inspect(i).find((x) => x.id === id)!;

describe('示范点 self-inspection indicators', () => {
  it('示范点指标 9: the sample pack opens window, web, phone and mobile channels; without phone it fails', () => {
    expect(one('channels', input())).toMatchObject({ status: 'pass', figure: '5 种（窗口办理、网上办理、掌上办理、电话办理、自助办理）' });
    const pack = samplePackData();
    for (const s of pack.services) s.guide.channels = s.guide.channels.filter((c) => c.kind !== 'phone');
    expect(one('channels', input({}, pack))).toMatchObject({ status: 'fail', detail: '缺少电话办理' });
  });

  it('示范点指标 14: 网办掌办率 is the share of items with a web or mobile channel, at least 80 %', () => {
    expect(one('online-share', input())).toMatchObject({ status: 'pass', figure: '88.2%（15/17 项）' });
    const pack = samplePackData();
    for (const s of pack.services.slice(0, 4)) s.guide.channels = s.guide.channels.filter((c) => c.kind !== 'web' && c.kind !== 'mobile');
    const failed = one('online-share', input({}, pack));
    expect(failed).toMatchObject({ status: 'fail', figure: '64.7%（11/17 项）' });
    expect(failed.detail.startsWith('不能网办掌办：城乡居民参保登记、职工参保登记')).toBe(true);
  });

  it('示范点标准 二（六）: at least 3 windows', () => {
    expect(one('windows', input()).status).toBe('pass');
    const pack = samplePackData();
    pack.windows = pack.windows.slice(0, 2);
    expect(one('windows', input({}, pack))).toMatchObject({ status: 'fail', figure: '2 个（其中潮汐窗口 0 个）', detail: '还差 1 个窗口' });
  });

  it('示范点指标 19: monthly satisfaction of at least 90 %, no data without ratings', () => {
    expect(one('satisfaction', input()).status).toBe('no_data');
    expect(one('satisfaction', input({ ratings: { rated: 100, bad: 10 } }))).toMatchObject({ status: 'pass', figure: '90.0%（100 次评价，差评 10 次）' });
    expect(one('satisfaction', input({ ratings: { rated: 100, bad: 11 } }))).toMatchObject({ status: 'fail', figure: '89.0%（100 次评价，差评 11 次）' });
  });

  it('示范点指标 18: every item and every window and person that served someone got a rating', () => {
    const items = [{ key: '212036001003', finished: 4, rated: 3 }, { key: '212036008001', finished: 2, rated: 0 }];
    expect(one('coverage-items', input({ served: { items, windows: [], staff: [] } }))).toMatchObject({
      status: 'fail', figure: '1/2 有评价，评价率 50.0%', detail: '没有评价：长期异地就医备案',
    });
    const windows = [{ key: '1', finished: 3, rated: 1 }];
    const staff = [{ key: '', finished: 3, rated: 0 }];
    expect(one('coverage-people', input({ served: { items: [], windows, staff } }))).toMatchObject({ status: 'fail', detail: '没有评价：未登记工作人员' });
    expect(one('coverage-people', input({ served: { items: [], windows, staff: [] } })).status).toBe('pass');
  });

  it('示范点指标 18: every window has a rating pad and every item another way to rate', () => {
    expect(one('coverage-channels', input()).status).toBe('pass');
    expect(one('coverage-channels', input({ padWindows: [1, 2] }))).toMatchObject({ status: 'fail', detail: '3号窗口、4号窗口、5号窗口、6号窗口没有配对评价器' });
  });

  it('DB21/T 4402 §11.2: every 差评 due this month was closed on time', () => {
    expect(one('cases-on-time', input()).status).toBe('no_data');
    expect(one('cases-on-time', input({ cases: { due: 3, closedOnTime: 3, closedLate: 0, openOverdue: 0 } }))).toMatchObject({ status: 'pass', figure: '3/3 件按时办结' });
    expect(one('cases-on-time', input({ cases: { due: 2, closedOnTime: 1, closedLate: 1, openOverdue: 1 } }))).toMatchObject({
      status: 'fail', figure: '1/3 件按时办结', detail: '逾期办结 1 件，逾期未办结 1 件',
    });
  });

  it('DB21/T 4402 §7.1.6: a tidal window was opened each time more than 5 waited, and how fast', () => {
    const opened = { group: 'A', since: '2026-11-10T01:00:00Z', clearedAt: '2026-11-10T01:04:00Z', reason: 'tidal_window_opened' as const };
    const slow = { group: 'B', since: '2026-11-11T01:00:00Z', clearedAt: '2026-11-11T01:10:00Z', reason: 'tidal_window_opened' as const };
    expect(one('tidal', input({ tidal: [opened, slow] }))).toMatchObject({ status: 'pass', figure: '超过 2 次，开启潮汐窗口 2 次，平均 7 分钟、最长 10 分钟开窗' });
    const standing = { group: 'C', since: '2026-11-12T01:00:00Z', clearedAt: null, reason: null };
    expect(one('tidal', input({ tidal: [opened, standing] }))).toMatchObject({ status: 'fail', detail: '1 次超过阈值后没有开启潮汐窗口' });
  });

  it('DB21/T 4402 §10.1.3: a changed pack reaches the terminals within 20 working days', () => {
    expect(one('disclosure', input())).toMatchObject({ status: 'pass', figure: '内容包 2026-11-22 形成，2026-11-23 在终端公开，用时 1 个工作日' });
    expect(one('disclosure', input({ activatedAt: '2026-12-21T01:00:00Z' }))).toMatchObject({ status: 'fail', detail: '超过 20 个工作日' });
    expect(one('disclosure', input({ activatedAt: '2026-12-18T01:00:00Z' })).status).toBe('pass');
  });

  it('示范点标准 二（七）: the slogan 中国医保 一生守护 is shown', () => {
    expect(one('slogan', input())).toMatchObject({ status: 'pass', figure: '显示“中国医保 一生守护”' });
    const pack = samplePackData();
    pack.manifest.hall.slogan = '服务至上';
    expect(one('slogan', input({}, pack)).status).toBe('fail');
  });
});
