// The counter panel's state and commands: the window from the queue snapshot, the pack's items and staff, and the
// window actions (shared with the caller keypad).
import { computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import type { PackData, Service } from '../../content/schema/index.ts';
import { queueSnapshotOf, type TicketView, type WindowActionBody, type WindowActionName, type WindowView } from '../../protocol/hall/index.ts';
import { PackEndpoints } from '../../protocol/hall/packs.ts';
import type { BridgeClient } from '../shared/bridge/client.ts';
import type { CallerAction } from '../shared/bridge/index.ts';
import { call, HallApiError } from '../shared/hall/index.ts';
import type { HallStream } from '../shared/hall/socket.ts';
import { HelpRequestView } from '../../protocol/hall/identity.ts';
import { alertsFromSnapshot, applyAlertEvent, escalationsFromSnapshot, NO_ALERTS, type CounterAlerts } from './alerts.ts';
import { windowActionSenders } from './actions.ts';
import { missedFromSnapshot } from './missed.ts';

export interface Notice {
  kind: 'ok' | 'error';
  text: string;
}

export interface Counter {
  window: number;
  win: ReadonlySignal<WindowView | null>;
  waiting: ReadonlySignal<number>;
  pack: ReadonlySignal<PackData | null>;
  service: ReadonlySignal<Service | undefined>;
  staffName: ReadonlySignal<string | null>;
  now: ReadonlySignal<number>;
  busy: ReadonlySignal<boolean>;
  notice: ReadonlySignal<Notice | null>;
  /** Help requests, printers out of paper and the window's overdue 差评 cases, for the banners above the panel. */
  alerts: ReadonlySignal<CounterAlerts>;
  /** Tickets this window marked 过号 while the panel was open, newest first: each may rejoin (过号重排). */
  missed: ReadonlySignal<TicketView[]>;
  act<A extends WindowActionName>(action: A, body: WindowActionBody<A>, done?: string): Promise<void>;
  dispose(): void;
}

const CALLER_ACTIONS: Record<CallerAction, WindowActionName> = {
  call_next: 'call-next',
  recall: 'recall',
  no_show: 'no-show',
  pause: 'pause',
  finish: 'finish',
};

const DONE_TEXT: Partial<Record<WindowActionName, string>> = {
  'sign-in': '签到成功',
  'sign-out': '已签退',
  'call-next': '已呼叫下一位',
  recall: '已重呼',
  'no-show': '已标记过号，群众回来后可点“过号重排”',
  rejoin: '已过号重排，该号已重新排队',
  hold: '已挂起',
  return: '已恢复办理',
  pause: '已暂停服务',
  resume: '已恢复服务',
  finish: '已办结，请群众在评价器上评价',
  undo: '已撤销上一步',
  transfer: '已转移',
  start: '开始办理',
};

export function createCounter(window: number, stream: HallStream, bridge: BridgeClient | null): Counter {
  const pack = signal<PackData | null>(null);
  const now = signal(Date.now());
  const busy = signal(false);
  const notice = signal<Notice | null>(null);
  const queue = computed(() => (stream.snapshot.value ? queueSnapshotOf(stream.snapshot.value) : null));
  const win = computed(() => queue.value?.windows.find((w) => w.number === window) ?? null);
  const waiting = computed(() => {
    const w = win.value;
    if (!w) return 0;
    return (queue.value?.services ?? []).filter((s) => w.services.includes(s.code)).reduce((n, s) => n + s.waiting, 0);
  });
  const service = computed(() => {
    const code = win.value?.current?.serviceCode;
    return code ? pack.value?.services.find((s) => s.code === code) : undefined;
  });
  const staffName = computed(() => {
    const w = win.value;
    if (!w?.staffId) return null;
    return w.staffName ?? pack.value?.staff.find((s) => s.id === w.staffId)?.name ?? null;
  });

  const loadPack = async () => {
    try {
      pack.value = await call(PackEndpoints.active);
    } catch {
      setTimeout(() => void loadPack(), 5000);
    }
  };
  void loadPack();
  const alerts = signal<CounterAlerts>(NO_ALERTS);
  // A fresh snapshot (connect, reconnect) brings the open help requests; events keep them and paper-out current.
  // Events change the snapshot's other modules and leave the identity part as it was: only a new one is a fresh start.
  let lastIdentity: unknown = null;
  const stopSnapshotAlerts = effect(() => {
    const identity = stream.snapshot.value?.modules['identity'] as { openHelpRequests?: unknown } | undefined;
    if (identity === lastIdentity) return;
    lastIdentity = identity;
    const open = HelpRequestView.array().safeParse(identity?.openHelpRequests);
    alerts.value = { ...alertsFromSnapshot(open.success ? open.data : []), paperOut: alerts.peek().paperOut, escalations: alerts.peek().escalations };
  });
  // The same for this window's escalated 差评 cases (the `escalation` part of the snapshot).
  let lastEscalation: unknown = null;
  const stopSnapshotEscalations = effect(() => {
    const part = stream.snapshot.value?.modules['escalation'];
    if (part === lastEscalation) return;
    lastEscalation = part;
    alerts.value = { ...alerts.peek(), escalations: escalationsFromSnapshot(part) };
  });
  const missed = computed(() => missedFromSnapshot(queue.value, window));
  const stopPack = stream.onEvent((e) => {
    if (e.type === 'pack.activated') void loadPack();
    alerts.value = applyAlertEvent(alerts.peek(), e);
  });

  const tick = setInterval(() => (now.value = Date.now()), 1000);

  const senders = windowActionSenders(window);
  async function act<A extends WindowActionName>(action: A, body: WindowActionBody<A>, done?: string) {
    if (busy.peek()) return;
    busy.value = true;
    try {
      const send: (body: WindowActionBody<A>) => Promise<unknown> = senders[action];
      await send(body);
      notice.value = { kind: 'ok', text: done ?? DONE_TEXT[action] ?? '操作成功' };
    } catch (err) {
      notice.value = { kind: 'error', text: err instanceof HallApiError ? err.message : '操作失败，请稍后再试' };
    } finally {
      busy.value = false;
    }
  }

  const stopKeys = bridge?.on('key', (msg) => {
    if (msg.key.device !== 'caller') return;
    const action = CALLER_ACTIONS[msg.key.action];
    if (action === 'pause' && win.peek()?.paused) void act('resume', {});
    else void act(action, {});
  });

  return {
    window, win, waiting, pack, service, staffName, now, busy, notice, alerts, missed, act,
    dispose() {
      clearInterval(tick);
      stopSnapshotAlerts();
      stopSnapshotEscalations();
      stopPack();
      stopKeys?.();
    },
  };
}
