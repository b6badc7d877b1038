// Turns the core's state into the API's views (what screens may see: no ID numbers, names masked).
import type { CallView, ServiceView, TicketView, WindowView } from '../../protocol/hall/index.ts';
import { isWorkingDay } from '../../protocol/rules/workdays.ts';
import { localClock, localDate, withinHours } from '../../protocol/rules/hall-time.ts';
import type { QueueRules, QueueState, Ticket, WindowState } from './types.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function ticketView(t: Ticket, rules: QueueRules): TicketView {
  return {
    id: t.id,
    number: t.number,
    serviceCode: t.serviceCode,
    serviceName: rules.services.get(t.serviceCode)?.name ?? t.serviceCode,
    status: t.status,
    priority: t.priority,
    senior: t.senior,
    appointmentAt: iso(t.appointmentAt),
    maskedName: t.maskedName,
    issuedAt: new Date(t.issuedAt).toISOString(),
    calledAt: iso(t.calledAt),
    startedAt: iso(t.startedAt),
    finishedAt: iso(t.finishedAt),
    window: t.window,
    targetWindow: t.targetWindow,
    callCount: t.callCount,
    print: t.print,
    staffId: t.staffId,
    caseNumber: t.caseNumber,
  };
}

/** What a window's view reads of the state: its current ticket and the held ones. */
export type WindowViewSource = { tickets: Pick<ReadonlyMap<string, Ticket>, 'get'>; active: ReadonlyMap<string, Ticket> };

export function windowView(w: WindowState, state: WindowViewSource, rules: QueueRules, nowMs: number): WindowView {
  const rule = rules.windows.get(w.number);
  const current = w.currentId ? state.tickets.get(w.currentId) ?? null : null;
  const held = [...state.active.values()].filter((t) => t.status === 'held' && t.window === w.number);
  const cooldownUntil = current?.lastCalledAt != null ? current.lastCalledAt + rules.recallCooldownMs : null;
  return {
    number: w.number,
    name: rule?.name ?? `${w.number}号窗口`,
    services: rule?.services ?? [],
    group: rule?.group ?? '',
    tidal: rule?.tidal ?? false,
    paused: w.paused,
    staffId: w.staffId,
    staffName: w.staffId ? rules.staff.get(w.staffId) ?? null : null,
    current: current ? ticketView(current, rules) : null,
    held: held.map((t) => ticketView(t, rules)),
    recallCooldownUntil: current?.status === 'called' && cooldownUntil !== null && cooldownUntil > nowMs ? iso(cooldownUntil) : null,
    undoable: w.undo && w.undo.until > nowMs ? { action: w.undo.action, until: new Date(w.undo.until).toISOString() } : null,
  };
}

/** Waiting tickets per service, in one pass. */
export function waitingCounts(state: QueueState): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [code, bucket] of state.waitingByService) counts.set(code, bucket.size);
  for (const t of state.waitingTargeted.values()) counts.set(t.serviceCode, (counts.get(t.serviceCode) ?? 0) + 1);
  return counts;
}

/** Why a service cannot issue now, in words for the citizen; null when it can. */
export function closedReason(state: QueueState, rules: QueueRules, code: string, nowMs: number): string | null {
  const rule = rules.services.get(code);
  if (!rule) return '没有这个事项';
  if (rules.enforceIssuingHours) {
    const today = localDate(nowMs, rules.utcOffsetMinutes);
    if (!isWorkingDay(today, rules.calendar)) {
      return rules.calendar.holidays.has(today)
        ? '今日为法定节假日，暂停取号，请于工作日前来办理'
        : '今日为休息日，暂停取号，请于工作日前来办理';
    }
  }
  const counter = state.counters.get(code);
  if ((counter?.issued ?? 0) >= rule.dailyCap) return '今日该事项号源已取完，请明日再来或咨询工作人员';
  if (rules.enforceIssuingHours && !withinHours(localClock(nowMs, rules.utcOffsetMinutes), rule.issuingHours)) {
    return `当前不在取号时间（${rule.issuingHours.map((h) => `${h.from}—${h.to}`).join('，')}）`;
  }
  return null;
}

export function serviceViews(state: QueueState, rules: QueueRules, nowMs: number): ServiceView[] {
  const waiting = waitingCounts(state);
  return [...rules.services.values()].map((s) => {
    const reason = closedReason(state, rules, s.code, nowMs);
    return {
      code: s.code,
      name: s.name,
      prefix: s.prefix,
      waiting: waiting.get(s.code) ?? 0,
      issuedToday: state.counters.get(s.code)?.issued ?? 0,
      dailyCap: s.dailyCap,
      open: reason === null,
      closedReason: reason,
    };
  });
}

export function callView(t: Ticket, rules: QueueRules): CallView {
  return {
    ticketId: t.id,
    number: t.number,
    window: t.window!,
    windowName: rules.windows.get(t.window!)?.name ?? `${t.window}号窗口`,
    serviceCode: t.serviceCode,
    serviceName: rules.services.get(t.serviceCode)?.name ?? t.serviceCode,
    callCount: t.callCount,
    at: new Date(t.lastCalledAt ?? t.calledAt ?? 0).toISOString(),
    appointment: t.appointmentAt !== null,
  };
}

export function recentCalls(state: QueueState, rules: QueueRules, limit = 20): CallView[] {
  return [...state.tickets.values()]
    .filter((t) => t.lastCalledAt !== null && t.window !== null)
    .sort((a, b) => b.lastCalledAt! - a.lastCalledAt!)
    .slice(0, limit)
    .map((t) => callView(t, rules));
}

/** Today's 过号 tickets, most recent call first, at most `perWindow` for each window. */
export function missedTickets(state: QueueState, rules: QueueRules, perWindow: number): TicketView[] {
  const kept = new Map<number, number>();
  return [...state.tickets.values()]
    .filter((t) => t.status === 'no_show' && t.window !== null)
    .sort((a, b) => (b.lastCalledAt ?? 0) - (a.lastCalledAt ?? 0))
    .filter((t) => {
      const n = kept.get(t.window!) ?? 0;
      kept.set(t.window!, n + 1);
      return n < perWindow;
    })
    .map((t) => ticketView(t, rules));
}
