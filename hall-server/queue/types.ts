// The queue's state, as the pure core sees it. Times are epoch milliseconds.
import type { CompiledCalendar } from '../../protocol/rules/workdays.ts';
import type { EventData, KnownEventType, PrintState, PriorityClass, TicketStatus } from '../../protocol/hall/index.ts';
import type { QueuePolicyConfig } from '../config/schema.ts';

export interface Ticket {
  id: string;
  /** Business day (local date after the daily reset time) the ticket belongs to. */
  day: string;
  number: string;
  serviceCode: string;
  status: TicketStatus;
  priority: PriorityClass;
  /** Issued in 长辈模式 (the pad rates it in 长辈模式). */
  senior: boolean;
  /** 预约: the start of the booked slot (epoch ms) for a ticket issued by an on-time check-in; null for walk-ins. */
  appointmentAt: number | null;
  /** HMAC of the ID number; never the number itself. */
  personHash: string | null;
  maskedName: string | null;
  issuedAt: number;
  /** Where the ticket stands in line: its issue time, or for a 过号 ticket that rejoined, a point just behind the
   * tickets it let go first (see rejoinPlace). Calling order and ageing use it; wait statistics use issuedAt. */
  queuedAt: number;
  /** First call. */
  calledAt: number | null;
  lastCalledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  window: number | null;
  targetWindow: number | null;
  callCount: number;
  print: PrintState;
  staffId: string | null;
  caseNumber: string | null;
  idempotencyKey: string | null;
  /** Bumped on every change; undo checks nothing changed since. */
  version: number;
}

export interface UndoRecord {
  action: string;
  until: number;
  before: { tickets: Ticket[]; window: Omit<WindowState, 'undo'> };
  /** Ticket id → version right after the action. */
  after: Record<string, number>;
}

export interface WindowState {
  number: number;
  paused: boolean;
  staffId: string | null;
  currentId: string | null;
  /** Normal tickets called since the last priority one (interleave policy). */
  normalsSincePriority: number;
  /** Due 预约 tickets called in a row (bounded while walk-ins wait, see selectNext). */
  appointmentsInRow: number;
  undo: UndoRecord | null;
}

export interface Counter {
  /** Last number handed out today; null before the first. */
  last: number | null;
  issued: number;
}

export interface QueueState {
  day: string;
  /** Every ticket of the day and any still open. Change it only through `putTicket` (state.ts), which keeps the
   * indexes below in step. */
  tickets: Map<string, Ticket>;
  /** Waiting tickets not transferred to a specific window, per service code. */
  waitingByService: Map<string, Map<string, Ticket>>;
  /** Waiting tickets transferred to a specific window (few). */
  waitingTargeted: Map<string, Ticket>;
  /** Called, serving and held tickets (few). */
  active: Map<string, Ticket>;
  /** Per service code, today's finished tickets with a call: how many, and their milliseconds from first call to
   * finish in all (integers, so taking one out again is exact). The wait estimate reads it on every issue. */
  servedMs: Map<string, { count: number; totalMs: number }>;
  windows: Map<number, WindowState>;
  /** service code → today's counter */
  counters: Map<string, Counter>;
}

export interface ServiceRule {
  code: string;
  name: string;
  prefix: string;
  from: number;
  to: number;
  dailyCap: number;
  issuingHours: Array<{ from: string; to: string }>;
  /** Age from which a ticket is 绿色通道 automatically; null = no automatic priority. */
  elderlyAge: number | null;
  /** The pack's 绿色通道 flag: without it the item has no priority classes at all (see priorityFor). */
  greenChannel: boolean;
  /** 'required': no ticket without an identified person (the server refuses, not only the kiosk page). */
  identity: 'required' | 'optional' | 'none';
}

export interface WindowRule {
  number: number;
  name: string;
  services: string[];
  tidal: boolean;
  /** Tidal-alert group label, e.g. "2、5号窗口": regular windows serving the same items. Empty for tidal windows
   * (they relieve every group they share an item with) and for 综合柜员 windows when specialised windows exist. */
  group: string;
}

export interface QueueRules {
  hallName: string;
  services: Map<string, ServiceRule>;
  windows: Map<number, WindowRule>;
  /** 工号 → name */
  staff: Map<string, string>;
  policy: QueuePolicyConfig;
  recallCooldownMs: number;
  noShowAfterCalls: number;
  /** 过号重排: a 过号 ticket that comes back rejoins behind this many tickets waiting for its item. */
  rejoinAfter: number;
  undoMs: number;
  tidalThreshold: number;
  dailyResetAt: string;
  utcOffsetMinutes: number;
  /** Whether the issuing schedule applies: the pack calendar's working days and each item's issuing hours. */
  enforceIssuingHours: boolean;
  /** The pack calendar: statutory holidays and weekends are closed, 调休 working weekends open. */
  calendar: CompiledCalendar;
}

/** An event the queue will publish: its type and data as the event map of protocol/hall declares them. */
export type QueueEvent = {
  [T in KnownEventType]: {
    type: T;
    data: EventData<T>;
    window?: number;
    roles?: Array<'admin' | 'kiosk' | 'pad' | 'counter' | 'board'>;
  };
}[KnownEventType];

/** What a command changed; the shell writes it in one transaction and publishes the events. */
export interface Outcome {
  tickets: Ticket[];
  windows: WindowState[];
  counters: Array<[string, Counter]>;
  events: QueueEvent[];
  /** The ticket the command was about. */
  ticket: Ticket | null;
  window: number | null;
}
