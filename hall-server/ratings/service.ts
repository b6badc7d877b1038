// The ratings service: turns finished tickets into prompts, stores ratings exactly once, records 未评价, runs the
// 差评 cases and purges personal fields. Routes (routes.ts) and the module shell call it; it never opens its own database.
import { DEFAULT_HALL_DAY, hallDayOf, type HallDayRule } from '../../protocol/rules/hall-day.ts';
import { randomUUID } from 'node:crypto';
import type { Pack } from '../../content/schema/index.ts';
import { assertSameRequest, fingerprintText, idempotencyKeyReused } from '../core/idempotency.ts';
import { ApiError, type HallApp, type Principal } from '../core/module.ts';
import type { CaseActionRequest, CaseView, RatingPrompt, SubmitRatingRequest, SubmitRatingResponse } from '../../protocol/hall/ratings.ts';
import { CaseTransitionError, allowedActions, applyAction, dueFlag, openCase } from '../../protocol/hall/cases.ts';
import { upstreamCaseNo } from '../../server-shared/ratings/csv.ts';
import { isBad, ratingProblem } from '../../protocol/rules/levels.ts';
import { maskPhone } from '../../protocol/person/mask.ts';
import { maskPersonalNumbers } from './core/pii.ts';
import { type CompiledCalendar, calendarOf, workingDaysBetween } from '../../protocol/rules/workdays.ts';
import { hallDate, localClock } from '../../protocol/rules/hall-time.ts';
import { FinishedFeed, isFeedEvent } from './feed.ts';
import { alreadyRatedMessage, channelOfSource, PHONE_SOURCE, phoneDecision } from './core/channel-rule.ts';
import type { RatedBy } from '../../protocol/citizen/progress.ts';
import type { PhoneRatingAnswer, PhoneRatingRequest } from '../../protocol/citizen/phone-rating.ts';
import type { TicketFacts } from '../queue/reader.ts';
import type { TicketFinishedEvent } from '../../protocol/hall/events.ts';
import { type PromptRow, type RatingRow, RatingStore } from './store.ts';
import { CASE_OPENED_BY, caseRecord, ratingRecord, type Sealer } from './records.ts';

/** A finished ticket as the queue reports it: the `ticket.finished` event data, declared once in protocol/hall. */
export type FinishedTicket = TicketFinishedEvent;


/** The 6-digit 行政区划代码 that starts generated case numbers; `000000` only for an older pack without one (the pack
 * validator warns about it). */
function regionCode(pack: Pack): string {
  return pack.manifest.hall.regionCode ?? '000000';
}

type SubmitResult = { status: number; body: SubmitRatingResponse };

/** Clock difference between a pad and the hall-server that is tolerated (pads set their clock from the server's). */
const PAD_CLOCK_SKEW_MS = 30_000;

/** What a rating says, without the pad's time stamp: a retry from the outbox may carry the same press re-stamped. */
function ratingContent(req: SubmitRatingRequest): Omit<SubmitRatingRequest, 'ratedAt' | 'id'> {
  const { ratedAt: _ratedAt, id: _id, ...content } = req;
  return content;
}

/** The pad's time of the press, which must lie between the finish and the receipt (give or take the clock skew). */
function boundedPadTime(padMs: number, finishedMs: number, nowMs: number): number {
  if (padMs < finishedMs - PAD_CLOCK_SKEW_MS || padMs > nowMs + PAD_CLOCK_SKEW_MS) {
    throw new ApiError(400, 'bad_rated_at', '评价器时间不正确（早于办结时间或晚于当前时间），请校准评价器时钟后重试');
  }
  return Math.min(Math.max(padMs, finishedMs), nowMs);
}

export class RatingService {
  readonly store: RatingStore;
  private readonly feed: FinishedFeed;
  private calendar: CompiledCalendar | null = null;
  /** False only while every finished or undone ticket in the log is known to be a prompt already: it turns false
   * after an ingest outside any transaction (one nested in a command's savepoint may still be rolled back with it)
   * and true again as such an event is published. A rating submit then skips three reads of the log. */
  private feedMayHaveNew = true;
  /** The hall's clock offset: calendar dates of deadlines (a 差评 follow-up counts working days from the calendar date). */
  readonly utcOffsetMinutes: number;

  constructor(
    private readonly app: HallApp,
    private readonly ticketFacts: (ticketId: string) => TicketFacts = () => ({ issuedAt: null, applicant: null }),
    /** The hall day (config queue.dailyResetAt and utcOffsetMinutes): which day a rating counts on, the same as the queue's. */
    readonly hallDay: HallDayRule = DEFAULT_HALL_DAY,
    /** Seals the personal fields of the region's records (the region link); none: `sealed: null`. */
    private readonly seal: Sealer = () => null,
  ) {
    this.utcOffsetMinutes = hallDay.utcOffsetMinutes;
    this.store = new RatingStore(app.db);
    this.feed = new FinishedFeed(app.db);
    app.onPackActivated(() => {
      this.calendar = null;
    });
    app.onEventPublished((event) => {
      if (isFeedEvent(event)) this.feedMayHaveNew = true;
    });
  }

  /** The active pack's calendar, compiled once per pack. */
  get cal(): CompiledCalendar {
    this.calendar ??= calendarOf(this.app.pack().calendar);
    return this.calendar;
  }

  today(): string {
    return hallDate(this.app.now(), this.utcOffsetMinutes);
  }

  /** Records a finished ticket as due for a rating (idempotent per ticket; a ticket finished again after an undone
   * finish gets a fresh prompt unless it was rated meanwhile). Call inside a transaction. */
  addFinished(t: FinishedTicket, seqs: Map<string, number>): void {
    const evaluation = this.app.pack().evaluation;
    const day = hallDayOf(Date.parse(t.finishedAt), this.hallDay);
    const known = this.store.prompt(t.ticketId);
    if (known && known.withdrawn_at === null) return;
    const caseNumber = t.caseNumber ?? known?.case_number ?? this.nextCaseNumber(day, seqs);
    const expiresAt = new Date(Date.parse(t.finishedAt) + evaluation.noRatingTimeoutSeconds * 1000).toISOString();
    const prompt = {
      ticket_id: t.ticketId, window: t.window, ticket_number: t.number, service_code: t.serviceCode,
      service_name: t.serviceName, staff_id: t.staffId, case_number: caseNumber, finished_at: t.finishedAt, day, expires_at: expiresAt,
      senior: t.senior ? 1 : 0,
    };
    if (known) this.store.revivePrompt(prompt);
    else this.store.addPrompt(prompt);
  }

  /** Staff undid the finish (the queue allows it within 30 s): the service is not over, so its prompt is withdrawn and
   * no 未评价 is recorded. A rating already stored stays: a citizen's rating is never deleted by staff. */
  undoFinished(ticketId: string, atIso: string): void {
    const prompt = this.store.prompt(ticketId);
    if (!prompt || prompt.withdrawn_at !== null || prompt.outcome === 'rated') return;
    this.store.withdrawPrompt(prompt, atIso);
  }

  /** The next generated 办件编号 of the day. `seqs` holds the sequences taken in the current ingest batch, saved once
   * at its end (`saveCaseSequences`) rather than read and written per ticket. */
  private nextCaseNumber(day: string, seqs: Map<string, number>): string {
    const seq = (seqs.get(day) ?? Number(this.store.state(`case-seq:${day}`) ?? '0')) + 1;
    seqs.set(day, seq);
    return upstreamCaseNo(regionCode(this.app.pack()), day, seq);
  }

  private saveCaseSequences(seqs: Map<string, number>): void {
    for (const [day, seq] of seqs) this.store.setState(`case-seq:${day}`, String(seq));
  }

  promptView(p: PromptRow): RatingPrompt {
    return {
      ticketId: p.ticket_id, number: p.ticket_number, serviceName: p.service_name, caseNumber: p.case_number,
      staffId: p.staff_id, finishedAt: p.finished_at, expiresAt: p.expires_at, senior: p.senior === 1,
    };
  }

  pendingPrompt(window: number): RatingPrompt | null {
    this.ingest();
    const p = this.store.pendingPrompt(window, this.app.now().toISOString());
    return p ? this.promptView(p) : null;
  }

  /** Takes the finished tickets published since the last call into prompts. */
  ingest(): number {
    if (!this.feedMayHaveNew) return 0;
    const settles = !this.app.db.inTransaction;
    const taken = this.takeFeed();
    if (settles) this.feedMayHaveNew = false;
    return taken;
  }

  private takeFeed(): number {
    const head = this.feed.head();
    let cursor = this.feedCursor();
    if (cursor >= head) return 0;
    return this.app.tx(() => {
      let total = 0;
      while (cursor < head) {
        const step = this.takeFeedStep(cursor, head);
        total += step.taken;
        cursor = step.cursor;
      }
      return total;
    });
  }

  /** One bounded step of the feed (at most FEED_SCAN_EVENTS events) in a transaction of its own, for a hall that
   * starts with a long stretch of the log unread: false once the feed has caught up with the log. */
  catchUpStep(): boolean {
    const head = this.feed.head();
    const cursor = this.feedCursor();
    const behind = cursor < head && this.app.tx(() => this.takeFeedStep(cursor, head).cursor) < head;
    if (!behind && !this.app.db.inTransaction) this.feedMayHaveNew = false;
    return behind;
  }

  /** The first event the feed still has to read: retention keeps it and every later one, however old (a hall that
   * could not take its finished tickets for longer than the events' retention must still rate them all). Nothing,
   * when no finished or undone ticket has been published since the feed last caught up: the cursor then stays
   * behind the head without anything there for the feed. */
  unreadFrom(): number {
    return this.feedMayHaveNew ? this.feedCursor() + 1 : Number.MAX_SAFE_INTEGER;
  }

  private feedCursor(): number {
    return Number(this.store.state('finished-cursor') ?? '0');
  }

  /** Takes one step of the feed after `cursor` into prompts: how many finished tickets it took, and the new cursor. */
  private takeFeedStep(cursor: number, head: number): { taken: number; cursor: number } {
    const batch = this.feed.read(cursor, head);
    if (batch.malformed > 0) this.app.log.child('ratings').warn(`skipped ${batch.malformed} malformed ticket events`);
    const seqs = new Map<string, number>();
    let taken = 0;
    for (const item of batch.items) {
      if (item.kind === 'finished') {
        this.addFinished(item.ticket, seqs);
        taken++;
      } else this.undoFinished(item.ticketId, item.at);
    }
    this.saveCaseSequences(seqs);
    this.store.setState('finished-cursor', String(batch.cursor));
    return { taken, cursor: batch.cursor };
  }

  /** One maintenance pass: new finished tickets, 未评价 for expired prompts, purge of personal fields. */
  sweep(): { finished: number; unrated: number; purged: number } {
    return { finished: this.ingest(), unrated: this.expirePrompts(), purged: this.purgeExpiredPersonalData() };
  }

  /** Marks every prompt past its timeout as 未评价 and tells the window's pad. */
  expirePrompts(): number {
    return this.app.tx(() => {
      const nowIso = this.app.now().toISOString();
      const expired = this.store.expiredPrompts(nowIso);
      for (const p of expired) {
        this.store.markUnrated(p, nowIso);
        this.app.events.publish('rating.unrated', { ticketId: p.ticket_id, window: p.window }, { window: p.window });
      }
      return expired.length;
    });
  }

  /** Stores a rating. Runs as a route handler, i.e. inside the core's group-commit transaction in its own savepoint
   * (no transaction of its own): the core commits it before it answers. */
  submit(principal: Principal, window: number, req: SubmitRatingRequest): SubmitResult {
    this.ingest();
    const prompt = this.store.prompt(req.ticketId);
    if (!prompt) throw new ApiError(404, 'ticket_not_finished', '没有找到这张已办结的号票，无法评价');
    if (prompt.window !== window) throw new ApiError(403, 'other_window', '只能评价本窗口办结的业务');
    const fingerprint = this.app.secrets.fingerprint(fingerprintText('rating.submit', ratingContent(req)));
    // Until the service is rated no rating of it can hold this id; an id another ticket's rating holds is refused by
    // the insert (idempotencyKeyReused), so the lookup is needed only for a rated service.
    const sameId = prompt.outcome === 'rated' ? this.store.ratingById(req.id) : undefined;
    if (sameId) {
      // A retry of a stored rating answers it again; the same id with another content, ticket or pad changes nothing.
      if (sameId.ticket_id !== req.ticketId || sameId.pad_id !== principal.id) throw idempotencyKeyReused();
      assertSameRequest(sameId.request_fingerprint, fingerprint);
      return { status: 200, body: this.response(sameId, true) };
    }
    if (prompt.outcome === 'rated') throw new ApiError(409, 'already_rated', alreadyRatedMessage(this.ratedBy(req.ticketId), this.clock));
    const padMs = Date.parse(req.ratedAt);
    if (Number.isNaN(padMs)) throw new ApiError(400, 'bad_time', '评价时间格式不正确');
    if (prompt.withdrawn_at !== null) {
      // A press made before staff undid the finish is the citizen's rating of that service and is kept.
      if (padMs > Date.parse(prompt.withdrawn_at)) {
        throw new ApiError(409, 'finish_undone', '工作人员已撤销本次办结，请在业务办结后再评价');
      }
    }
    // The pad closes its prompt at the timeout; a press stamped later is not this service's rating. A small clock
    // skew between pad and hall-server is tolerated.
    if (padMs > Date.parse(prompt.expires_at) + PAD_CLOCK_SKEW_MS) {
      throw new ApiError(409, 'prompt_expired', '评价时间已过，本次服务已记为未评价');
    }
    const nowMs = this.app.now().getTime();
    const padRatedMs = boundedPadTime(padMs, Date.parse(prompt.finished_at), nowMs);
    const evaluation = this.app.pack().evaluation;
    const problem = ratingProblem(req, evaluation.badReasons);
    if (problem) throw new ApiError(400, 'invalid_rating', problem);

    const stored = this.storeRating({
      id: req.id, prompt, score: req.score, reasons: req.reasons, comment: req.comment, phone: req.phone, source: req.source,
      padId: principal.id, pressedMs: padRatedMs, fingerprint,
    });
    return { status: 201, body: { ...this.response(stored.row, false), caseId: stored.caseId } };
  }

  /** The service's rating once stored: when (the press) and by which channel; null before. */
  ratedBy(ticketId: string): RatedBy | null {
    const r = this.store.ratingByTicket(ticketId);
    return r ? { at: r.pad_rated_at ?? r.rated_at, channel: channelOfSource(r.source) } : null;
  }

  /** Hall time of day (HH:MM) of an ISO instant, for messages. */
  private readonly clock = (iso: string): string => localClock(Date.parse(iso), this.utcOffsetMinutes);

  /** 扫码评价: a rating from the citizen's phone (channel 二维码), by the ticket the token named. One rating per service
   * across pad and phone (core/channel-rule.ts): 201 stored, 200 a retry of the same rating, 409 rated already.
   * `pressedAt`: when the phone sent it (the region's receipt when it came through the region); default now. Runs
   * inside the caller's transaction. */
  submitPhone(ticketId: string, req: PhoneRatingRequest, pressedAt: string | null = null): { status: number; body: PhoneRatingAnswer } {
    this.ingest();
    const fingerprint = this.app.secrets.fingerprint(fingerprintText('rating.phone', { ...req, id: undefined }));
    const sameId = this.store.ratingById(req.id);
    if (sameId) {
      if (sameId.ticket_id !== ticketId || sameId.source !== PHONE_SOURCE) throw idempotencyKeyReused();
      assertSameRequest(sameId.request_fingerprint, fingerprint);
      return { status: 200, body: { state: 'accepted', rating: this.ratedBy(ticketId) } };
    }
    const prompt = this.store.prompt(ticketId);
    const decision = phoneDecision(prompt ? { outcome: prompt.outcome, withdrawn: prompt.withdrawn_at !== null, rated: this.ratedBy(ticketId) } : null);
    if (decision.kind === 'refuse') throw new ApiError(409, decision.code, decision.message);
    if (decision.kind === 'rated') return { status: 409, body: { state: 'rated', rating: decision.by } };
    const evaluation = this.app.pack().evaluation;
    const problem = ratingProblem({ ...req, comment: '' }, evaluation.badReasons);
    if (problem) throw new ApiError(400, 'invalid_rating', problem);
    const nowMs = this.app.now().getTime();
    const pressedMs = pressedAt === null ? nowMs : Math.min(Math.max(Date.parse(pressedAt), Date.parse(prompt!.finished_at)), nowMs);
    const stored = this.storeRating({
      id: req.id, prompt: prompt!, score: req.score, reasons: req.reasons, comment: '', phone: req.phone, source: PHONE_SOURCE,
      padId: 'phone', pressedMs, fingerprint,
    });
    return { status: 201, body: { state: 'accepted', rating: { at: stored.row.pad_rated_at!, channel: '二维码' } } };
  }

  /** Stores a checked rating of `prompt`'s service: the row, the region's record, a 差评 case, the pad's event. */
  private storeRating(r: {
    id: string; prompt: PromptRow; score: number; reasons: readonly string[]; comment: string; phone: string; source: string;
    padId: string; pressedMs: number; fingerprint: string;
  }): { row: RatingRow; caseId: string | null } {
    const { prompt, pressedMs: padRatedMs, fingerprint } = r;
    const window = prompt.window;
    const evaluation = this.app.pack().evaluation;
    const req = { ...r, ticketId: prompt.ticket_id };
    const nowIso = this.app.now().toISOString();
    const facts = this.ticketFacts(req.ticketId);
    const applicant = facts.applicant;
    const staff = this.app.pack().staff.find((s) => s.id === prompt.staff_id);
    const bad = isBad(req.score);
    const comment = maskPersonalNumbers(req.comment);
    const secrets = this.app.secrets;
    const row: RatingRow = {
      id: req.id, ticket_id: req.ticketId, window, staff_id: prompt.staff_id, staff_name: staff?.name ?? null,
      service_code: prompt.service_code, service_name: prompt.service_name, ticket_number: prompt.ticket_number,
      case_number: prompt.case_number, score: req.score, bad: bad ? 1 : 0, reasons: JSON.stringify(req.reasons),
      comment: comment.masked, comment_sealed: comment.count > 0 ? secrets.encrypt(req.comment) : null,
      phone_sealed: req.phone ? secrets.encrypt(req.phone) : null,
      // The ticket's sealed applicant is copied, not opened: the ratings module keeps its own copy for the export.
      id_type: applicant?.idType ?? null, id_sealed: applicant ? secrets.reseal(applicant.idNumberSealed) : null,
      name_sealed: applicant?.nameSealed ? secrets.reseal(applicant.nameSealed) : null, source: req.source, pad_id: r.padId,
      received_at: facts.issuedAt, finished_at: prompt.finished_at, rated_at: nowIso, pad_rated_at: new Date(padRatedMs).toISOString(),
      request_fingerprint: fingerprint, stored_at: nowIso,
      day: prompt.day, counted: 1, personal_purged_at: null,
    };
    if (prompt.withdrawn_at !== null) this.store.unwithdrawPrompt(prompt);
    if (!this.store.insertRating(row, prompt)) throw idempotencyKeyReused();
    // The region's record, in the durable log only (no socket gets it); the personal fields only inside the box.
    const personal = () => ({
      name: applicant?.nameSealed ? secrets.decrypt(applicant.nameSealed) : '', phone: req.phone ?? '',
      comment: comment.count > 0 ? req.comment : '',
      ...(applicant ? { idType: applicant.idType, idNumber: secrets.decrypt(applicant.idNumberSealed) } : {}),
    });
    this.app.events.publish('rating.recorded', ratingRecord(row, personal, facts.issuedAt ?? row.finished_at, this.seal), { roles: [] });
    let caseId: string | null = null;
    if (bad) {
      const opened = hallDate(new Date(padRatedMs), this.utcOffsetMinutes);
      const record = openCase(opened, evaluation.followUpWorkingDays, this.cal);
      caseId = `C${randomUUID().replaceAll('-', '').slice(0, 16)}`;
      this.store.insertCase({
        id: caseId, rating_id: row.id, state: record.state, opened_on: record.openedOn, due_on: record.dueOn, closed_on: null,
        day: row.day,
      });
      this.store.countCase(row, { opened: true });
      this.app.events.publish('rating.case.recorded', caseRecord(this.store.caseById(caseId)!, CASE_OPENED_BY, nowIso), { roles: [] });
    }
    this.app.events.publish('rating.stored', {
      ticketId: row.ticket_id, window, score: row.score, channel: channelOfSource(row.source), at: row.pad_rated_at ?? row.rated_at,
    }, { window });
    return { row, caseId };
  }

  private response(r: RatingRow, duplicate: boolean): SubmitRatingResponse {
    return {
      id: r.id, ticketId: r.ticket_id, score: r.score, duplicate,
      caseId: duplicate ? (this.store.caseByRating(r.id)?.id ?? null) : null,
    };
  }

  caseView(id: string): CaseView {
    const c = this.store.caseById(id);
    if (!c) throw new ApiError(404, 'case_not_found', '没有找到这条差评记录');
    const r = this.store.ratingById(c.rating_id);
    if (!r) throw new ApiError(500, 'case_without_rating', '差评记录缺少对应的评价');
    const record = this.store.caseRecord(c);
    const today = this.today();
    return {
      id: c.id, ratingId: r.id, caseNumber: r.case_number, ticketNumber: r.ticket_number, window: r.window,
      staffId: r.staff_id, staffName: r.staff_name, serviceName: r.service_name, score: r.score,
      // Masked again on the way out: a comment stored before masking at ingest must not show its numbers either.
      reasons: JSON.parse(r.reasons) as string[], comment: maskPersonalNumbers(r.comment).masked,
      phone: r.phone_sealed ? maskPhone(this.app.secrets.decrypt(r.phone_sealed)) : '',
      state: record.state, openedOn: c.opened_on, dueOn: c.due_on, closedOn: c.closed_on,
      flag: dueFlag(record, today, this.cal, c.closed_on),
      workingDaysLeft: workingDaysBetween(today, c.due_on, this.cal),
      allowedActions: allowedActions(record), steps: record.steps,
    };
  }

  listCases(filter: { open?: boolean; from?: string; to?: string }): CaseView[] {
    return this.store.listCases(filter).map((c) => this.caseView(c.id));
  }

  act(principal: Principal, id: string, req: CaseActionRequest): CaseView {
    return this.app.tx(() => {
      const c = this.store.caseById(id);
      if (!c) throw new ApiError(404, 'case_not_found', '没有找到这条差评记录');
      const record = this.store.caseRecord(c);
      let next;
      try {
        next = applyAction(record, req.action, principal.name, this.app.now().toISOString(), req.note);
      } catch (err) {
        if (err instanceof CaseTransitionError) throw new ApiError(409, 'case_transition', err.message);
        throw err;
      }
      const today = this.today();
      this.store.saveCaseStep(c, next, today);
      const rating = this.store.ratingById(c.rating_id);
      if (rating && next.state === '申诉撤销') this.store.withdraw(rating);
      if (rating && next.state === '已反馈办结') this.store.countCase(rating, { closedOnTime: today <= c.due_on });
      this.app.audit(principal, 'ratings.case.' + req.action, { caseId: id, from: record.state, to: next.state });
      this.app.events.publish('rating.case', { caseId: id, state: next.state }, { roles: ['admin'] });
      this.app.events.publish('rating.case.recorded', caseRecord(this.store.caseById(id)!, principal.name, this.app.now().toISOString()), { roles: [] });
      return this.caseView(id);
    });
  }

  /** Clears phone, ID number and name of ratings older than the retention period, unless their case is open. */
  purgeExpiredPersonalData(): number {
    const days = this.app.pack().evaluation.retentionDays;
    const now = this.app.now();
    const before = new Date(now.getTime() - days * 86_400_000).toISOString();
    return this.app.tx(() => this.store.purgePersonal(before, now.toISOString()));
  }
}
