// What one batch of a site's events changes in the console's projections. Pure: the events in, a delta out; the
// delta is written by `apply.ts` in the ingest's transaction. An event whose data does not have the agreed shape is
// left out of the projections (it is still stored in site_events), so one odd event never refuses a batch.
import { z } from 'zod';
import { QueueChangedEvent, TerminalSeenEvent, TicketFinishedEvent, TicketIssuedEvent, TicketUpdatedEvent, WindowChangedEvent } from '../../protocol/hall/events.ts';
import { InspectionReport } from '../../protocol/hall/inspection.ts';
import type { TicketView } from '../../protocol/hall/queue.ts';
import { CaseRecordedEvent, RatingRecordedEvent } from '../../protocol/region/records.ts';
import type { SyncEvent } from '../../protocol/region/sync.ts';
import { isBad } from '../../protocol/rules/levels.ts';
import { DEFAULT_HALL_DAY, hallDayOf } from '../../protocol/rules/hall-day.ts';

/** The hall day of an instant, as the halls count their tickets and ratings (their default: China Standard Time, a
 * new day at 03:00): a ticket taken at 01:00 belongs to the day before, like the ratings the hall sends of it. */
export function hallDay(iso: string): string {
  return hallDayOf(Date.parse(iso), DEFAULT_HALL_DAY);
}

export interface TicketRow {
  ticketId: string;
  day: string;
  number: string;
  serviceCode: string;
  serviceName: string;
  status: string;
  issuedAt: string;
  calledAt: string | null;
  finishedAt: string | null;
  window: number | null;
}

export interface RatingRow {
  ratingId: string;
  day: string;
  caseNumber: string;
  ticketNumber: string;
  serviceCode: string;
  serviceName: string;
  window: number;
  staffId: string;
  staffName: string;
  score: number;
  bad: boolean;
  reasons: string[];
  maskedComment: string;
  channel: string;
  issuedAt: string;
  finishedAt: string;
  ratedAt: string;
  sealed: unknown;
}

export interface DailyTickets {
  day: string;
  serviceCode: string;
  issued: number;
  finished: number;
}

export interface MonthlyRatings {
  /** First day of the month, YYYY-MM-01. */
  month: string;
  serviceCode: string;
  staffId: string;
  rated: number;
  bad: number;
  scoreSum: number;
}

export interface CaseRow {
  caseId: string;
  ratingId: string;
  state: string;
  openedOn: string;
  dueOn: string;
  closedOn: string | null;
  by: string;
  at: string;
}

export interface InspectionRow {
  month: string;
  report: InspectionReport;
  /** The report's generatedAt as an ISO instant: which of two reports of a month is the newer. */
  generatedAt: string;
}

export interface ProjectionDelta {
  newestEventAt: string | null;
  /** Waiting now, from the batch's last queue.changed (0 after a queue.reset); null when the batch says nothing. */
  waitingNow: number | null;
  windows: Map<number, { name: string; open: boolean; staffName: string | null }>;
  terminals: Map<string, { name: string; faults: Array<{ device: string; state: string; reason?: string }>; seenAt: string }>;
  tickets: Map<string, TicketRow>;
  /** Finishes of tickets issued in an earlier batch. */
  finishes: Map<string, { finishedAt: string; window: number }>;
  ticketDaily: Map<string, DailyTickets>;
  ratings: RatingRow[];
  ratingMonthly: Map<string, MonthlyRatings>;
  cases: Map<string, CaseRow>;
  /** Ratings withdrawn on appeal (申诉撤销): no longer counted in statistics. */
  withdrawn: Set<string>;
  staff: Map<string, string>;
  services: Map<string, string>;
  /** 示范点自查 by month: the batch's newest report of each month. */
  inspections: Map<string, InspectionRow>;
}

function parse<T>(schema: z.ZodType<T>, data: unknown): T | null {
  const result = schema.safeParse(data);
  return result.success ? result.data : null;
}

function emptyDelta(): ProjectionDelta {
  return {
    newestEventAt: null,
    waitingNow: null,
    windows: new Map(),
    terminals: new Map(),
    tickets: new Map(),
    finishes: new Map(),
    ticketDaily: new Map(),
    ratings: [],
    ratingMonthly: new Map(),
    cases: new Map(),
    withdrawn: new Set(),
    staff: new Map(),
    services: new Map(),
    inspections: new Map(),
  };
}

function keepTicket(delta: ProjectionDelta, ticket: TicketView): void {
  delta.tickets.set(ticket.id, {
    ticketId: ticket.id,
    day: hallDay(ticket.issuedAt),
    number: ticket.number,
    serviceCode: ticket.serviceCode,
    serviceName: ticket.serviceName,
    status: ticket.status,
    issuedAt: ticket.issuedAt,
    calledAt: ticket.calledAt,
    finishedAt: ticket.finishedAt,
    window: ticket.window,
  });
  delta.services.set(ticket.serviceCode, ticket.serviceName);
}

function countTicket(delta: ProjectionDelta, day: string, serviceCode: string, field: 'issued' | 'finished'): void {
  const key = `${day}\0${serviceCode}`;
  const row = delta.ticketDaily.get(key) ?? { day, serviceCode, issued: 0, finished: 0 };
  row[field] += 1;
  delta.ticketDaily.set(key, row);
}

function countRating(delta: ProjectionDelta, rating: RatingRow): void {
  const month = `${rating.day.slice(0, 7)}-01`;
  const key = `${month}\0${rating.serviceCode}\0${rating.staffId}`;
  const row = delta.ratingMonthly.get(key) ?? { month, serviceCode: rating.serviceCode, staffId: rating.staffId, rated: 0, bad: 0, scoreSum: 0 };
  row.rated += 1;
  row.bad += rating.bad ? 1 : 0;
  row.scoreSum += rating.score;
  delta.ratingMonthly.set(key, row);
}

/** An instant PostgreSQL reads as timestamptz (years 0000–9999), in ISO form; null for anything else. */
function instant(text: string): string | null {
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) return null;
  const iso = new Date(ms).toISOString();
  return /^\d{4}-/.test(iso) ? iso : null;
}

/** Of two reports of a month, the one generated later stays; at the same instant the later in the log. */
function keepInspection(delta: ProjectionDelta, report: InspectionReport): void {
  const generatedAt = instant(report.generatedAt);
  if (generatedAt === null) return;
  const held = delta.inspections.get(report.month);
  if (held && Date.parse(held.generatedAt) > Date.parse(generatedAt)) return;
  delta.inspections.set(report.month, { month: report.month, report, generatedAt });
}

function project(delta: ProjectionDelta, event: SyncEvent): void {
  switch (event.type) {
    case 'queue.changed': {
      const data = parse(QueueChangedEvent, event.data);
      if (data) delta.waitingNow = data.services.reduce((sum, s) => sum + s.waiting, 0);
      return;
    }
    case 'queue.reset':
      delta.waitingNow = 0;
      return;
    case 'window.changed': {
      const data = parse(WindowChangedEvent, event.data);
      if (data) {
        const w = data.window;
        delta.windows.set(w.number, { name: w.name, open: w.staffId !== null && !w.paused, staffName: w.staffName });
      }
      return;
    }
    case 'terminal.seen': {
      const data = parse(TerminalSeenEvent, event.data);
      if (data) {
        const t = data.terminal;
        const faults = t.revoked ? [] : t.devices.filter((d) => d.state !== 'ok');
        delta.terminals.set(t.id, { name: t.name, faults, seenAt: t.lastSeen ?? event.at });
      }
      return;
    }
    case 'ticket.issued': {
      const data = parse(TicketIssuedEvent, event.data);
      if (data) {
        keepTicket(delta, data.ticket);
        countTicket(delta, hallDay(data.ticket.issuedAt), data.ticket.serviceCode, 'issued');
      }
      return;
    }
    case 'ticket.updated': {
      const data = parse(TicketUpdatedEvent, event.data);
      if (data) keepTicket(delta, data.ticket);
      return;
    }
    case 'ticket.finished': {
      const data = parse(TicketFinishedEvent, event.data);
      if (data) {
        const held = delta.tickets.get(data.ticketId);
        if (held) delta.tickets.set(data.ticketId, { ...held, status: 'finished', finishedAt: data.finishedAt, window: data.window });
        else delta.finishes.set(data.ticketId, { finishedAt: data.finishedAt, window: data.window });
        countTicket(delta, hallDay(data.finishedAt), data.serviceCode, 'finished');
      }
      return;
    }
    case 'rating.recorded': {
      const data = parse(RatingRecordedEvent, event.data);
      if (!data) return;
      const rating: RatingRow = {
        ratingId: data.ratingId,
        day: data.day,
        caseNumber: data.caseNumber,
        ticketNumber: data.ticketNumber,
        serviceCode: data.serviceCode,
        serviceName: data.serviceName,
        window: data.window,
        staffId: data.staffId ?? '',
        staffName: data.staffName ?? '',
        score: data.score,
        bad: isBad(data.score),
        reasons: data.reasons,
        maskedComment: data.maskedComment,
        channel: data.channel,
        issuedAt: data.issuedAt,
        finishedAt: data.finishedAt,
        ratedAt: data.ratedAt,
        sealed: data.sealed,
      };
      delta.ratings.push(rating);
      countRating(delta, rating);
      if (data.staffId && data.staffName) delta.staff.set(data.staffId, data.staffName);
      delta.services.set(data.serviceCode, data.serviceName);
      return;
    }
    case 'rating.case.recorded': {
      const data = parse(CaseRecordedEvent, event.data);
      if (!data) return;
      delta.cases.set(data.caseId, { ...data });
      if (data.state === '申诉撤销') delta.withdrawn.add(data.ratingId);
      return;
    }
    case 'inspection.reported': {
      const data = parse(InspectionReport, event.data);
      if (data) keepInspection(delta, data);
      return;
    }
    default:
      return;
  }
}

export function projectBatch(events: readonly SyncEvent[]): ProjectionDelta {
  const delta = emptyDelta();
  for (const event of events) {
    project(delta, event);
    if (delta.newestEventAt === null || Date.parse(event.at) > Date.parse(delta.newestEventAt)) delta.newestEventAt = event.at;
  }
  return delta;
}
