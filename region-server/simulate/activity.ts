// What a simulated site's hall writes into its event log, step by step: tickets issued, called and finished, ratings
// recorded (`rating.recorded`, no personal fields so `sealed: null`), terminal heartbeats and now and then a device
// fault that clears again. Pure: the caller gives the clock and the random source, so a seeded run is reproducible.
import type { SyncEvent } from '../../protocol/region/sync.ts';
import type { TicketView, CallView } from '../../protocol/hall/queue.ts';
import type { TerminalView } from '../../protocol/hall/terminals.ts';
import type { RatingRecordedEvent } from '../../protocol/region/records.ts';
import { DEFAULT_HALL_DAY, hallDayOf } from '../../protocol/rules/hall-day.ts';

export interface SimulatedHall {
  siteId: string;
  /** Windows numbered from 1. */
  windows: number;
  /** The items the site's level offers. */
  items: ReadonlyArray<{ code: string; name: string }>;
  /** Staff at the windows, in window order. */
  staff: ReadonlyArray<{ id: string; name: string }>;
  /** Chance that a step issues a ticket (a busy town station issues more than a village point). */
  busy: number;
}

interface TicketInHall {
  id: string;
  number: string;
  item: { code: string; name: string };
  issuedAt: string;
  calledAt?: string;
}

export interface ActivityState {
  issued: number;
  waiting: TicketInHall[];
  serving: Map<number, TicketInHall>;
  /** The terminal whose printer is out of paper, if any. */
  faulty: string | null;
  steps: number;
}

export type NewEvent = Omit<SyncEvent, 'seq'>;

export function newActivity(): ActivityState {
  return { issued: 0, waiting: [], serving: new Map(), faulty: null, steps: 0 };
}

/** Heartbeats go out every this many steps. */
export const HEARTBEAT_EVERY = 10;
const REASONS_BAD = ['等候时间长', '材料要求不清楚', '工作人员态度不好'];

/** The simulated hall's day of a moment, as a real hall counts it (China Standard Time, a new day at 03:00). */
export function hallDay(at: Date): string {
  return hallDayOf(at.getTime(), DEFAULT_HALL_DAY);
}

function pick<T>(list: ReadonlyArray<T>, random: () => number): T {
  return list[Math.floor(random() * list.length)]!;
}

function ticketView(t: TicketInHall, status: TicketView['status'], window: number | null, staffId: string | null, at: string): TicketView {
  return {
    id: t.id,
    number: t.number,
    serviceCode: t.item.code,
    serviceName: t.item.name,
    status,
    priority: 'normal',
    senior: false,
    maskedName: null,
    issuedAt: t.issuedAt,
    calledAt: t.calledAt ?? null,
    startedAt: status === 'serving' ? at : null,
    finishedAt: null,
    window,
    targetWindow: null,
    callCount: status === 'waiting' ? 0 : 1,
    print: 'printed',
    staffId,
    caseNumber: null,
  };
}

/** A 1–5 score as a service hall sees them: most citizens satisfied, a few not. */
function score(random: () => number): number {
  const r = random();
  return r < 0.78 ? 5 : r < 0.9 ? 4 : r < 0.95 ? 3 : r < 0.98 ? 2 : 1;
}

function terminal(hall: SimulatedHall, id: string, role: TerminalView['role'], window: number | null, at: string, faulty: boolean): TerminalView {
  return {
    id,
    role,
    window,
    name: role === 'kiosk' ? '取号机' : `${window}号窗口评价器`,
    pairedAt: '2026-01-05T01:00:00.000Z',
    lastSeen: at,
    online: true,
    packVersion: 1,
    devices: role === 'kiosk'
      ? [{ device: '热敏打印机', state: faulty ? 'degraded' : 'ok', ...(faulty ? { reason: '缺纸' } : {}) }, { device: '身份证阅读器', state: 'ok' }]
      : [{ device: '评价按键', state: 'ok' }],
    revoked: false,
  };
}

/** One step of the hall's life at `now`: the events it appends to its log, in order. */
export function step(hall: SimulatedHall, state: ActivityState, now: Date, random: () => number): NewEvent[] {
  const at = now.toISOString();
  const events: NewEvent[] = [];
  state.steps += 1;
  if (random() < hall.busy) {
    state.issued += 1;
    const ticket: TicketInHall = {
      id: `${hall.siteId}-${hallDay(now)}-${state.issued}`,
      number: `A${String(state.issued % 1000).padStart(3, '0')}`,
      item: pick(hall.items, random),
      issuedAt: at,
    };
    state.waiting.push(ticket);
    events.push({ type: 'ticket.issued', at, data: { ticket: ticketView(ticket, 'waiting', null, null, at) } });
  }
  for (let window = 1; window <= hall.windows; window++) {
    const staff = hall.staff[(window - 1) % hall.staff.length]!;
    const current = state.serving.get(window);
    if (current && random() < 0.35) {
      state.serving.delete(window);
      const caseNumber = `${hall.siteId.toUpperCase()}${hallDay(now).replace(/-/g, '')}${String(state.issued).padStart(4, '0')}`;
      events.push({
        type: 'ticket.finished',
        at,
        window,
        data: { ticketId: current.id, number: current.number, serviceCode: current.item.code, serviceName: current.item.name, window, staffId: staff.id, caseNumber, finishedAt: at },
      });
      if (random() < 0.85) {
        const given = score(random);
        const rating: RatingRecordedEvent = {
          ratingId: `${current.id}-r`,
          ticketId: current.id,
          ticketNumber: current.number,
          caseNumber,
          serviceCode: current.item.code,
          serviceName: current.item.name,
          window,
          staffId: staff.id,
          staffName: staff.name,
          score: given,
          reasons: given <= 2 ? [pick(REASONS_BAD, random)] : [],
          maskedComment: '',
          channel: '窗口评价器',
          issuedAt: current.issuedAt,
          finishedAt: at,
          ratedAt: at,
          day: hallDay(now),
          sealed: null,
        };
        events.push({ type: 'rating.recorded', at, window, data: rating });
      }
    } else if (!current && state.waiting.length > 0) {
      const next = state.waiting.shift()!;
      next.calledAt = at;
      state.serving.set(window, next);
      const call: CallView & { recall: boolean } = {
        ticketId: next.id,
        number: next.number,
        window,
        windowName: `${window}号窗口`,
        serviceCode: next.item.code,
        serviceName: next.item.name,
        callCount: 1,
        at,
        recall: false,
      };
      events.push({ type: 'ticket.called', at, window, data: call });
    }
  }
  if (state.faulty === null && random() < 0.01) state.faulty = `${hall.siteId}-kiosk`;
  else if (state.faulty !== null && random() < 0.1) state.faulty = null;
  if (state.steps % HEARTBEAT_EVERY === 0) {
    events.push({ type: 'terminal.seen', at, data: { terminal: terminal(hall, `${hall.siteId}-kiosk`, 'kiosk', null, at, state.faulty !== null) } });
    for (let window = 1; window <= hall.windows; window++) {
      events.push({ type: 'terminal.seen', at, window, data: { terminal: terminal(hall, `${hall.siteId}-pad-${window}`, 'pad', window, at, false) } });
    }
  }
  return events;
}

/** A small seeded random source (mulberry32), so a simulated day can be replayed exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
