import { describe, expect, it, vi } from 'vitest';
import type { ImprovementRecord } from '../../../protocol/hall/improvement.ts';
import { ImprovementModel, startingPoints, type ImprovementDeps, type ImprovementListData } from './model.ts';

const record: ImprovementRecord = {
  id: 'r1', month: '2026-11', problem: '等候时间过长', source: '差评原因：等候时间过长（2 次）', measure: '高峰开潮汐窗口', responsible: '李明华',
  dueOn: '2026-11-30', result: null, closedOn: null, createdBy: '测试负责人（工号 T001）', createdAt: '2026-11-23T01:00:00.000Z',
};
const listed: ImprovementListData = {
  month: '2026-11',
  records: [record],
  badReasons: [{ reason: '等候时间过长', count: 2 }],
  lowest: [{ kind: 'window', name: '1号窗口（综合窗口）', rated: 4, bad: 2, satisfaction: 0.5 }],
};

function hall(overrides: Partial<ImprovementDeps> = {}): ImprovementDeps {
  return {
    canWrite: true,
    list: vi.fn(() => Promise.resolve(listed)),
    create: vi.fn(() => Promise.resolve(record)),
    close: vi.fn(() => Promise.resolve({ ...record, result: '已改', closedOn: '2026-11-25' })),
    messageOf: (err, fallback) => (err instanceof Error && err.message === 'refused' ? '没有权限' : fallback),
    ...overrides,
  };
}

describe('整改提升 model', () => {
  it('DB21/T 4402 §11.2: offers the month’s 差评 reasons and lowest windows and items as starting points', () => {
    expect(startingPoints(listed)).toEqual([
      { problem: '等候时间过长', source: '差评原因：等候时间过长（2 次）' },
      { problem: '1号窗口（综合窗口）满意率偏低', source: '窗口统计：1号窗口（综合窗口） 满意率 50%（差评 2 / 评价 4）' },
    ]);
  });

  it('a starting point fills the draft; creating sends the month with it, empties the draft and reloads', async () => {
    const deps = hall();
    const model = new ImprovementModel(deps);
    await model.load('2026-11');
    expect(model.month.value).toBe('2026-11');
    model.startFrom(startingPoints(listed)[0]!);
    expect(model.formOpen.value).toBe(true);
    model.edit('measure', '高峰开潮汐窗口');
    model.edit('responsible', '李明华');
    model.edit('dueOn', '2026-11-30');
    await model.create();
    expect(deps.create).toHaveBeenCalledWith({
      month: '2026-11', problem: '等候时间过长', source: '差评原因：等候时间过长（2 次）', measure: '高峰开潮汐窗口', responsible: '李明华', dueOn: '2026-11-30',
    });
    expect(model.notice.value).toBe('已新增整改记录：等候时间过长');
    expect(model.draft.value.problem).toBe('');
    expect(model.formOpen.value).toBe(false);
    expect(deps.list).toHaveBeenCalledTimes(2);
  });

  it('keeps the draft and says why when the hall refuses', async () => {
    const model = new ImprovementModel(hall({ create: vi.fn(() => Promise.reject(new Error('refused'))) }));
    await model.load('2026-11');
    model.edit('problem', '窗口引导不清');
    await model.create();
    expect(model.error.value).toBe('没有权限');
    expect(model.draft.value.problem).toBe('窗口引导不清');
  });

  it('closes a record with its result', async () => {
    const deps = hall();
    const model = new ImprovementModel(deps);
    await model.load(null);
    await model.close(record, '已改');
    expect(deps.close).toHaveBeenCalledWith('r1', '已改');
    expect(model.notice.value).toBe('已办结整改记录：等候时间过长，结果已公示');
  });
});
