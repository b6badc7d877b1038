// The pure queue core: clock arithmetic, numbering, issuing rules, window actions, undo and tidal alerts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Pack } from '../../content/schema/index.ts';
import { ApiError } from '../core/module.ts';
import { applyWindowAction } from './actions.ts';
import { localClock } from '../../protocol/rules/hall-time.ts';
import { hallDayOf } from '../../protocol/rules/hall-day.ts';
import { ageOn } from '../../protocol/person/age.ts';
import { issueTicket, priorityFor } from './issue.ts';
import { emptyQueueState, putTicket } from './state.ts';
import { measuredServices, waitEstimate } from './estimate.ts';
import { calendarOf } from '../../protocol/rules/workdays.ts';
import { groupStatuses, tidalTransitions } from './tidal.ts';
import { serviceViews } from './views.ts';
import type { QueueRules, QueueState, ServiceRule, Ticket } from './types.ts';

const T0 = Date.parse('2026-11-23T01:00:00Z'); // 09:00 in China, a Monday
/** The sample pack's calendar (2026: 国庆节 10-01..07, 调休 working Sundays 09-20 and 10-10). */
const SAMPLE_CALENDAR = JSON.parse(readFileSync(new URL('../../content/packs/sample/calendar.json', import.meta.url), 'utf8')) as Pack['calendar'];
/** 09:00 China time on a local date. */
const nineOn = (date: string) => Date.parse(`${date}T01:00:00Z`);

function rules(over: Partial<ServiceRule> = {}): QueueRules {
  const service: ServiceRule = {
    code: 'S1', name: '参保登记', prefix: 'A', from: 1, to: 999, dailyCap: 300,
    issuingHours: [{ from: '08:30', to: '11:30' }], elderlyAge: 70, greenChannel: true, identity: 'optional', ...over,
  };
  return {
    hallName: '测试大厅',
    services: new Map([[service.code, service]]),
    windows: new Map([
      [1, { number: 1, name: '1号窗口', services: ['S1'], tidal: false, group: '1号窗口' }],
      [2, { number: 2, name: '2号窗口', services: ['S1'], tidal: true, group: '' }],
    ]),
    staff: new Map([['20101', '张三']]),
    policy: { kind: 'strict' },
    recallCooldownMs: 10_000,
    noShowAfterCalls: 3,
    rejoinAfter: 2,
    undoMs: 30_000,
    tidalThreshold: 2,
    dailyResetAt: '03:00',
    utcOffsetMinutes: 480,
    enforceIssuingHours: true,
    calendar: calendarOf(SAMPLE_CALENDAR),
  };
}

function emptyState(): QueueState {
  return emptyQueueState('2026-11-23');
}

function apply(state: QueueState, out: ReturnType<typeof issueTicket>): void {
  for (const t of out.tickets) putTicket(state, t);
  for (const w of out.windows) state.windows.set(w.number, w);
  for (const [s, c] of out.counters) state.counters.set(s, c);
}

let n = 0;
function issue(state: QueueState, r: QueueRules, at = T0, extra: Partial<Parameters<typeof issueTicket>[2]> = {}) {
  const out = issueTicket(state, r, { id: `t${n++}`, idempotencyKey: `k${n}`, serviceCode: 'S1', personHash: null, maskedName: null, birthDate: null, priority: null, senior: false, ...extra }, at);
  apply(state, out);
  return out;
}

function act(state: QueueState, r: QueueRules, window: number, action: Parameters<typeof applyWindowAction>[3], at: number) {
  const out = applyWindowAction(state, r, window, action, at);
  apply(state, out);
  return out;
}

function apiError(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('no ApiError thrown');
}

describe('clock', () => {
  it('counts the hours before the reset time to the previous business day', () => {
    const rule = { startsAt: '03:00', utcOffsetMinutes: 480 };
    expect(hallDayOf(Date.parse('2026-11-23T18:59:00Z'), rule)).toBe('2026-11-23'); // 02:59 on the 24th
    expect(hallDayOf(Date.parse('2026-11-23T19:00:00Z'), rule)).toBe('2026-11-24'); // 03:00 on the 24th
    expect(localClock(T0, 480)).toBe('09:00');
  });
  it('computes age in full years', () => {
    expect(ageOn('1956-11-23', '2026-11-23')).toBe(70);
    expect(ageOn('1956-11-24', '2026-11-23')).toBe(69);
    const green = { elderlyAge: 70, greenChannel: true };
    expect(priorityFor({ priority: null, birthDate: '1956-11-23' }, green, '2026-11-23')).toBe('elderly');
    expect(priorityFor({ priority: null, birthDate: '1956-11-24' }, green, '2026-11-23')).toBe('normal');
    expect(priorityFor({ priority: null, birthDate: '1956-11-23' }, { elderlyAge: null, greenChannel: true }, '2026-11-23')).toBe('normal');
    expect(priorityFor({ priority: 'pregnancy', birthDate: null }, green, '2026-11-23')).toBe('pregnancy');
  });
  it('lets an explicit choice win over the age: a senior who declines the 绿色通道 gets a normal ticket', () => {
    expect(priorityFor({ priority: 'normal', birthDate: '1950-01-01' }, { elderlyAge: 70, greenChannel: true }, '2026-11-23')).toBe('normal');
    const s = emptyState();
    expect(issue(s, rules(), T0, { birthDate: '1950-01-01', priority: 'normal' }).ticket!.priority).toBe('normal');
    expect(issue(s, rules(), T0, { birthDate: '1950-01-01', priority: null }).ticket!.priority).toBe('elderly');
  });
});

describe('issue', () => {
  it('refuses a ticket without an identified person for an item that requires identity, and issues it with one', () => {
    const r = rules({ identity: 'required' });
    const s = emptyState();
    const err = apiError(() => issue(s, r));
    expect([err.status, err.code, err.message]).toEqual([400, 'identity_required', '办理该事项需要先识别身份，请刷身份证、社保卡或出示医保码']);
    expect(s.tickets.size).toBe(0);
    expect(issue(s, r, T0, { personHash: 'h1', maskedName: '张*' }).ticket!.number).toBe('A001');
  });

  it('numbers with the prefix and width, wraps at the end of the range, and stops at the daily cap', () => {
    const r = rules({ from: 98, to: 99, dailyCap: 3 });
    const s = emptyState();
    expect([issue(s, r), issue(s, r), issue(s, r)].map((o) => o.ticket!.number)).toEqual(['A98', 'A99', 'A98']);
    const err = apiError(() => issue(s, r));
    expect([err.status, err.code, err.message]).toEqual([409, 'service_closed', '今日该事项号源已取完，请明日再来或咨询工作人员']);
  });
  it('refuses outside the issuing hours', () => {
    const err = apiError(() => issue(emptyState(), rules(), Date.parse('2026-11-23T04:00:00Z')));
    expect(err.message).toBe('当前不在取号时间（08:30—11:30）');
  });
  it('gives an item without a 绿色通道 no priority classes: automatic normal, an explicit class refused', () => {
    const r = rules({ greenChannel: false });
    const s = emptyState();
    expect(issue(s, r, T0, { birthDate: '1940-01-01' }).ticket!.priority).toBe('normal');
    expect(issue(s, r, T0, { birthDate: '1940-01-01', priority: 'normal' }).ticket!.priority).toBe('normal');
    const err = apiError(() => issue(s, r, T0, { priority: 'elderly' }));
    expect([err.status, err.code, err.message]).toEqual([409, 'no_green_channel', '该事项未开通绿色通道，请按普通号取号']);
    expect(s.counters.get('S1')!.issued).toBe(2);
  });
  it('refuses on statutory holidays and weekends by the pack calendar, and issues on 调休 working weekends', () => {
    const holiday = apiError(() => issue(emptyState(), rules(), nineOn('2026-10-01')));
    expect([holiday.status, holiday.code, holiday.message]).toEqual([409, 'service_closed', '今日为法定节假日，暂停取号，请于工作日前来办理']);
    expect(apiError(() => issue(emptyState(), rules(), nineOn('2026-10-07'))).message).toBe('今日为法定节假日，暂停取号，请于工作日前来办理');
    expect(apiError(() => issue(emptyState(), rules(), nineOn('2026-11-22'))).message).toBe('今日为休息日，暂停取号，请于工作日前来办理');
    expect(issue(emptyState(), rules(), nineOn('2026-09-20')).ticket!.number).toBe('A001'); // 调休 Sunday
    expect(issue(emptyState(), rules(), nineOn('2026-10-10')).ticket!.number).toBe('A001'); // 调休 Saturday
    expect(issue(emptyState(), rules(), nineOn('2026-10-08')).ticket!.number).toBe('A001'); // first day back
  });
  it('takes the hall\'s local date: 23:30 UTC on 2026-09-30 is already 国庆节 in China', () => {
    const r = { ...rules(), enforceIssuingHours: true };
    r.services.get('S1')!.issuingHours = [{ from: '00:00', to: '23:59' }];
    expect(apiError(() => issue(emptyState(), r, Date.parse('2026-09-30T23:30:00Z'))).message).toBe('今日为法定节假日，暂停取号，请于工作日前来办理');
    expect(issue(emptyState(), r, Date.parse('2026-09-30T15:30:00Z')).ticket!.number).toBe('A001'); // 23:30 on the 30th
  });
  it('shows the kiosk a closed item with the reason on a holiday, and ignores the calendar when the schedule is off', () => {
    const [view] = serviceViews(emptyState(), rules(), nineOn('2026-10-01'));
    expect([view!.open, view!.closedReason]).toEqual([false, '今日为法定节假日，暂停取号，请于工作日前来办理']);
    expect(issue(emptyState(), { ...rules(), enforceIssuingHours: false }, nineOn('2026-10-01')).ticket!.number).toBe('A001');
  });
  it('returns the waiting ticket of the same person for the same item', () => {
    const s = emptyState();
    const first = issue(s, rules(), T0, { personHash: 'h1' });
    const again = issue(s, rules(), T0 + 1000, { personHash: 'h1' });
    expect(again.tickets).toEqual([]);
    expect(again.ticket!.id).toBe(first.ticket!.id);
  });
});

describe('window actions', () => {
  it('needs a signed-in 工号 to call, then enforces the recall cool-down and the no-show rule', () => {
    const r = rules();
    const s = emptyState();
    issue(s, r);
    expect(apiError(() => act(s, r, 1, { kind: 'call-next' }, T0)).code).toBe('not_signed_in');
    act(s, r, 1, { kind: 'sign-in', staffId: '20101' }, T0);
    const call = act(s, r, 1, { kind: 'call-next' }, T0);
    expect(call.events.map((e) => e.type)).toEqual(['ticket.called', 'window.changed']);
    expect(apiError(() => act(s, r, 1, { kind: 'recall' }, T0 + 9_999)).message).toBe('请稍候 1 秒再重呼');
    act(s, r, 1, { kind: 'recall' }, T0 + 10_000);
    expect(apiError(() => act(s, r, 1, { kind: 'no-show' }, T0 + 20_000)).code).toBe('too_few_calls');
    act(s, r, 1, { kind: 'recall' }, T0 + 20_000);
    expect(apiError(() => act(s, r, 1, { kind: 'recall' }, T0 + 30_000)).code).toBe('call_limit');
    const gone = act(s, r, 1, { kind: 'no-show' }, T0 + 30_000);
    expect(gone.ticket!.status).toBe('no_show');
  });
  it('scopes ticket.finished to its window and carries staff and case number', () => {
    const r = rules();
    const s = emptyState();
    issue(s, r);
    act(s, r, 1, { kind: 'sign-in', staffId: '20101' }, T0);
    act(s, r, 1, { kind: 'call-next' }, T0);
    const fin = act(s, r, 1, { kind: 'finish', caseNumber: 'C-1' }, T0 + 60_000);
    const event = fin.events.find((e) => e.type === 'ticket.finished')!;
    expect(event.window).toBe(1);
    expect(event.data).toMatchObject({ window: 1, staffId: '20101', caseNumber: 'C-1', serviceCode: 'S1' });
  });
  it('undoes within 30 s only, and not after the ticket changed elsewhere', () => {
    const r = rules();
    const s = emptyState();
    issue(s, r);
    act(s, r, 1, { kind: 'sign-in', staffId: '20101' }, T0);
    act(s, r, 1, { kind: 'call-next' }, T0);
    expect(apiError(() => act(s, r, 1, { kind: 'undo' }, T0 + 30_001)).code).toBe('nothing_to_undo');
    const undone = act(s, r, 1, { kind: 'undo' }, T0 + 30_000);
    expect(undone.ticket!.status).toBe('waiting');
    expect(s.windows.get(1)!.currentId).toBeNull();
    expect(apiError(() => act(s, r, 1, { kind: 'undo' }, T0 + 30_000)).code).toBe('nothing_to_undo');
  });
});

describe('tidal alerts', () => {
  it('DB21/T 4402 §7.1.6: raises only when more than the threshold wait: exactly the threshold is no alert', () => {
    const r = rules();
    const s = emptyState();
    for (let i = 0; i < r.tidalThreshold; i++) issue(s, r);
    const atThreshold = tidalTransitions(new Map(), groupStatuses(s, r), r.tidalThreshold, 'now');
    expect([atThreshold.raise, atThreshold.alerts.size]).toEqual([[], 0]);
    issue(s, r);
    expect(tidalTransitions(atThreshold.alerts, groupStatuses(s, r), r.tidalThreshold, 'now').raise).toEqual([
      { group: '1号窗口', waiting: 3, threshold: 2, since: 'now' },
    ]);
  });
  it('DB21/T 4402 §7.1.6: raises above the threshold and clears when a tidal window opens or the queue drains', () => {
    const r = rules();
    const s = emptyState();
    for (let i = 0; i < 3; i++) issue(s, r);
    const up = tidalTransitions(new Map(), groupStatuses(s, r), r.tidalThreshold, 'now');
    expect(up.raise).toEqual([{ group: '1号窗口', waiting: 3, threshold: 2, since: 'now' }]);
    act(s, r, 2, { kind: 'sign-in', staffId: '20101' }, T0);
    act(s, r, 2, { kind: 'resume' }, T0);
    const opened = tidalTransitions(up.alerts, groupStatuses(s, r), r.tidalThreshold, 'later');
    expect(opened.clear).toEqual([{ type: 'tidal.cleared', data: { group: '1号窗口', reason: 'tidal_window_opened' } }]);
    act(s, r, 2, { kind: 'pause' }, T0);
    const again = tidalTransitions(opened.alerts, groupStatuses(s, r), r.tidalThreshold, 'later');
    expect(again.raise).toHaveLength(1);
    act(s, r, 2, { kind: 'resume' }, T0);
    for (let i = 0; i < 3; i++) {
      act(s, r, 2, { kind: 'call-next' }, T0 + i);
      act(s, r, 2, { kind: 'finish', caseNumber: null }, T0 + i);
    }
    act(s, r, 2, { kind: 'pause' }, T0);
    const drained = tidalTransitions(again.alerts, groupStatuses(s, r), r.tidalThreshold, 'end');
    expect(drained.clear).toEqual([{ type: 'tidal.cleared', data: { group: '1号窗口', reason: 'drained' } }]);
  });

  it('DB21/T 4402 §7.1.6: a tidal window that cannot serve the piled-up item leaves the alert up; one that can clears it', () => {
    const base = rules();
    const rescue: ServiceRule = { ...base.services.get('S1')!, code: 'S2', name: '医疗救助', prefix: 'Q' };
    const r: QueueRules = {
      ...base,
      services: new Map([...base.services, ['S2', rescue]]),
      windows: new Map([
        [1, { number: 1, name: '1号窗口', services: ['S1', 'S2'], tidal: false, group: '1号窗口' }],
        [2, { number: 2, name: '2号窗口', services: ['S1'], tidal: true, group: '' }],
        [3, { number: 3, name: '3号窗口', services: ['S2'], tidal: true, group: '' }],
      ]),
      staff: new Map([['20101', '张三'], ['20102', '李四']]),
    };
    const s = emptyState();
    for (let i = 0; i < 60; i++) issue(s, r, T0, { serviceCode: 'S2' });
    const up = tidalTransitions(new Map(), groupStatuses(s, r), r.tidalThreshold, 'now');
    expect(up.raise).toEqual([{ group: '1号窗口', waiting: 60, threshold: 2, since: 'now' }]);
    act(s, r, 2, { kind: 'sign-in', staffId: '20101' }, T0);
    act(s, r, 2, { kind: 'resume' }, T0);
    const wrongTidal = tidalTransitions(up.alerts, groupStatuses(s, r), r.tidalThreshold, 'later');
    expect([wrongTidal.clear, [...wrongTidal.alerts.keys()]]).toEqual([[], ['1号窗口']]);
    act(s, r, 3, { kind: 'sign-in', staffId: '20102' }, T0);
    act(s, r, 3, { kind: 'resume' }, T0);
    const rightTidal = tidalTransitions(wrongTidal.alerts, groupStatuses(s, r), r.tidalThreshold, 'later');
    expect(rightTidal.clear).toEqual([{ type: 'tidal.cleared', data: { group: '1号窗口', reason: 'tidal_window_opened' } }]);
  });
});

describe('rules from a pack', () => {
  it('groups specialised windows by their items; tidal and 综合柜员 windows form no group', async () => {
    const { rulesFromPack } = await import('./rules.ts');
    const { QueueConfig } = await import('../config/schema.ts');
    const w = (number: number, services: string[], tidal = false, generalCounter = false) => ({ number, name: `${number}号`, services, tidal, generalCounter });
    const svc = (code: string) => ({ code, name: code, shortName: undefined, ticket: { prefix: 'A', range: { from: 1, to: 999 }, dailyCap: 10, issuingHours: [], elderlyPriorityAge: 70, greenChannel: true } });
    const pack = {
      manifest: { hall: { name: '厅', tidalThreshold: 5 } },
      services: [svc('S1'), svc('S2')],
      windows: [w(1, ['S1', 'S2'], false, true), w(2, ['S1']), w(3, ['S1']), w(4, ['S2']), w(5, ['S1', 'S2'], true)],
      staff: [],
      calendar: SAMPLE_CALENDAR,
    } as unknown as Parameters<typeof rulesFromPack>[0];
    const r = rulesFromPack(pack, QueueConfig.parse({}));
    expect([...r.windows.values()].map((x) => x.group)).toEqual(['', '2、3号窗口', '2、3号窗口', '4号窗口', '']);
  });
});

/** The day's tickets as a map that refuses to be walked: a command that copies or scans it throws. */
class UnwalkableTickets extends Map<string, Ticket> {
  walkable = true;
  private refuse(): never {
    throw new Error('walked the day\'s tickets');
  }
  override entries() {
    return this.walkable ? super.entries() : this.refuse();
  }
  override values() {
    return this.walkable ? super.values() : this.refuse();
  }
  override keys() {
    return this.walkable ? super.keys() : this.refuse();
  }
  override forEach(...args: Parameters<Map<string, Ticket>['forEach']>) {
    return this.walkable ? super.forEach(...args) : this.refuse();
  }
  override [Symbol.iterator]() {
    return this.walkable ? super[Symbol.iterator]() : this.refuse();
  }
}

describe('the cost of a command', () => {
  it('a call, a finish, an issue and its wait estimate never walk the day\'s tickets', () => {
    const r = rules({ dailyCap: 999 });
    const state = emptyState();
    const tickets = new UnwalkableTickets();
    state.tickets = tickets;
    for (let i = 0; i < 40; i++) issue(state, r);
    act(state, r, 1, { kind: 'sign-in', staffId: '20101' }, T0);
    for (let i = 0; i < 5; i++) {
      act(state, r, 1, { kind: 'call-next' }, T0 + i * 600_000);
      act(state, r, 1, { kind: 'finish', caseNumber: null }, T0 + i * 600_000 + 240_000);
    }
    tickets.walkable = false;
    const called = act(state, r, 1, { kind: 'call-next' }, T0 + 3_600_000);
    expect(called.ticket?.status).toBe('called');
    act(state, r, 1, { kind: 'finish', caseNumber: null }, T0 + 3_600_000 + 120_000);
    const issued = issue(state, r, T0 + 3_700_000);
    expect(issued.ticket?.status).toBe('waiting');
    // Six served at 4, 4, 4, 4, 4 and 2 minutes, blended with the prior of 3 × 6 minutes: (18 + 22) / 9 per person.
    expect(measuredServices(state, 'S1')).toEqual({ count: 6, totalMinutes: 22 });
    expect(waitEstimate(state, r, 'S1', 9)).toBe(Math.ceil((9 * 40) / 9));
  });
});
