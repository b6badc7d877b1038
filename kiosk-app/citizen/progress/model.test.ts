import { describe, expect, it } from 'vitest';
import type { TicketProgress } from '../../../protocol/citizen/progress.ts';
import { readProgress } from '../../../protocol/citizen/progress.ts';
import { progressView } from './model.ts';

const base: TicketProgress = {
  number: 'A012', itemName: '城乡居民参保登记', state: 'waiting', window: null, peopleAhead: 3, estimateMinutes: 12,
  openWindows: 2, expiresAt: '2026-11-02T19:00:00.000Z', version: 1, rating: null, canRate: false, badReasons: [], ratingPending: false,
};

describe('progressView', () => {
  it('waiting: 前面还有 N 人 and the estimate', () => {
    expect(progressView(base)).toEqual({
      headline: '前面还有 3 人', lines: ['预计等候约 12 分钟', '2 个窗口正在办理'], tone: 'wait',
    });
  });
  it('waiting first in line, no window open', () => {
    expect(progressView({ ...base, peopleAhead: 0, estimateMinutes: 0, openWindows: 0 })).toEqual({
      headline: '下一位就是您', lines: ['请留意叫号', '窗口暂未开放，请您稍等'], tone: 'wait',
    });
  });
  it('called: 请到 3 号窗口', () => {
    expect(progressView({ ...base, state: 'called', window: 3 }).headline).toBe('请到 3 号窗口');
  });
  it('missed: 过号', () => {
    expect(progressView({ ...base, state: 'missed' })).toMatchObject({ headline: '过号', tone: 'warn' });
  });
  it('finished, not rated yet: points to the pad', () => {
    expect(progressView({ ...base, state: 'finished', window: 3 }).lines).toEqual(['感谢您的办理，请在窗口评价器上评价']);
  });
  it('finished and rated at the pad: 已评价 with where and when (hall time)', () => {
    const rating = { at: '2026-11-02T01:05:00.000Z', channel: '窗口评价器' as const };
    expect(progressView({ ...base, state: 'finished', window: 3, rating })).toEqual({
      headline: '已办结', lines: ['已评价（窗口评价器）', '评价时间 09:05'], tone: 'done',
    });
  });
  it('finished and open to the phone: asks for the rating (扫码评价)', () => {
    expect(progressView({ ...base, state: 'finished', window: 3, canRate: true, badReasons: ['等候时间过长'] }).lines).toEqual(['感谢您的办理，请您评价本次服务']);
  });
  it('finished and rated from the phone through the region: 评价已提交，正在送达大厅 until the hall has it', () => {
    expect(progressView({ ...base, state: 'finished', window: 3, ratingPending: true }).lines).toEqual(['评价已提交，正在送达大厅']);
  });
  it('finished and rated from the phone: 已评价（二维码）', () => {
    const rating = { at: '2026-11-02T01:07:00.000Z', channel: '二维码' as const };
    expect(progressView({ ...base, state: 'finished', window: 3, rating }).lines).toEqual(['已评价（二维码）', '评价时间 09:07']);
  });
  it('expired asks for a new ticket', () => {
    expect(progressView({ ...base, state: 'expired' }).lines).toEqual(['号票当天有效，请重新取号']);
  });
});

describe('readProgress', () => {
  it('takes a well-formed answer and refuses anything else', () => {
    expect(readProgress(JSON.parse(JSON.stringify(base)))).toEqual(base);
    expect(readProgress({ ...base, state: 'lost' })).toBeNull();
    expect(readProgress({ ...base, peopleAhead: -1 })).toBeNull();
    expect(readProgress({ ...base, window: '3' })).toBeNull();
    expect(readProgress({ ...base, rating: { at: 'x', channel: '电话' } })).toBeNull();
    expect(readProgress({ ...base, badReasons: [1] })).toBeNull();
    expect(readProgress({ ...base, canRate: 'yes' })).toBeNull();
    const { ratingPending: _omitted, ...older } = base;
    expect(readProgress(older)).toBeNull();
    expect(readProgress(null)).toBeNull();
  });
});
