// The hall's event stream: the data of every event type, and the WebSocket messages in both directions.
// Every type a module publishes is in EventSchemas (the hall-server's publish is typed by it); the socket carries them
// as `HallEventMessage` with `data: unknown`, and a page that cares parses `data` with `eventData`.
import { AppointmentRecordedEvent } from '../citizen/appointments.ts';
import { z } from 'zod';
import { EVERY_STAFF, FOLLOWS_UP_CASES, OWNER_ONLY, RUNS_THE_HALL, type StaffRole } from './access.ts';
import { PrincipalSchema, Timestamp, WindowNumber } from './common.ts';
import { CaseRecordedEvent, RatingRecordedEvent } from '../region/records.ts';
import { DeviceAlertEvent, TerminalHeartbeat, TerminalView } from './terminals.ts';
import { CallView, QueueSnapshot, ServiceView, TicketView, TidalAlertView, WindowView } from './queue.ts';
import { HelpEvent } from './identity.ts';
import { CaseEscalation, CaseEscalationCleared } from './escalations.ts';
import { PublishedImprovement } from './improvement.ts';
import { InspectionReport } from './inspection.ts';
import { CitizenLinkRecord } from '../citizen/link-record.ts';
import { NeighboursSnapshot } from './neighbours.ts';
import { CitizenReasonsRecord, PhoneRatingSettledRecord } from '../citizen/phone-rating-link.ts';
import { RatingCaseEvent, RatingStoredEvent, RatingUnratedEvent } from './ratings.ts';

export const TicketIssuedEvent = z.strictObject({ ticket: TicketView });
export const TicketCalledEvent = CallView.extend({ recall: z.boolean() });
export type TicketCalledEvent = z.infer<typeof TicketCalledEvent>;
/** Delivered only to its window's pad/counter and to admins: it opens the rating prompt. */
export const TicketFinishedEvent = z.strictObject({
  ticketId: z.string(),
  number: z.string(),
  serviceCode: z.string(),
  serviceName: z.string(),
  window: WindowNumber,
  staffId: z.string().nullable(),
  caseNumber: z.string().nullable(),
  finishedAt: Timestamp,
  /** The ticket was issued in 长辈模式: the pad opens its rating in 长辈模式 (false for events logged before the flag). */
  senior: z.boolean().default(false),
});
export type TicketFinishedEvent = z.infer<typeof TicketFinishedEvent>;
/** Any other change of one ticket (start, no-show, transfer, hold, return, undo, print result). */
export const TicketUpdatedEvent = z.strictObject({ ticket: TicketView, action: z.string() });
/** Delivered to the pad and counter of that window, to boards and to admins. */
export const WindowChangedEvent = z.strictObject({ window: WindowView });
/** Waiting counts per service; to kiosks, boards, counters and admins. */
export const QueueChangedEvent = z.strictObject({ services: z.array(ServiceView) });
export const TidalAlertEvent = TidalAlertView;
export const TidalClearedEvent = z.strictObject({ group: z.string(), reason: z.enum(['drained', 'tidal_window_opened']) });
export const PackActivatedEvent = z.strictObject({ id: z.string(), version: z.number().int() });
export const TerminalSeenEvent = z.strictObject({ terminal: TerminalView });
export const QueueResetEvent = z.strictObject({ businessDay: z.string() });

/** Event type → data schema, for every type the core and the modules publish. */
export const EventSchemas = {
  'ticket.issued': TicketIssuedEvent,
  'ticket.called': TicketCalledEvent,
  'ticket.finished': TicketFinishedEvent,
  'ticket.updated': TicketUpdatedEvent,
  'window.changed': WindowChangedEvent,
  'queue.changed': QueueChangedEvent,
  'queue.reset': QueueResetEvent,
  'tidal.alert': TidalAlertEvent,
  'tidal.cleared': TidalClearedEvent,
  'pack.activated': PackActivatedEvent,
  'terminal.seen': TerminalSeenEvent,
  'rating.stored': RatingStoredEvent,
  'rating.unrated': RatingUnratedEvent,
  'rating.case': RatingCaseEvent,
  // Records for the region, in the durable log only (published with `roles: []`: no socket receives them).
  'rating.recorded': RatingRecordedEvent,
  'rating.case.recorded': CaseRecordedEvent,
  'appointment.recorded': AppointmentRecordedEvent,
  'help.requested': HelpEvent,
  'help.resolved': HelpEvent,
  'device.alert': DeviceAlertEvent,
  'case.escalated': CaseEscalation,
  'case.escalation.cleared': CaseEscalationCleared,
  'improvement.published': PublishedImprovement,
  'citizen.link': CitizenLinkRecord,
  /** The neighbouring sites' counts for the kiosk home (to kiosks only; replaces the snapshot's `neighbours` part). */
  'neighbours.changed': NeighboursSnapshot,
  'citizen.rating.settled': PhoneRatingSettledRecord,
  'citizen.reasons': CitizenReasonsRecord,
  /** The month's 示范点 self-inspection as the hall computes it, for the region's per-site view (durable log only). */
  'inspection.reported': InspectionReport,
} as const;
export type KnownEventType = keyof typeof EventSchemas;
export type EventData<T extends KnownEventType> = z.infer<(typeof EventSchemas)[T]>;

/** Event type → the console roles whose sessions receive it (as an endpoint's `staff`: what the role's pages read).
 * A type not listed reaches the 大厅负责人 only. */
export const EVENT_STAFF: Record<KnownEventType, readonly StaffRole[]> = {
  'ticket.issued': RUNS_THE_HALL,
  'ticket.called': RUNS_THE_HALL,
  'ticket.finished': RUNS_THE_HALL,
  'ticket.updated': RUNS_THE_HALL,
  'window.changed': RUNS_THE_HALL,
  'queue.changed': RUNS_THE_HALL,
  'queue.reset': RUNS_THE_HALL,
  'tidal.alert': RUNS_THE_HALL,
  'tidal.cleared': RUNS_THE_HALL,
  'pack.activated': EVERY_STAFF,
  'terminal.seen': RUNS_THE_HALL,
  'rating.stored': FOLLOWS_UP_CASES,
  'rating.unrated': FOLLOWS_UP_CASES,
  'rating.case': FOLLOWS_UP_CASES,
  'rating.recorded': OWNER_ONLY,
  'rating.case.recorded': OWNER_ONLY,
  'help.requested': RUNS_THE_HALL,
  'help.resolved': RUNS_THE_HALL,
  'device.alert': RUNS_THE_HALL,
  'case.escalated': OWNER_ONLY,
  'case.escalation.cleared': OWNER_ONLY,
  'improvement.published': EVERY_STAFF,
  'citizen.link': OWNER_ONLY,
  'citizen.rating.settled': OWNER_ONLY,
  'citizen.reasons': OWNER_ONLY,
  'appointment.recorded': OWNER_ONLY,
  'neighbours.changed': OWNER_ONLY,
  'inspection.reported': OWNER_ONLY,
};

/** Whether a console session of this role receives events of this type. */
export function staffReceives(type: string, role: StaffRole): boolean {
  if (role === 'owner') return true;
  const staff: readonly StaffRole[] = type in EVENT_STAFF ? EVENT_STAFF[type as KnownEventType] : OWNER_ONLY;
  return staff.includes(role);
}

export const HallEventMessage = z.strictObject({
  seq: z.number().int().positive(),
  type: z.string(),
  at: Timestamp,
  data: z.unknown(),
  window: WindowNumber.optional(),
});
export type HallEventMessage = z.infer<typeof HallEventMessage>;

/** Parses an event's data when it is of a known type; null for another type or malformed data. */
export function eventData<T extends KnownEventType>(event: HallEventMessage, type: T): EventData<T> | null {
  if (event.type !== type) return null;
  const parsed = EventSchemas[type].safeParse(event.data);
  return parsed.success ? (parsed.data as EventData<T>) : null;
}

// ---- socket: GET /api/events (WebSocket). The first client message must be `hello`.

export const ClientHello = z.strictObject({
  type: z.literal('hello'),
  token: z.string().min(1).max(200),
  /** The last sequence number the client has applied; the server resumes after it, or sends a fresh snapshot. */
  lastSeq: z.number().int().nonnegative().optional(),
});
export const ClientPong = z.strictObject({ type: z.literal('pong'), at: Timestamp });
export const ClientHeartbeat = z.strictObject({ type: z.literal('heartbeat'), heartbeat: TerminalHeartbeat });
export const ClientMessage = z.discriminatedUnion('type', [ClientHello, ClientPong, ClientHeartbeat]);
export type ClientMessage = z.infer<typeof ClientMessage>;

/** Module name → that module's snapshot part (`queue` is QueueSnapshot). */
export const Snapshot = z.strictObject({
  seq: z.number().int().nonnegative(),
  serverTime: Timestamp,
  principal: PrincipalSchema,
  /** From the active pack; a default name before any pack is active. */
  hallName: z.string(),
  /** The hall's offset from UTC in minutes (hall config): pages show every date and time in hall time with it. */
  utcOffsetMinutes: z.number().int().min(-720).max(840),
  pack: z.strictObject({ id: z.string(), version: z.number().int() }).nullable(),
  modules: z.record(z.string(), z.unknown()),
});
export type Snapshot = z.infer<typeof Snapshot>;

export const ServerSnapshot = z.strictObject({ type: z.literal('snapshot'), snapshot: Snapshot });
/** The server will send every event after `lastSeq` next, then live ones. */
export const ServerResumed = z.strictObject({ type: z.literal('resumed'), fromSeq: z.number().int().nonnegative() });
export const ServerEvent = z.strictObject({ type: z.literal('event'), event: HallEventMessage });
export const ServerPing = z.strictObject({ type: z.literal('ping'), at: Timestamp });
export const ServerError = z.strictObject({ type: z.literal('error'), code: z.string(), message: z.string() });
export const ServerMessage = z.discriminatedUnion('type', [ServerSnapshot, ServerResumed, ServerEvent, ServerPing, ServerError]);
export type ServerMessage = z.infer<typeof ServerMessage>;

const parsedQueues = new WeakMap<Snapshot, z.infer<typeof QueueSnapshot> | null>();

export function queueSnapshotOf(snapshot: Snapshot): z.infer<typeof QueueSnapshot> | null {
  // Snapshots are never changed in place (an event makes a new one), so each is validated once; pages read the queue
  // on every render.
  const known = parsedQueues.get(snapshot);
  if (known !== undefined) return known;
  const parsed = QueueSnapshot.safeParse(snapshot.modules['queue']);
  const queue = parsed.success ? parsed.data : null;
  parsedQueues.set(snapshot, queue);
  return queue;
}

/** Heartbeat interval of the server's pings and the page's terminal heartbeats. */
export const PING_INTERVAL_MS = 10_000;
/** A link without any message for this long is dead. */
export const DEAD_LINK_MS = 25_000;
