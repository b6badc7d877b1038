// Queue requests, responses and views: ticket issue (kiosk), print result, window actions (pad, counter, HID caller,
// case-handling system) and the queue part of the snapshot.
import { z } from 'zod';
import { IdempotencyKey, IdNumber, OkBody, Timestamp, WindowNumber } from './common.ts';
import { endpoint } from './endpoint.ts';
import { RUNS_THE_HALL } from './access.ts';
import { PersonName } from './text.ts';

/** 绿色通道 classes. `elderly` is derived from the birth date; the others are set by a guide or staff. */
export const PriorityClass = z.enum(['normal', 'elderly', 'disability', 'pregnancy', 'veteran']);
export type PriorityClass = z.infer<typeof PriorityClass>;

export const TicketStatus = z.enum(['waiting', 'called', 'serving', 'held', 'finished', 'no_show', 'cancelled']);
export type TicketStatus = z.infer<typeof TicketStatus>;

export const PrintState = z.enum(['pending', 'printed', 'failed', 'screen']);
export type PrintState = z.infer<typeof PrintState>;

/** Identity as read from an ID card, a social-security card or a 医保电子凭证. The ID number is only hashed by the server,
 * which takes the birth date and sex from the number itself: the fields here are checked against it, never trusted. */
export const Identity = z.strictObject({
  idNumber: IdNumber,
  name: PersonName,
  /** As printed on the card (the kiosk offers the 绿色通道 from it); must agree with the number. */
  birthDate: z.iso.date(),
  sex: z.enum(['male', 'female']).optional(),
  source: z.enum(['id_card', 'ss_card', 'ecard', 'manual']),
});
export type Identity = z.infer<typeof Identity>;

export const IssueTicketRequest = z.strictObject({
  idempotencyKey: IdempotencyKey,
  serviceCode: z.string().min(1).max(40),
  identity: Identity.optional(),
  /** Set by a guide or staff (counter/admin); a kiosk may only leave it out or send `normal`. */
  priority: PriorityClass.optional(),
  /** The kiosk was in 长辈模式 when the citizen took the ticket: the window's pad rates it in 长辈模式 too. */
  senior: z.boolean().optional(),
});
export type IssueTicketRequest = z.infer<typeof IssueTicketRequest>;

/** What any screen may show about a ticket: never an ID number; the name only masked (张*三). */
export const TicketView = z.strictObject({
  id: z.string(),
  number: z.string(),
  serviceCode: z.string(),
  serviceName: z.string(),
  status: TicketStatus,
  priority: PriorityClass,
  /** Issued in 长辈模式. Defaults for events logged before the flag existed. */
  senior: z.boolean().default(false),
  /** 预约: the booked slot's start for a ticket an on-time check-in issued (the board and counter mark it 预约). */
  appointmentAt: Timestamp.nullable().optional(),
  maskedName: z.string().nullable(),
  issuedAt: Timestamp,
  calledAt: Timestamp.nullable(),
  startedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
  window: WindowNumber.nullable(),
  /** Transfer to a specific window: only that window calls it. */
  targetWindow: WindowNumber.nullable(),
  callCount: z.number().int().nonnegative(),
  print: PrintState,
  staffId: z.string().nullable(),
  caseNumber: z.string().nullable(),
});
export type TicketView = z.infer<typeof TicketView>;

export const IssueTicketResponse = z.strictObject({
  ticket: TicketView,
  /** Why an existing ticket came back instead of a new one. */
  reused: z.enum(['idempotent', 'same_person']).nullable(),
  waitingAhead: z.number().int().nonnegative(),
  hallName: z.string(),
  /** Minutes until the call, from the item's measured service times and open windows (protocol/rules/wait-estimate.ts). */
  estimateMinutes: z.number().int().nonnegative(),
  /** The citizen's progress page (`<base>/t/<token>`), printed in the ticket's QR; absent when the hall has no base URL. */
  progressUrl: z.string().max(200).optional(),
});
export type IssueTicketResponse = z.infer<typeof IssueTicketResponse>;

/** The kiosk reports whether the ticket came out of the printer (or was shown on screen instead). */
export const PrintResultRequest = z.strictObject({
  outcome: z.enum(['printed', 'failed', 'screen']),
  reason: z.string().max(200).optional(),
});
export type PrintResultRequest = z.infer<typeof PrintResultRequest>;

// ---- window actions: POST /api/windows/:window/<action>

export const SignInRequest = z.strictObject({ staffId: z.string().regex(/^[A-Za-z0-9-]{1,20}$/, '工号格式不正确') });
export type SignInRequest = z.infer<typeof SignInRequest>;
export const CallNextRequest = z.strictObject({ idempotencyKey: IdempotencyKey.optional() });
export const TicketRef = z.strictObject({ ticketId: z.string().min(1).max(64) });
export type TicketRef = z.infer<typeof TicketRef>;
export const TransferRequest = z
  .strictObject({
    toService: z.string().min(1).max(40).optional(),
    toWindow: WindowNumber.optional(),
  })
  .refine((v) => v.toService !== undefined || v.toWindow !== undefined, '请选择转往的事项或窗口');
export type TransferRequest = z.infer<typeof TransferRequest>;
export const FinishRequest = z.strictObject({
  /** 办件编号 of the hall's case-handling system; binds the rating to the case. */
  caseNumber: z.string().regex(/^[A-Za-z0-9-]{1,40}$/, '办件编号格式不正确').optional(),
  idempotencyKey: IdempotencyKey.optional(),
});
export type FinishRequest = z.infer<typeof FinishRequest>;
export const EmptyRequest = z.strictObject({});

export const WindowActionName = z.enum([
  'sign-in', 'sign-out', 'call-next', 'call', 'recall', 'start', 'no-show', 'rejoin', 'transfer', 'hold', 'return', 'pause', 'resume', 'finish', 'undo',
]);
export type WindowActionName = z.infer<typeof WindowActionName>;

export const WindowView = z.strictObject({
  number: WindowNumber,
  name: z.string(),
  services: z.array(z.string()),
  group: z.string(),
  tidal: z.boolean(),
  paused: z.boolean(),
  staffId: z.string().nullable(),
  staffName: z.string().nullable(),
  current: TicketView.nullable(),
  held: z.array(TicketView),
  /** Seconds until recall is allowed again; 0 when it is. */
  recallCooldownUntil: Timestamp.nullable(),
  /** The last action that can still be undone, and until when. */
  undoable: z.strictObject({ action: z.string(), until: Timestamp }).nullable(),
});
export type WindowView = z.infer<typeof WindowView>;

export const WindowActionResponse = z.strictObject({
  window: WindowView,
  /** The ticket the action was about (the called one for call-next; null when the queue was empty). */
  ticket: TicketView.nullable(),
});
export type WindowActionResponse = z.infer<typeof WindowActionResponse>;

export const ServiceView = z.strictObject({
  code: z.string(),
  name: z.string(),
  prefix: z.string(),
  waiting: z.number().int().nonnegative(),
  issuedToday: z.number().int().nonnegative(),
  dailyCap: z.number().int().positive().nullable(),
  /** Whether a ticket can be taken now (issuing hours, cap). */
  open: z.boolean(),
  closedReason: z.string().nullable(),
});
export type ServiceView = z.infer<typeof ServiceView>;

export const TidalAlertView = z.strictObject({
  group: z.string(),
  waiting: z.number().int().nonnegative(),
  threshold: z.number().int().positive(),
  since: Timestamp,
});
export type TidalAlertView = z.infer<typeof TidalAlertView>;

export const CallView = z.strictObject({
  ticketId: z.string(),
  number: z.string(),
  window: WindowNumber,
  windowName: z.string(),
  serviceCode: z.string(),
  serviceName: z.string(),
  callCount: z.number().int().positive(),
  at: Timestamp,
  /** The ticket is a 预约 ticket (the board marks it). */
  appointment: z.boolean().optional(),
});
export type CallView = z.infer<typeof CallView>;

/** The `queue` part of a snapshot. `waiting` lists tickets for counters and admins only (empty for others). */
export const QueueSnapshot = z.strictObject({
  businessDay: z.string(),
  services: z.array(ServiceView),
  windows: z.array(WindowView),
  waiting: z.array(TicketView),
  recentCalls: z.array(CallView),
  tidalAlerts: z.array(TidalAlertView),
  /** Today's 过号 tickets per window, most recent first, at most MISSED_SHOWN each (counters and the console): the
   * counter panel offers 过号重排 from it, also after a reload. */
  missed: z.array(TicketView).optional(),
});
export type QueueSnapshot = z.infer<typeof QueueSnapshot>;

/** How many 过号 tickets of a window the counter panel keeps offering for 过号重排. */
export const MISSED_SHOWN = 5;

export const TicketTimings = z.strictObject({
  waitSeconds: z.number().nullable(),
  walkSeconds: z.number().nullable(),
  serviceSeconds: z.number().nullable(),
});
export type TicketTimings = z.infer<typeof TicketTimings>;

const WINDOW_ROLES = ['admin', 'counter', 'pad'] as const;

/** One window action: `POST /api/windows/:window/<name>`, answered with the window after the action. */
function windowAction<const A extends WindowActionName, const B extends z.ZodType>(name: A, body: B, summary: string) {
  return endpoint({
    method: 'POST', path: `/api/windows/:window/${name}`, roles: WINDOW_ROLES, staff: RUNS_THE_HALL, body, response: WindowActionResponse, summary,
  });
}

/** Staff at a window (counter panel, the pad's caller keys, the console): one endpoint per action. */
export const WindowActionEndpoints = {
  'sign-in': windowAction('sign-in', SignInRequest, 'Staff signs in at the window with their 工号 (ratings bind to them)'),
  'sign-out': windowAction('sign-out', EmptyRequest, 'Staff signs out'),
  'call-next': windowAction('call-next', CallNextRequest, 'Call the next ticket by the hall policy (ticket null when nobody waits)'),
  call: windowAction('call', TicketRef, 'Call a specific waiting ticket (exactly one window wins)'),
  recall: windowAction('recall', EmptyRequest, 'Call the current ticket again (cool-down, at most N calls)'),
  start: windowAction('start', EmptyRequest, 'The citizen arrived at the window'),
  'no-show': windowAction('no-show', EmptyRequest, 'Mark the current ticket as 过号 after N calls'),
  rejoin: windowAction('rejoin', TicketRef, '过号重排: a 过号 ticket whose citizen came back rejoins behind N tickets waiting for its item (queue.rejoinAfter)'),
  transfer: windowAction('transfer', TransferRequest, 'Transfer the current ticket to another item or window, keeping its issue time'),
  hold: windowAction('hold', EmptyRequest, 'Put the current ticket on hold'),
  return: windowAction('return', TicketRef, 'Resume a held ticket'),
  pause: windowAction('pause', EmptyRequest, 'Pause the window'),
  resume: windowAction('resume', EmptyRequest, 'Resume the window (opening a tidal window clears its alert)'),
  finish: windowAction('finish', FinishRequest, 'Finish the case, optionally with its 办件编号; opens the rating on this window’s pad (event ticket.finished)'),
  undo: windowAction('undo', EmptyRequest, 'Undo the last call/no-show/transfer/hold/return/finish within 30 s'),
} satisfies Record<WindowActionName, unknown>;

/** What a window action takes, by name. */
export type WindowActionBody<A extends WindowActionName> = z.input<(typeof WindowActionEndpoints)[A]['body']>;

export const QueueEndpoints = {
  issue: endpoint({
    method: 'POST', path: '/api/tickets', roles: ['kiosk', 'counter', 'admin'], staff: RUNS_THE_HALL, body: IssueTicketRequest, response: IssueTicketResponse,
    summary: 'Issue a ticket (idempotent by idempotencyKey; the same person gets their waiting ticket back)',
  }),
  printResult: endpoint({
    method: 'POST', path: '/api/tickets/:id/print-result', roles: ['kiosk'], body: PrintResultRequest, response: OkBody,
    summary: 'Report whether the ticket was printed (or shown on screen instead)',
  }),
  timings: endpoint({
    method: 'GET', path: '/api/tickets/:id/timings', roles: ['admin', 'counter'], staff: RUNS_THE_HALL, response: TicketTimings,
    summary: 'Wait, walk-to-window and service time of a ticket, in seconds',
  }),
  queue: endpoint({
    method: 'GET', path: '/api/queue', roles: ['admin', 'kiosk', 'pad', 'counter', 'board'], staff: RUNS_THE_HALL, response: QueueSnapshot,
    summary: 'The queue now (the same as the socket snapshot)',
  }),
};
