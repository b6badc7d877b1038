// The queue shell: holds the in-memory state, runs pure commands inside one durable transaction, writes what changed,
// publishes the events (plus queue.changed and tidal alerts) and rolls the business day over at the reset time.
import { randomUUID } from 'node:crypto';
import type { Pack } from '../../content/schema/index.ts';
import { MISSED_SHOWN } from '../../protocol/hall/queue.ts';
import type { IssueTicketRequest, IssueTicketResponse, PrintResultRequest, QueueSnapshot, ServiceView, TicketTimings, TidalAlertView } from '../../protocol/hall/index.ts';
import type { ItemCountsResponse } from '../../protocol/hall/item-counts.ts';
import type { QueueConfig } from '../config/schema.ts';
import { assertSameRequest, fingerprintText, scopedKey } from '../core/idempotency.ts';
import { ApiError, type HallApp, type Principal } from '../core/module.ts';
import { applyWindowAction, windowStateOf, type WindowAction } from './actions.ts';
import { hallDayOf } from '../../protocol/rules/hall-day.ts';
import { localDate } from '../../protocol/rules/hall-time.ts';
import { verifiedIdentityFacts } from './identity-facts.ts';
import { issueTicket, waitingAhead } from './issue.ts';
import { waitEstimate } from './estimate.ts';
import { maskName } from '../../protocol/person/mask.ts';
import { rulesFromPack } from './rules.ts';
import type { QueueStore } from './store.ts';
import { putTicket, waitingTickets } from './state.ts';
import { byIssueOrder } from './policy.ts';
import { groupStatuses, tidalTransitions } from './tidal.ts';
import type { Outcome, QueueRules, QueueState, Ticket } from './types.ts';
import { missedTickets, recentCalls, serviceViews, ticketView, waitingCounts, windowView } from './views.ts';

export class QueueEngine {
  private state: QueueState;
  private alerts: Map<string, TidalAlertView>;
  private cachedRules: { pack: Pack; rules: QueueRules } | null = null;
  /** Which items were open (and why not) in the last queue.changed; null before the first. */
  private openingSignature: string | null = null;

  constructor(
    private readonly app: HallApp,
    private readonly store: QueueStore,
    private readonly config: QueueConfig,
  ) {
    this.state = this.store.load(this.today());
    this.alerts = this.store.tidalAlerts();
  }

  rules(): QueueRules {
    const pack = this.app.pack();
    if (this.cachedRules?.pack !== pack) this.cachedRules = { pack, rules: rulesFromPack(pack, this.config) };
    return this.cachedRules.rules;
  }

  private nowMs(): number {
    return this.app.now().getTime();
  }

  private today(): string {
    return hallDayOf(this.nowMs(), { startsAt: this.config.dailyResetAt, utcOffsetMinutes: this.config.utcOffsetMinutes });
  }

  /** Runs a pure command in one transaction; on any failure the in-memory state is reloaded from SQLite. */
  private run(command: (state: QueueState, rules: QueueRules, nowMs: number) => Outcome, after?: (outcome: Outcome) => void): Outcome {
    try {
      return this.app.tx(() => {
        this.rollover();
        const rules = this.rules();
        const outcome = command(this.state, rules, this.nowMs());
        this.apply(outcome, rules);
        after?.(outcome);
        return outcome;
      });
    } catch (err) {
      if (!(err instanceof ApiError)) this.reload();
      throw err;
    }
  }

  private apply(outcome: Outcome, rules: QueueRules): void {
    const countsBefore = this.countsSignature();
    for (const t of outcome.tickets) {
      this.store.writeTicket(t);
      putTicket(this.state, t);
    }
    for (const w of outcome.windows) {
      this.store.writeWindow(w);
      this.state.windows.set(w.number, w);
    }
    for (const [service, counter] of outcome.counters) {
      this.store.writeCounter(this.state.day, service, counter);
      this.state.counters.set(service, counter);
    }
    for (const e of outcome.events) this.app.events.publish(e.type, e.data, pickOpts(e));
    if (outcome.counters.length || this.countsSignature() !== countsBefore) this.publishServices(serviceViews(this.state, rules, this.nowMs()));
    if (outcome.tickets.length || outcome.windows.length) this.updateTidal(rules);
  }

  private publishServices(services: ServiceView[]): void {
    this.openingSignature = openingSignature(services);
    this.app.events.publish('queue.changed', { services }, { roles: ['kiosk', 'board', 'counter'] });
  }

  /** Items open and close with the clock (issuing hours, holidays, rest days) without any command: the module's minute
   * timer calls this so the screens learn of it (the kiosk hides 取号办理 while an item is closed). */
  publishOpeningChanges(): void {
    this.rollover();
    let services: ServiceView[];
    try {
      services = serviceViews(this.state, this.rules(), this.nowMs());
    } catch (err) {
      if (err instanceof ApiError) return; // no active pack yet
      throw err;
    }
    if (openingSignature(services) === this.openingSignature) return;
    this.app.tx(() => this.publishServices(services));
  }

  /** Waiting counts per item, as a string: queue.changed goes out only when they (or today's issued counts) change. */
  private countsSignature(): string {
    return [...waitingCounts(this.state)].map(([code, n]) => `${code}:${n}`).join(',');
  }

  private updateTidal(rules: QueueRules): void {
    const next = tidalTransitions(this.alerts, groupStatuses(this.state, rules), rules.tidalThreshold, this.app.now().toISOString());
    for (const alert of next.raise) this.app.events.publish('tidal.alert', alert, { roles: ['admin', 'board', 'counter'] });
    for (const e of next.clear) this.app.events.publish(e.type, e.data, { roles: ['admin', 'board', 'counter'] });
    if (next.raise.length || next.clear.length) this.store.saveTidalAlerts(next.alerts);
    this.alerts = next.alerts;
  }

  private reload(): void {
    this.state = this.store.load(this.today());
    this.alerts = this.store.tidalAlerts();
  }

  /** Starts a new business day when the reset time has passed: open tickets of earlier days are cancelled. */
  rollover(): void {
    const day = this.today();
    if (day === this.state.day) return;
    this.app.tx(() => {
      for (const t of this.state.tickets.values()) {
        if (t.status === 'waiting' || t.status === 'called' || t.status === 'serving' || t.status === 'held') {
          this.store.writeTicket({ ...t, status: 'cancelled', version: t.version + 1 });
        }
      }
      for (const w of this.state.windows.values()) {
        this.store.writeWindow({ ...w, currentId: null, undo: null, normalsSincePriority: 0, appointmentsInRow: 0, staffId: null });
      }
      this.store.setDay(day);
      this.store.saveTidalAlerts(new Map());
      const purged = this.store.purgePersonalData(this.nowMs() - this.config.personalDataRetentionDays * 86_400_000);
      if (purged) this.app.audit(null, 'queue.personal_data_purged', { tickets: purged });
      this.app.audit(null, 'queue.daily_reset', { from: this.state.day, to: day });
      for (const group of this.alerts.keys()) this.app.events.publish('tidal.cleared', { group, reason: 'drained' });
      this.app.events.publish('queue.reset', { businessDay: day });
    });
    this.state = this.store.load(day);
    this.alerts = new Map();
  }

  /** `appointmentAt`: the booked slot's start when an on-time 预约 check-in issues the ticket. */
  issue(req: IssueTicketRequest, principal: Principal, appointmentAt: number | null = null): IssueTicketResponse {
    if (req.priority && req.priority !== 'normal' && principal.role === 'kiosk') {
      throw new ApiError(403, 'priority_by_staff', '绿色通道类别需由工作人员设置');
    }
    const respond = (ticket: Ticket, reused: IssueTicketResponse['reused']): IssueTicketResponse => {
      const rules = this.rules();
      const ahead = waitingAhead(this.state, ticket, reused === null);
      return {
        ticket: ticketView(ticket, rules), reused, waitingAhead: ahead, hallName: rules.hallName,
        estimateMinutes: waitEstimate(this.state, rules, ticket.serviceCode, ahead),
      };
    };
    const key = scopedKey(principal, req.idempotencyKey);
    const { idempotencyKey: _key, ...request } = req;
    const fingerprint = this.app.secrets.fingerprint(fingerprintText('ticket.issue', request));
    const previous = this.store.ticketByIdempotencyKey(key);
    if (previous) {
      assertSameRequest(previous.fingerprint, fingerprint);
      return respond(this.state.tickets.get(previous.ticket.id) ?? previous.ticket, 'idempotent');
    }
    const identity = req.identity;
    const facts = identity ? verifiedIdentityFacts(identity, localDate(this.nowMs(), this.config.utcOffsetMinutes)) : null;
    const outcome = this.run((state, rules, nowMs) => {
      const out = issueTicket(state, rules, {
        id: randomUUID(),
        idempotencyKey: key,
        serviceCode: req.serviceCode,
        personHash: identity ? this.app.secrets.hashId(identity.idNumber) : null,
        maskedName: identity ? maskName(identity.name) : null,
        birthDate: facts?.birthDate ?? null,
        priority: req.priority ?? null,
        senior: req.senior === true,
        appointmentAt,
      }, nowMs);
      if (out.tickets.length) this.app.audit(principal, 'ticket.issued', { ticket: out.ticket!.id, number: out.ticket!.number });
      return out;
    }, (out) => {
      if (!out.tickets.length) return;
      this.store.setIdempotencyFingerprint(out.ticket!.id, fingerprint);
      if (identity) this.store.sealPerson(out.ticket!.id, this.app.secrets.encrypt(identity.idNumber), this.app.secrets.encrypt(identity.name));
    });
    return respond(outcome.ticket!, outcome.tickets.length ? null : 'same_person');
  }

  windowAction(number: number, action: WindowAction, principal: Principal, idempotencyKey?: string) {
    const key = idempotencyKey ? scopedKey(principal, `window:${number}:${action.kind}:${idempotencyKey}`) : null;
    const fingerprint = this.app.secrets.fingerprint(fingerprintText('window.action', { window: number, action }));
    if (key) {
      const previous = this.store.commandResult(key);
      if (previous !== undefined) {
        assertSameRequest(previous.fingerprint, fingerprint);
        return previous.response as ReturnType<QueueEngine['windowResponse']>;
      }
    }
    let response!: ReturnType<QueueEngine['windowResponse']>;
    this.run((state, rules, nowMs) => {
      const out = applyWindowAction(state, rules, number, action, nowMs);
      this.app.audit(principal, `window.${action.kind}`, { window: number, ticket: out.ticket?.id ?? null, ...auditDetails(action) });
      return out;
    });
    this.app.tx(() => {
      response = this.windowResponse(number, this.lastTicketOf(number, action));
      if (key) this.store.saveCommandResult(key, response, this.app.now().toISOString(), fingerprint);
    });
    return response;
  }

  private lastTicketOf(number: number, action: WindowAction): Ticket | null {
    const w = this.state.windows.get(number);
    if (action.kind === 'call-next' || action.kind === 'call' || action.kind === 'return' || action.kind === 'recall' || action.kind === 'start') {
      return w?.currentId ? this.state.tickets.get(w.currentId) ?? null : null;
    }
    return null;
  }

  private windowResponse(number: number, ticket: Ticket | null) {
    const rules = this.rules();
    const w = windowStateOf(this.state, rules, number);
    return { window: windowView(w, this.state, rules, this.nowMs()), ticket: ticket ? ticketView(ticket, rules) : null };
  }

  printResult(ticketId: string, result: PrintResultRequest, principal: Principal): void {
    this.app.tx(() => {
      const t = this.state.tickets.get(ticketId) ?? this.store.ticketById(ticketId);
      if (!t) throw new ApiError(404, 'unknown_ticket', '没有这个号');
      this.store.setPrintResult(ticketId, result.outcome, result.reason ?? null);
      const next = { ...t, print: result.outcome };
      if (this.state.tickets.has(ticketId)) putTicket(this.state, next);
      this.app.audit(principal, 'ticket.print_result', { ticket: ticketId, outcome: result.outcome, reason: result.reason ?? null });
      this.app.events.publish('ticket.updated', { ticket: ticketView(next, this.rules()), action: 'print:' + result.outcome }, { roles: ['admin', 'counter'] });
    });
  }

  /** Tickets issued per item over the last `days` business days, today included. */
  itemCounts(days: number): ItemCountsResponse {
    const today = this.today();
    const since = new Date(Date.parse(`${today}T00:00:00Z`) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
    return { since, days, counts: this.store.issuedSince(since) };
  }

  timings(ticketId: string): TicketTimings {
    const t = this.state.tickets.get(ticketId) ?? this.store.ticketById(ticketId);
    if (!t) throw new ApiError(404, 'unknown_ticket', '没有这个号');
    return ticketTimings(t);
  }

  snapshot(principal: Principal): QueueSnapshot {
    const rules = this.rules();
    const now = this.nowMs();
    const windows = [...rules.windows.keys()].map((n) => windowView(windowStateOf(this.state, rules, n), this.state, rules, now));
    const seesWaiting = principal.role === 'admin' || principal.role === 'counter';
    return {
      businessDay: this.state.day,
      services: serviceViews(this.state, rules, now),
      windows,
      waiting: seesWaiting
        ? [...waitingTickets(this.state)].sort(byIssueOrder).map((t) => ticketView(t, rules))
        : [],
      recentCalls: recentCalls(this.state, rules),
      tidalAlerts: [...this.alerts.values()],
      ...(seesWaiting ? { missed: missedTickets(this.state, rules, MISSED_SHOWN) } : {}),
    };
  }

  /** The in-memory queue as it is now, for read-only views of other modules (the citizen's progress page). */
  view(): { state: QueueState; rules: QueueRules; nowMs: number } {
    return { state: this.state, rules: this.rules(), nowMs: this.nowMs() };
  }

  /** After a new pack: rules change (services, windows); alerts are re-evaluated. */
  packChanged(): void {
    this.app.tx(() => this.updateTidal(this.rules()));
  }
}

export function ticketTimings(t: Pick<Ticket, 'issuedAt' | 'calledAt' | 'startedAt' | 'finishedAt'>): TicketTimings {
  const secs = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.round((b - a) / 100) / 10);
  return { waitSeconds: secs(t.issuedAt, t.calledAt), walkSeconds: secs(t.calledAt, t.startedAt), serviceSeconds: secs(t.startedAt, t.finishedAt) };
}

function pickOpts(e: { window?: number; roles?: Principal['role'][] }) {
  const opts: { window?: number; roles?: Principal['role'][] } = {};
  if (e.window !== undefined) opts.window = e.window;
  if (e.roles) opts.roles = e.roles;
  return opts;
}

function auditDetails(action: WindowAction): Record<string, unknown> {
  const { kind: _kind, ...rest } = action;
  return rest;
}

function openingSignature(services: ServiceView[]): string {
  return services.map((s) => `${s.code}:${s.closedReason ?? ''}`).join('|');
}
