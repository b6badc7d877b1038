import { describe, expect, it } from 'vitest';
import { CALENDAR_2025_2026 } from '../rules/calendar-2026.fixture.ts';
import { CaseTransitionError, allowedActions, applyAction, dueFlag, isOpen, openCase } from './cases.ts';
import { compileCalendar } from '../rules/workdays.ts';

const cal = compileCalendar(CALENDAR_2025_2026);

describe('差评 case', () => {
  it('opens with a deadline of N working days across Spring Festival', () => {
    const c = openCase('2026-02-10', 15, cal);
    expect(c).toEqual({ state: '待回访', openedOn: '2026-02-10', dueOn: '2026-03-09', steps: [] });
  });

  it('runs 待回访 → 已回访核实 → 整改中 → 已反馈办结 recording who, when, note', () => {
    let c = openCase('2026-11-23', 15, cal);
    c = applyAction(c, 'callback', '李主任', '2026-11-24T09:00:00+08:00', '已电话回访，情况属实');
    c = applyAction(c, 'rectify', '李主任', '2026-11-25T09:00:00+08:00', '窗口增加引导');
    c = applyAction(c, 'feedback', '王科长', '2026-11-26T09:00:00+08:00', '已向群众反馈');
    expect(c.state).toBe('已反馈办结');
    expect(isOpen(c.state)).toBe(false);
    expect(c.steps.map((s) => `${s.from}>${s.to}:${s.by}`)).toEqual([
      '待回访>已回访核实:李主任',
      '已回访核实>整改中:李主任',
      '整改中>已反馈办结:王科长',
    ]);
    expect(allowedActions(c)).toEqual([]);
  });

  it('refuses skipped steps and empty notes', () => {
    const c = openCase('2026-11-23', 15, cal);
    expect(() => applyAction(c, 'feedback', '李', 't', '办结')).toThrow(CaseTransitionError);
    expect(() => applyAction(c, 'feedback', '李', 't', '办结')).toThrow('当前状态“待回访”下不能反馈办结');
    expect(() => applyAction(c, 'callback', '李', 't', '  ')).toThrow('请填写处理说明');
  });

  it('appeal: approve withdraws, reject returns to the state before', () => {
    let c = openCase('2026-11-23', 15, cal);
    c = applyAction(c, 'callback', '李', 't1', '回访');
    const appealed = applyAction(c, 'appeal', '张', 't2', '群众误触按键，录像可证');
    expect(appealed.state).toBe('申诉复核');
    const rejected = applyAction(appealed, 'appeal_reject', '王', 't3', '证据不足');
    expect(rejected.state).toBe('已回访核实');
    const approved = applyAction(appealed, 'appeal_approve', '王', 't3', '录像显示误触');
    expect(approved.state).toBe('申诉撤销');
    expect(approved.steps.at(-1)?.note).toBe('录像显示误触');
    expect(dueFlag(approved, '2026-12-30', cal)).toBe('withdrawn');
  });

  it('flags due-soon (≤ 2 working days left) and overdue, across a holiday', () => {
    const c = openCase('2026-09-18', 9, cal); // due 2026-10-08
    expect(c.dueOn).toBe('2026-10-08');
    expect(dueFlag(c, '2026-09-28', cal)).toBe('on_track'); // 29, 30, Oct 8 → 3 left
    expect(dueFlag(c, '2026-09-29', cal)).toBe('due_soon'); // 30, Oct 8 → 2 left
    expect(dueFlag(c, '2026-10-05', cal)).toBe('due_soon');
    expect(dueFlag(c, '2026-10-08', cal)).toBe('due_soon');
    expect(dueFlag(c, '2026-10-09', cal)).toBe('overdue');
    const closed = { ...c, state: '已反馈办结' as const };
    expect(dueFlag(closed, '2026-10-20', cal, '2026-10-08')).toBe('closed_on_time');
    expect(dueFlag(closed, '2026-10-20', cal, '2026-10-09')).toBe('closed_late');
  });
});
