import { describe, expect, it, vi } from 'vitest';
import type { CaseActionRequest, CaseView } from '../../../protocol/hall/ratings.ts';
import { CasesModel, type CasesDeps } from './model.ts';

function caseOf(id: string, flag: CaseView['flag'], state: CaseView['state'] = '待回访'): CaseView {
  return {
    id, ratingId: `r-${id}`, caseNumber: `CN-${id}`, ticketNumber: `A00${id}`, window: 1, staffId: '20101', staffName: '李明',
    serviceName: '参保登记', score: 1, reasons: ['等候时间长'], comment: '', phone: '138****5678', state,
    openedOn: '2026-11-20', dueOn: '2026-11-27', closedOn: null, flag, workingDaysLeft: 2,
    allowedActions: ['callback', 'appeal'], steps: [],
  };
}

function hall() {
  const open = [caseOf('1', 'due_soon'), caseOf('2', 'overdue'), caseOf('3', 'on_track')];
  const all = [...open, caseOf('4', 'closed_on_time', '已反馈办结')];
  const acted: Array<{ id: string; body: CaseActionRequest }> = [];
  const deps: CasesDeps = {
    list: vi.fn((openOnly: boolean) => Promise.resolve({ today: '2026-11-23', cases: openOnly ? open : all })),
    act: (id, body) => {
      acted.push({ id, body });
      if (body.note === '') return Promise.reject(new Error('请填写处理说明'));
      return Promise.resolve({ ...caseOf(id, 'on_track'), state: '已回访核实' });
    },
  };
  return { deps, acted };
}

describe('差评 cases model', () => {
  it('lists the open cases first, with the due-soon and overdue counts', async () => {
    const { deps } = hall();
    const model = new CasesModel(deps);
    await vi.waitFor(() => expect(model.cases.value).toHaveLength(3));
    expect(deps.list).toHaveBeenLastCalledWith(true);
    expect(model.today.value).toBe('2026-11-23');
    expect([model.dueSoon.value, model.overdue.value]).toEqual([1, 1]);
  });

  it('lists every case when the filter is cleared', async () => {
    const { deps } = hall();
    const model = new CasesModel(deps);
    await vi.waitFor(() => expect(model.cases.value).toHaveLength(3));
    model.showOpenOnly(false);
    await vi.waitFor(() => expect(model.cases.value).toHaveLength(4));
    expect(deps.list).toHaveBeenLastCalledWith(false);
  });

  it('acts on the selected case with the trimmed note, then clears the note and reloads', async () => {
    const { deps, acted } = hall();
    const model = new CasesModel(deps);
    await vi.waitFor(() => expect(model.cases.value).toHaveLength(3));
    model.select('2');
    expect(model.selected.value?.caseNumber).toBe('CN-2');
    model.setNote('  已电话回访，群众表示理解 ');
    await model.run('callback');
    expect(acted).toEqual([{ id: '2', body: { action: 'callback', note: '已电话回访，群众表示理解' } }]);
    expect(model.note.value).toBe('');
    expect(model.busy.value).toBe(false);
    expect(deps.list).toHaveBeenCalledTimes(2);
  });

  it('keeps the note and shows the hall’s reason when an action is refused', async () => {
    const { deps } = hall();
    const model = new CasesModel(deps);
    await vi.waitFor(() => expect(model.cases.value).toHaveLength(3));
    model.select('1');
    await model.run('callback');
    expect(model.actionError.value).toBe('请填写处理说明');
    model.select(null);
    expect(model.selected.value).toBeNull();
  });
});
