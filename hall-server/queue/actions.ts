// Window actions (pure): sign-in, call next / a specific ticket, recall, start, no-show, transfer, hold/return,
// pause/resume, finish and undo. Each returns the changed tickets and window and the events to publish.
import { ApiError } from '../core/module.ts';
import { mayCall, rejoinPlace, selectNext } from './policy.ts';
import { callView, ticketView, windowView, type WindowViewSource } from './views.ts';
import type { Outcome, QueueEvent, QueueRules, QueueState, Ticket, WindowState } from './types.ts';

export type WindowAction =
  | { kind: 'sign-in'; staffId: string }
  | { kind: 'sign-out' }
  | { kind: 'call-next' }
  | { kind: 'call'; ticketId: string }
  | { kind: 'recall' }
  | { kind: 'start' }
  | { kind: 'no-show' }
  | { kind: 'rejoin'; ticketId: string }
  | { kind: 'transfer'; toService?: string; toWindow?: number }
  | { kind: 'hold' }
  | { kind: 'return'; ticketId: string }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'finish'; caseNumber: string | null }
  | { kind: 'undo' };

const UNDOABLE = new Set(['call-next', 'call', 'no-show', 'transfer', 'hold', 'return', 'finish']);

export function windowStateOf(state: QueueState, rules: QueueRules, number: number): WindowState {
  if (!rules.windows.has(number)) throw new ApiError(404, 'unknown_window', `没有 ${number} 号窗口`);
  return state.windows.get(number) ?? { number, paused: rules.windows.get(number)!.tidal, staffId: null, currentId: null, normalsSincePriority: 0, appointmentsInRow: 0, undo: null };
}

/** Waiting tickets this window may call: its items, or transferred to it by number. */
export function candidatesFor(state: QueueState, rules: QueueRules, number: number): Ticket[] {
  const out: Ticket[] = [];
  for (const code of rules.windows.get(number)?.services ?? []) for (const t of state.waitingByService.get(code)?.values() ?? []) out.push(t);
  for (const t of state.waitingTargeted.values()) if (t.targetWindow === number) out.push(t);
  return out;
}

export function applyWindowAction(state: QueueState, rules: QueueRules, number: number, action: WindowAction, nowMs: number): Outcome {
  const w = windowStateOf(state, rules, number);
  const current = w.currentId ? state.tickets.get(w.currentId) ?? null : null;
  const step = decide(state, rules, w, current, action, nowMs);
  const nextWindow: WindowState = { ...w, ...step.window };
  if (UNDOABLE.has(action.kind)) {
    const { undo: _undo, ...before } = w;
    const touched = step.tickets.map((t) => state.tickets.get(t.id)).filter((t): t is Ticket => t !== undefined);
    nextWindow.undo = {
      action: action.kind,
      until: nowMs + rules.undoMs,
      before: { tickets: touched, window: before },
      after: Object.fromEntries(step.tickets.map((t) => [t.id, t.version])),
    };
  } else if (action.kind === 'undo') nextWindow.undo = null;
  // The window as it will be once the step's tickets are stored: the changed tickets over the state's, without copying
  // the day's tickets (thousands in a busy hall) on every action.
  const changed = new Map(step.tickets.map((t) => [t.id, t]));
  const active = new Map(state.active);
  for (const t of step.tickets) {
    if (t.status === 'held') active.set(t.id, t);
    else active.delete(t.id);
  }
  const provisional: WindowViewSource = { tickets: { get: (id) => changed.get(id) ?? state.tickets.get(id) }, active };
  const events: QueueEvent[] = [
    ...step.events,
    {
      type: 'window.changed', data: { window: windowView(nextWindow, provisional, rules, nowMs) }, window: number,
      roles: ['pad', 'counter', 'board'],
    },
  ];
  return { tickets: step.tickets, windows: [nextWindow], counters: [], events, ticket: step.ticket, window: number };
}

interface Step {
  window: Partial<WindowState>;
  tickets: Ticket[];
  events: QueueEvent[];
  ticket: Ticket | null;
}

const bump = (t: Ticket, change: Partial<Ticket>): Ticket => ({ ...t, ...change, version: t.version + 1 });

function requireStaff(w: WindowState): void {
  if (!w.staffId) throw new ApiError(409, 'not_signed_in', '请先用工号签到');
}
function requireCurrent(current: Ticket | null): Ticket {
  if (!current) throw new ApiError(409, 'no_current_ticket', '本窗口当前没有正在办理的号');
  return current;
}
function requireCallable(w: WindowState): void {
  requireStaff(w);
  if (!mayCall(w)) throw new ApiError(409, 'window_paused', '本窗口已暂停服务，请先恢复服务');
}
function requireFree(current: Ticket | null): void {
  if (current) throw new ApiError(409, 'window_busy', `请先办结或处理当前的 ${current.number} 号`);
}

function called(t: Ticket, rules: QueueRules, recall: boolean): QueueEvent {
  return { type: 'ticket.called', data: { ...callView(t, rules), recall } };
}
function updated(t: Ticket, rules: QueueRules, action: string): QueueEvent {
  return { type: 'ticket.updated', data: { ticket: ticketView(t, rules), action }, roles: ['admin', 'counter', 'pad'] };
}

function callTicket(t: Ticket, w: WindowState, nowMs: number): Ticket {
  return bump(t, {
    status: 'called',
    window: w.number,
    targetWindow: null,
    callCount: 1,
    calledAt: t.calledAt ?? nowMs,
    lastCalledAt: nowMs,
    staffId: w.staffId,
  });
}

function decide(state: QueueState, rules: QueueRules, w: WindowState, current: Ticket | null, action: WindowAction, nowMs: number): Step {
  const none: Step = { window: {}, tickets: [], events: [], ticket: null };
  switch (action.kind) {
    case 'sign-in': {
      if (!rules.staff.has(action.staffId)) throw new ApiError(404, 'unknown_staff', `工号 ${action.staffId} 不在本大厅的人员名单中`);
      return { ...none, window: { staffId: action.staffId } };
    }
    case 'sign-out':
      requireFree(current);
      return { ...none, window: { staffId: null } };
    case 'call-next': {
      requireCallable(w);
      requireFree(current);
      const pick = selectNext(candidatesFor(state, rules, w.number), rules.policy, w.normalsSincePriority, nowMs, w.appointmentsInRow);
      if (!pick) return none;
      const t = callTicket(pick.ticket, w, nowMs);
      const counters = { normalsSincePriority: pick.normalsSincePriority, appointmentsInRow: pick.appointmentsInRow };
      return { window: { currentId: t.id, ...counters }, tickets: [t], events: [called(t, rules, false)], ticket: t };
    }
    case 'call': {
      requireCallable(w);
      requireFree(current);
      const target = state.tickets.get(action.ticketId);
      if (!target) throw new ApiError(404, 'unknown_ticket', '没有这个号');
      if (target.status !== 'waiting') throw new ApiError(409, 'ticket_not_waiting', `${target.number} 号已被呼叫或已办理，不能再呼叫`);
      if (!candidatesFor(state, rules, w.number).some((t) => t.id === target.id)) {
        throw new ApiError(409, 'not_for_this_window', `${target.number} 号的事项不在本窗口办理`);
      }
      const t = callTicket(target, w, nowMs);
      return { window: { currentId: t.id }, tickets: [t], events: [called(t, rules, false)], ticket: t };
    }
    case 'recall': {
      const c = requireCurrent(current);
      if (c.status !== 'called') throw new ApiError(409, 'not_called', `${c.number} 号已在办理中，无需重呼`);
      if (c.callCount >= rules.noShowAfterCalls) {
        throw new ApiError(409, 'call_limit', `${c.number} 号已呼叫 ${c.callCount} 次，请标记为过号`);
      }
      const wait = (c.lastCalledAt ?? 0) + rules.recallCooldownMs - nowMs;
      if (wait > 0) throw new ApiError(429, 'recall_cooldown', `请稍候 ${Math.ceil(wait / 1000)} 秒再重呼`);
      const t = bump(c, { callCount: c.callCount + 1, lastCalledAt: nowMs });
      return { ...none, tickets: [t], events: [called(t, rules, true)], ticket: t };
    }
    case 'start': {
      const c = requireCurrent(current);
      if (c.status !== 'called') throw new ApiError(409, 'not_called', `${c.number} 号已在办理中`);
      const t = bump(c, { status: 'serving', startedAt: nowMs });
      return { ...none, tickets: [t], events: [updated(t, rules, 'start')], ticket: t };
    }
    case 'no-show': {
      const c = requireCurrent(current);
      if (c.status !== 'called') throw new ApiError(409, 'not_called', `${c.number} 号已在办理中，不能标记过号`);
      if (c.callCount < rules.noShowAfterCalls) {
        throw new ApiError(409, 'too_few_calls', `请先呼叫满 ${rules.noShowAfterCalls} 次（已呼叫 ${c.callCount} 次）再标记过号`);
      }
      const t = bump(c, { status: 'no_show', finishedAt: nowMs });
      return { window: { currentId: null }, tickets: [t], events: [updated(t, rules, 'no-show')], ticket: t };
    }
    case 'rejoin': {
      const late = state.tickets.get(action.ticketId);
      if (!late) throw new ApiError(404, 'unknown_ticket', '没有这个号');
      if (late.status !== 'no_show') throw new ApiError(409, 'not_no_show', `${late.number} 号不是过号，无需重排`);
      const line = [...(state.waitingByService.get(late.serviceCode)?.values() ?? [])];
      const t = bump(late, {
        status: 'waiting',
        queuedAt: rejoinPlace(line, rules.rejoinAfter, nowMs),
        window: null,
        targetWindow: null,
        callCount: 0,
        lastCalledAt: null,
        startedAt: null,
        finishedAt: null,
      });
      return { ...none, tickets: [t], events: [updated(t, rules, 'rejoin')], ticket: t };
    }
    case 'transfer': {
      const c = requireCurrent(current);
      const toService = action.toService ?? c.serviceCode;
      if (!rules.services.has(toService)) throw new ApiError(404, 'unknown_service', '没有这个事项');
      if (action.toWindow !== undefined) {
        if (!rules.windows.has(action.toWindow)) throw new ApiError(404, 'unknown_window', `没有 ${action.toWindow} 号窗口`);
        if (action.toWindow === w.number) throw new ApiError(409, 'same_window', '不能转给本窗口');
      }
      const t = bump(c, {
        status: 'waiting',
        serviceCode: toService,
        targetWindow: action.toWindow ?? null,
        window: null,
        callCount: 0,
        lastCalledAt: null,
        startedAt: null,
      });
      return { window: { currentId: null }, tickets: [t], events: [updated(t, rules, 'transfer')], ticket: t };
    }
    case 'hold': {
      const c = requireCurrent(current);
      const t = bump(c, { status: 'held' });
      return { window: { currentId: null }, tickets: [t], events: [updated(t, rules, 'hold')], ticket: t };
    }
    case 'return': {
      requireFree(current);
      const held = state.tickets.get(action.ticketId);
      if (!held || held.status !== 'held' || held.window !== w.number) throw new ApiError(404, 'not_held_here', '本窗口没有挂起这个号');
      const t = bump(held, { status: 'serving', startedAt: held.startedAt ?? nowMs });
      return { window: { currentId: t.id }, tickets: [t], events: [updated(t, rules, 'return')], ticket: t };
    }
    case 'pause':
      return { ...none, window: { paused: true } };
    case 'resume':
      return { ...none, window: { paused: false } };
    case 'finish': {
      const c = requireCurrent(current);
      const t = bump(c, {
        status: 'finished',
        startedAt: c.startedAt ?? nowMs,
        finishedAt: nowMs,
        staffId: w.staffId,
        caseNumber: action.caseNumber,
      });
      const finished: QueueEvent = {
        type: 'ticket.finished',
        window: w.number,
        data: {
          ticketId: t.id,
          number: t.number,
          serviceCode: t.serviceCode,
          serviceName: rules.services.get(t.serviceCode)?.name ?? t.serviceCode,
          window: w.number,
          staffId: t.staffId,
          caseNumber: t.caseNumber,
          finishedAt: new Date(nowMs).toISOString(),
          senior: t.senior,
        },
      };
      return { window: { currentId: null }, tickets: [t], events: [finished], ticket: t };
    }
    case 'undo':
      return undo(state, rules, w, nowMs);
  }
}

function undo(state: QueueState, rules: QueueRules, w: WindowState, nowMs: number): Step {
  const record = w.undo;
  if (!record || record.until < nowMs) throw new ApiError(409, 'nothing_to_undo', '没有可以撤销的操作（只能撤销 30 秒内的上一步）');
  for (const [id, version] of Object.entries(record.after)) {
    if (state.tickets.get(id)?.version !== version) throw new ApiError(409, 'undo_conflict', '该号之后已有其他变动，不能撤销');
  }
  const restored = record.before.tickets.map((t) => ({ ...t, version: (state.tickets.get(t.id)?.version ?? t.version) + 1 }));
  const { number: _n, ...windowBefore } = record.before.window;
  return {
    window: { ...windowBefore, staffId: w.staffId, paused: w.paused },
    tickets: restored,
    events: restored.map((t) => updated(t, rules, 'undo:' + record.action)),
    ticket: restored[0] ?? null,
  };
}
