// The 差评 follow-up case: 待回访 → 已回访核实 → 整改中 → 已反馈办结, with an appeal (申诉复核) that can withdraw the
// 差评 from the statistics. Every step records who, when and a note. Pure.
import { type CompiledCalendar, addWorkingDays, workingDaysBetween } from '../rules/workdays.ts';

export const CASE_STATES = ['待回访', '已回访核实', '整改中', '已反馈办结', '申诉复核', '申诉撤销'] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_ACTIONS = ['callback', 'rectify', 'feedback', 'appeal', 'appeal_approve', 'appeal_reject'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const ACTION_LABELS: Record<CaseAction, string> = {
  callback: '回访核实',
  rectify: '开始整改',
  feedback: '反馈办结',
  appeal: '提出申诉',
  appeal_approve: '申诉成立，撤销差评',
  appeal_reject: '申诉不成立',
};

export interface CaseStep {
  action: CaseAction;
  from: CaseState;
  to: CaseState;
  by: string;
  at: string;
  note: string;
}

export interface CaseRecord {
  state: CaseState;
  openedOn: string;
  dueOn: string;
  steps: CaseStep[];
}

const FORWARD: Partial<Record<CaseAction, [CaseState, CaseState]>> = {
  callback: ['待回访', '已回访核实'],
  rectify: ['已回访核实', '整改中'],
  feedback: ['整改中', '已反馈办结'],
};

export function openCase(openedOn: string, deadlineWorkingDays: number, cal: CompiledCalendar): CaseRecord {
  return { state: '待回访', openedOn, dueOn: addWorkingDays(openedOn, deadlineWorkingDays, cal), steps: [] };
}

/** Actions allowed in the current state (what the console offers as buttons). */
export function allowedActions(c: CaseRecord): CaseAction[] {
  switch (c.state) {
    case '待回访':
      return ['callback', 'appeal'];
    case '已回访核实':
      return ['rectify', 'appeal'];
    case '整改中':
      return ['feedback', 'appeal'];
    case '申诉复核':
      return ['appeal_approve', 'appeal_reject'];
    case '已反馈办结':
    case '申诉撤销':
      return [];
  }
}

export class CaseTransitionError extends Error {}

/** Applies one step; throws CaseTransitionError (Chinese message) when not allowed. Returns a new record. */
export function applyAction(c: CaseRecord, action: CaseAction, by: string, at: string, note: string): CaseRecord {
  if (!allowedActions(c).includes(action)) {
    throw new CaseTransitionError(`当前状态“${c.state}”下不能${ACTION_LABELS[action]}`);
  }
  if (note.trim() === '') throw new CaseTransitionError('请填写处理说明');
  if (by.trim() === '') throw new CaseTransitionError('缺少处理人');
  if (action === 'appeal_approve' && lastAppeal(c)?.by === by) {
    throw new CaseTransitionError('申诉不能由提出人本人批准，请由其他负责人复核');
  }
  let to: CaseState;
  const forward = FORWARD[action];
  if (forward) to = forward[1];
  else if (action === 'appeal') to = '申诉复核';
  else if (action === 'appeal_approve') to = '申诉撤销';
  else to = stateBeforeAppeal(c);
  return { ...c, state: to, steps: [...c.steps, { action, from: c.state, to, by, at, note }] };
}

function lastAppeal(c: CaseRecord): CaseStep | null {
  for (let i = c.steps.length - 1; i >= 0; i--) {
    const step = c.steps[i];
    if (step && step.action === 'appeal') return step;
  }
  return null;
}

function stateBeforeAppeal(c: CaseRecord): CaseState {
  return lastAppeal(c)?.from ?? '待回访';
}

export function isOpen(state: CaseState): boolean {
  return state !== '已反馈办结' && state !== '申诉撤销';
}

export type DueFlag = 'overdue' | 'due_soon' | 'on_track' | 'closed_on_time' | 'closed_late' | 'withdrawn';

export const DUE_FLAG_LABELS: Record<DueFlag, string> = {
  overdue: '已超期',
  due_soon: '即将到期',
  on_track: '正常',
  closed_on_time: '按期办结',
  closed_late: '超期办结',
  withdrawn: '已撤销',
};

/** Due-soon when at most 2 working days remain; overdue once the due date has passed without closure. */
export function dueFlag(c: CaseRecord, today: string, cal: CompiledCalendar, closedOn: string | null = null): DueFlag {
  if (c.state === '申诉撤销') return 'withdrawn';
  if (c.state === '已反馈办结') return closedOn !== null && closedOn > c.dueOn ? 'closed_late' : 'closed_on_time';
  if (today > c.dueOn) return 'overdue';
  return workingDaysBetween(today, c.dueOn, cal) <= 2 ? 'due_soon' : 'on_track';
}
