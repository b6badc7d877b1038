// SQL of the ratings module: prompts from finished tickets, ratings stored once by id, 未评价 on timeout,
// the per-day aggregate, 差评 cases and their steps, and the purge of personal fields.
import type { Database, Statement } from 'better-sqlite3';
import { type CaseRecord, type CaseState, type CaseStep, isOpen } from '../../protocol/hall/cases.ts';

export interface PromptRow {
  ticket_id: string;
  window: number;
  ticket_number: string;
  service_code: string;
  service_name: string;
  staff_id: string | null;
  case_number: string;
  finished_at: string;
  day: string;
  expires_at: string;
  outcome: 'pending' | 'rated' | 'unrated';
  outcome_at: string | null;
  /** Set while the finish is undone (see `withdrawPrompt`). */
  withdrawn_at: string | null;
  /** 1: issued in 长辈模式. */
  senior: number;
}

export interface RatingRow {
  id: string;
  ticket_id: string;
  window: number;
  staff_id: string | null;
  staff_name: string | null;
  service_code: string;
  service_name: string;
  ticket_number: string;
  case_number: string;
  score: number;
  bad: number;
  reasons: string;
  /** With personal numbers masked (see core/pii.ts). */
  comment: string;
  /** The comment as typed, sealed, when it had personal numbers in it; purged with the phone. */
  comment_sealed: string | null;
  phone_sealed: string | null;
  id_type: string | null;
  id_sealed: string | null;
  name_sealed: string | null;
  source: string;
  pad_id: string;
  received_at: string | null;
  finished_at: string;
  /** The server's time of receipt. */
  rated_at: string;
  /** The pad's time of the press (from its outbox), within [finished_at, rated_at]. */
  pad_rated_at: string | null;
  /** Keyed hash of the submitted rating (see core/idempotency.ts). */
  request_fingerprint: string | null;
  stored_at: string;
  day: string;
  counted: number;
  personal_purged_at: string | null;
}

export interface CaseRow {
  id: string;
  rating_id: string;
  state: CaseState;
  opened_on: string;
  due_on: string;
  closed_on: string | null;
  day: string;
}

interface StepRow {
  case_id: string;
  seq: number;
  action: CaseStep['action'];
  from_state: CaseState;
  to_state: CaseState;
  by_whom: string;
  at: string;
  note: string;
}

type NewPrompt = Omit<PromptRow, 'outcome' | 'outcome_at' | 'withdrawn_at'>;

const DAILY_COLUMNS = ['finished', 'rated', 'unrated', 'bad', 'score_sum', 'cases', 'closed', 'closed_on_time'] as const;
type DailyColumn = (typeof DAILY_COLUMNS)[number];

export class RatingStore {
  private readonly s: Record<string, Statement>;

  constructor(private readonly db: Database) {
    this.s = {
      insertPrompt: db.prepare(`INSERT OR IGNORE INTO rating_prompts
        (ticket_id, window, ticket_number, service_code, service_name, staff_id, case_number, finished_at, day, expires_at, senior)
        VALUES (@ticket_id, @window, @ticket_number, @service_code, @service_name, @staff_id, @case_number, @finished_at, @day, @expires_at,
          @senior)`),
      prompt: db.prepare('SELECT * FROM rating_prompts WHERE ticket_id = ?'),
      pendingForWindow: db.prepare(`SELECT * FROM rating_prompts WHERE window = ? AND outcome = 'pending' AND expires_at > ?
        AND withdrawn_at IS NULL ORDER BY finished_at DESC LIMIT 1`),
      expired: db.prepare(`SELECT * FROM rating_prompts WHERE outcome = 'pending' AND expires_at <= ? AND withdrawn_at IS NULL
        ORDER BY expires_at LIMIT 500`),
      withdraw: db.prepare(`UPDATE rating_prompts SET outcome = 'pending', outcome_at = NULL, withdrawn_at = ? WHERE ticket_id = ?`),
      revive: db.prepare(`UPDATE rating_prompts SET window = @window, ticket_number = @ticket_number, service_code = @service_code,
        service_name = @service_name, staff_id = @staff_id, case_number = @case_number, finished_at = @finished_at, day = @day,
        expires_at = @expires_at, senior = @senior, outcome = 'pending', outcome_at = NULL, withdrawn_at = NULL WHERE ticket_id = @ticket_id`),
      unwithdraw: db.prepare('UPDATE rating_prompts SET withdrawn_at = NULL WHERE ticket_id = ?'),
      setOutcome: db.prepare('UPDATE rating_prompts SET outcome = ?, outcome_at = ? WHERE ticket_id = ?'),
      ratingById: db.prepare('SELECT * FROM ratings WHERE id = ?'),
      ratingByTicket: db.prepare('SELECT * FROM ratings WHERE ticket_id = ?'),
      insertRating: db.prepare(`INSERT INTO ratings (id, ticket_id, window, staff_id, staff_name, service_code, service_name,
        ticket_number, case_number, score, bad, reasons, comment, comment_sealed, phone_sealed, id_type, id_sealed, name_sealed, source, pad_id,
        received_at, finished_at, rated_at, pad_rated_at, request_fingerprint, stored_at, day, counted, personal_purged_at)
        VALUES (@id, @ticket_id, @window, @staff_id, @staff_name, @service_code, @service_name, @ticket_number, @case_number,
        @score, @bad, @reasons, @comment, @comment_sealed, @phone_sealed, @id_type, @id_sealed, @name_sealed, @source, @pad_id, @received_at,
        @finished_at, @rated_at, @pad_rated_at, @request_fingerprint, @stored_at, @day, @counted, @personal_purged_at)`),
      bump: db.prepare(`INSERT INTO rating_daily (day, window, staff_id, service_code, finished, rated, unrated, bad, score_sum,
          cases, closed, closed_on_time)
        VALUES (@day, @window, @staff_id, @service_code, @finished, @rated, @unrated, @bad, @score_sum, @cases, @closed, @closed_on_time)
        ON CONFLICT (day, window, staff_id, service_code) DO UPDATE SET
          finished = finished + excluded.finished, rated = rated + excluded.rated, unrated = unrated + excluded.unrated,
          bad = bad + excluded.bad, score_sum = score_sum + excluded.score_sum, cases = cases + excluded.cases,
          closed = closed + excluded.closed, closed_on_time = closed_on_time + excluded.closed_on_time`),
      insertCase: db.prepare(`INSERT INTO rating_cases (id, rating_id, state, opened_on, due_on, closed_on, day)
        VALUES (@id, @rating_id, @state, @opened_on, @due_on, @closed_on, @day)`),
      caseById: db.prepare('SELECT * FROM rating_cases WHERE id = ?'),
      caseByRating: db.prepare('SELECT * FROM rating_cases WHERE rating_id = ?'),
      updateCase: db.prepare('UPDATE rating_cases SET state = ?, closed_on = ? WHERE id = ?'),
      steps: db.prepare('SELECT * FROM rating_case_steps WHERE case_id = ? ORDER BY seq'),
      insertStep: db.prepare(`INSERT INTO rating_case_steps (case_id, seq, action, from_state, to_state, by_whom, at, note)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      setCounted: db.prepare('UPDATE ratings SET counted = ? WHERE id = ?'),
      getState: db.prepare('SELECT value FROM rating_state WHERE key = ?'),
      setState: db.prepare(`INSERT INTO rating_state (key, value) VALUES (?, ?)
        ON CONFLICT (key) DO UPDATE SET value = excluded.value`),
      purgeable: db.prepare(`SELECT r.id FROM ratings r WHERE r.personal_purged_at IS NULL
        AND (r.phone_sealed IS NOT NULL OR r.id_sealed IS NOT NULL OR r.name_sealed IS NOT NULL OR r.comment_sealed IS NOT NULL)
        AND r.stored_at < ?
        AND NOT EXISTS (SELECT 1 FROM rating_cases c WHERE c.rating_id = r.id AND c.state NOT IN ('已反馈办结', '申诉撤销'))
        LIMIT 1000`),
      purge: db.prepare(`UPDATE ratings SET phone_sealed = NULL, id_sealed = NULL, name_sealed = NULL, comment_sealed = NULL,
        personal_purged_at = ?
        WHERE id = ?`),
    };
  }

  /** Records a finished ticket as due for a rating; false when it was known already. */
  addPrompt(p: NewPrompt): boolean {
    const added = this.s.insertPrompt!.run(p).changes === 1;
    if (added) this.bump(p.day, p.window, p.staff_id, p.service_code, { finished: 1 });
    return added;
  }

  prompt(ticketId: string): PromptRow | undefined {
    return this.s.prompt!.get(ticketId) as PromptRow | undefined;
  }

  pendingPrompt(window: number, nowIso: string): PromptRow | undefined {
    return this.s.pendingForWindow!.get(window, nowIso) as PromptRow | undefined;
  }

  /** Pending prompts whose time is up: they become 未评价. */
  expiredPrompts(nowIso: string): PromptRow[] {
    return this.s.expired!.all(nowIso) as PromptRow[];
  }

  markUnrated(p: PromptRow, atIso: string): void {
    this.s.setOutcome!.run('unrated', atIso, p.ticket_id);
    this.bump(p.day, p.window, p.staff_id, p.service_code, { unrated: 1 });
  }

  /** The finish was undone: the prompt leaves the pad and the sweep, and the ticket no longer counts as finished. */
  withdrawPrompt(p: PromptRow, atIso: string): void {
    this.s.withdraw!.run(atIso, p.ticket_id);
    this.bump(p.day, p.window, p.staff_id, p.service_code, { finished: -1, unrated: p.outcome === 'unrated' ? -1 : 0 });
  }

  /** The undone ticket was finished again: a fresh prompt in place of the withdrawn one. */
  revivePrompt(p: NewPrompt): void {
    this.s.revive!.run(p);
    this.bump(p.day, p.window, p.staff_id, p.service_code, { finished: 1 });
  }

  /** A rating pressed before the undo arrived afterwards: the service counts as finished again. */
  unwithdrawPrompt(p: PromptRow): void {
    this.s.unwithdraw!.run(p.ticket_id);
    this.bump(p.day, p.window, p.staff_id, p.service_code, { finished: 1 });
  }

  ratingById(id: string): RatingRow | undefined {
    return this.s.ratingById!.get(id) as RatingRow | undefined;
  }

  /** The service's rating (one per ticket, whichever channel stored it). */
  ratingByTicket(ticketId: string): RatingRow | undefined {
    return this.s.ratingByTicket!.get(ticketId) as RatingRow | undefined;
  }

  /** Inserts the rating, closes its prompt (a late one turns 未评价 back into rated) and updates the aggregate; false
   * (and nothing written) when the rating's id is taken already. */
  insertRating(r: RatingRow, prompt: PromptRow): boolean {
    try {
      this.s.insertRating!.run(r);
    } catch (err) {
      if ((err as { code?: unknown }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return false;
      throw err;
    }
    if (prompt.outcome === 'unrated') this.bump(prompt.day, prompt.window, prompt.staff_id, prompt.service_code, { unrated: -1 });
    this.s.setOutcome!.run('rated', r.stored_at, prompt.ticket_id);
    this.bump(prompt.day, r.window, r.staff_id, r.service_code, { rated: 1, bad: r.bad, score_sum: r.score });
    return true;
  }

  /** Withdraws a rating and its case from the statistics (appeal approved). */
  withdraw(r: RatingRow): void {
    if (r.counted === 0) return;
    this.s.setCounted!.run(0, r.id);
    this.bump(r.day, r.window, r.staff_id, r.service_code, { rated: -1, bad: -r.bad, score_sum: -r.score, cases: -1 });
  }

  /** Counts a new 差评 case, or its closure (on time when closed by the due date), in the aggregate. */
  countCase(r: RatingRow, change: { opened?: boolean; closedOnTime?: boolean }): void {
    this.bump(r.day, r.window, r.staff_id, r.service_code, {
      cases: change.opened ? 1 : 0,
      closed: change.closedOnTime === undefined ? 0 : 1,
      closed_on_time: change.closedOnTime ? 1 : 0,
    });
  }

  private bump(day: string, window: number, staffId: string | null, serviceCode: string, d: Partial<Record<DailyColumn, number>>): void {
    const row: Record<string, string | number> = { day, window, staff_id: staffId ?? '', service_code: serviceCode };
    for (const c of DAILY_COLUMNS) row[c] = d[c] ?? 0;
    this.s.bump!.run(row);
  }

  insertCase(c: CaseRow): void {
    this.s.insertCase!.run(c);
  }

  caseById(id: string): CaseRow | undefined {
    return this.s.caseById!.get(id) as CaseRow | undefined;
  }

  caseByRating(ratingId: string): CaseRow | undefined {
    return this.s.caseByRating!.get(ratingId) as CaseRow | undefined;
  }

  caseRecord(c: CaseRow): CaseRecord {
    const steps = (this.s.steps!.all(c.id) as StepRow[]).map((s) => ({
      action: s.action, from: s.from_state, to: s.to_state, by: s.by_whom, at: s.at, note: s.note,
    }));
    return { state: c.state, openedOn: c.opened_on, dueOn: c.due_on, steps };
  }

  /** Saves the record's new state and its last step. */
  saveCaseStep(c: CaseRow, next: CaseRecord, closedOn: string | null): void {
    const step = next.steps[next.steps.length - 1];
    if (!step) throw new Error('saveCaseStep without a step');
    this.s.insertStep!.run(c.id, next.steps.length, step.action, step.from, step.to, step.by, step.at, step.note);
    this.s.updateCase!.run(next.state, isOpen(next.state) ? null : closedOn, c.id);
  }

  listCases(filter: { open?: boolean; from?: string; to?: string }): CaseRow[] {
    const where: string[] = [];
    const args: string[] = [];
    if (filter.open === true) where.push(`state NOT IN ('已反馈办结', '申诉撤销')`);
    if (filter.from) (where.push('day >= ?'), args.push(filter.from));
    if (filter.to) (where.push('day <= ?'), args.push(filter.to));
    const sql = `SELECT * FROM rating_cases ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY due_on, id LIMIT 2000`;
    return this.db.prepare(sql).all(...args) as CaseRow[];
  }

  state(key: string): string | undefined {
    return (this.s.getState!.get(key) as { value: string } | undefined)?.value;
  }

  setState(key: string, value: string): void {
    this.s.setState!.run(key, value);
  }

  /** Clears personal fields stored before `beforeIso` unless the rating's 差评 case is still open; returns how many. */
  purgePersonal(beforeIso: string, nowIso: string): number {
    let total = 0;
    for (;;) {
      const ids = (this.s.purgeable!.all(beforeIso) as { id: string }[]).map((r) => r.id);
      for (const id of ids) this.s.purge!.run(nowIso, id);
      total += ids.length;
      if (ids.length < 1000) return total;
    }
  }
}
