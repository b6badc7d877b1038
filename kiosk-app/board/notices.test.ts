import { describe, expect, it } from 'vitest';
import { samplePackData } from '../../tests/support/sample-pack.ts';
import { noticeLines } from './notices.ts';

const published = {
  month: '2026-11', problem: '高峰时段等候时间长', measure: '上午 9—11 点开启潮汐窗口', result: '平均等候由 25 分钟降到 12 分钟', closedOn: '2026-11-25',
};

describe('board notice line', () => {
  it('DB21/T 4402 §11.2: the 整改公示 follows the pack’s notices; the hall hours when there is nothing to show', () => {
    const pack = samplePackData();
    const quiet = { ...pack, notices: [] };
    const now = new Date('2026-11-26T02:00:00.000Z');
    expect(noticeLines(quiet, [published], now, '10:00')).toEqual([
      '整改公示：针对“高峰时段等候时间长”，上午 9—11 点开启潮汐窗口。整改结果：平均等候由 25 分钟降到 12 分钟',
    ]);
    expect(noticeLines(quiet, [], now, '10:00')).toEqual([pack.manifest.hall.hours[0]]);
    const withNotices = noticeLines(pack, [published], now, '10:00');
    expect(withNotices.at(-1)).toMatch(/^整改公示：/);
  });
});
