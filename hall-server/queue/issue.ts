// Issuing a ticket (pure). Idempotency-key lookups happen in the shell (they span days); this handles the rest.
import type { PriorityClass } from '../../protocol/hall/index.ts';
import { ApiError } from '../core/module.ts';
import { localDate } from '../../protocol/rules/hall-time.ts';
import { ageOn } from '../../protocol/person/age.ts';
import { ticketNumber } from './rules.ts';
import { byIssueOrder } from './policy.ts';
import { closedReason, ticketView } from './views.ts';
import type { Outcome, QueueRules, QueueState, ServiceRule, Ticket } from './types.ts';

export interface IssueInput {
  id: string;
  idempotencyKey: string;
  serviceCode: string;
  personHash: string | null;
  maskedName: string | null;
  /** Taken from the ID number (see verifiedIdentityFacts), never from the request. */
  birthDate: string | null;
  /** The citizen's or staff's explicit choice ('normal' = declined the 绿色通道); null = decide from age. */
  priority: PriorityClass | null;
  /** Taken in 长辈模式. */
  senior: boolean;
  /** 预约: the booked slot's start (epoch ms) when an on-time check-in issues the ticket; null otherwise. */
  appointmentAt?: number | null;
}

/**
 * The ticket's priority class. An explicit choice wins; without one, the age decides. Priority classes are the item's
 * 绿色通道: an item without one issues only normal tickets (automatic) and refuses an explicit priority class.
 */
export function priorityFor(
  input: Pick<IssueInput, 'priority' | 'birthDate'>,
  rule: Pick<ServiceRule, 'elderlyAge' | 'greenChannel'>,
  today: string,
): PriorityClass {
  if (input.priority !== null && input.priority !== 'normal' && !rule.greenChannel) {
    throw new ApiError(409, 'no_green_channel', '该事项未开通绿色通道，请按普通号取号');
  }
  if (input.priority !== null) return input.priority;
  if (!rule.greenChannel || rule.elderlyAge === null || !input.birthDate) return 'normal';
  return ageOn(input.birthDate, today) >= rule.elderlyAge ? 'elderly' : 'normal';
}

/** The person's waiting ticket for the same item today, if any. */
export function samePersonTicket(state: QueueState, personHash: string | null, serviceCode: string): Ticket | null {
  if (!personHash) return null;
  for (const t of state.waitingByService.get(serviceCode)?.values() ?? []) if (t.personHash === personHash) return t;
  for (const t of state.waitingTargeted.values()) if (t.personHash === personHash && t.serviceCode === serviceCode) return t;
  return null;
}

export function issueTicket(state: QueueState, rules: QueueRules, input: IssueInput, nowMs: number): Outcome {
  const rule = rules.services.get(input.serviceCode);
  if (!rule) throw new ApiError(404, 'unknown_service', '没有这个事项，请重新选择');
  if (rule.identity === 'required' && input.personHash === null) {
    throw new ApiError(400, 'identity_required', '办理该事项需要先识别身份，请刷身份证、社保卡或出示医保码');
  }
  const existing = samePersonTicket(state, input.personHash, input.serviceCode);
  if (existing) return { tickets: [], windows: [], counters: [], events: [], ticket: existing, window: null };
  const closed = closedReason(state, rules, rule.code, nowMs);
  if (closed) throw new ApiError(409, 'service_closed', closed);
  const priority = priorityFor(input, rule, localDate(nowMs, rules.utcOffsetMinutes));
  const counter = state.counters.get(rule.code) ?? { last: null, issued: 0 };
  const n = counter.last === null || counter.last >= rule.to ? rule.from : counter.last + 1;
  const ticket: Ticket = {
    id: input.id,
    day: state.day,
    number: ticketNumber(rule, n),
    serviceCode: rule.code,
    status: 'waiting',
    priority,
    senior: input.senior,
    appointmentAt: input.appointmentAt ?? null,
    personHash: input.personHash,
    maskedName: input.maskedName,
    issuedAt: nowMs,
    queuedAt: nowMs,
    calledAt: null,
    lastCalledAt: null,
    startedAt: null,
    finishedAt: null,
    window: null,
    targetWindow: null,
    callCount: 0,
    print: 'pending',
    staffId: null,
    caseNumber: null,
    idempotencyKey: input.idempotencyKey,
    version: 1,
  };
  const nextCounter = { last: n, issued: counter.issued + 1 };
  return {
    tickets: [ticket],
    windows: [],
    counters: [[rule.code, nextCounter]],
    events: [{ type: 'ticket.issued', data: { ticket: ticketView(ticket, rules) }, roles: ['admin', 'counter'] }],
    ticket,
    window: null,
  };
}

/** Tickets of this service waiting before the given one (what the ticket prints as "前面还有 N 人"). */
export function waitingAhead(state: QueueState, ticket: Ticket, justIssued: boolean): number {
  if (ticket.status !== 'waiting') return 0;
  const bucket = state.waitingByService.get(ticket.serviceCode);
  // A ticket issued just now has everyone else waiting for its item ahead of it.
  if (justIssued) return (bucket?.size ?? 1) - 1;
  let n = 0;
  for (const t of bucket?.values() ?? []) if (byIssueOrder(t, ticket) < 0) n++;
  return n;
}
