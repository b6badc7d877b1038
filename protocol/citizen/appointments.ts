// 可预约服务 (DB21/T 4402 §10.1.2): what the region's booking API, the region → hall feed and the kiosk's check-in agree on.
// Browser-safe: zod only (the booking page checks its answers with the narrow checks in booking-checks.ts, not zod).
import { z } from 'zod';
import { IdempotencyKey, IdNumber, Timestamp } from '../hall/common.ts';
import { RUNS_THE_HALL } from '../hall/access.ts';
import { endpoint } from '../hall/endpoint.ts';
import { Identity, IssueTicketResponse } from '../hall/queue.ts';

/** Slots are half hours. */
export const SLOT_MINUTES = 30;
/** Check-in opens this long before the slot … */
export const CHECK_IN_EARLY_MS = 30 * 60_000;
/** … and closes this long after its start; later is 爽约 unless the citizen takes an ordinary ticket. */
export const CHECK_IN_LATE_MS = 15 * 60_000;

export type CheckInTiming = 'early' | 'on_time' | 'late';

/** Where a check-in at `nowMs` falls against the window [slot − 30 min, slot + 15 min]. */
export function checkInTiming(slotAtMs: number, nowMs: number): CheckInTiming {
  if (nowMs < slotAtMs - CHECK_IN_EARLY_MS) return 'early';
  if (nowMs > slotAtMs + CHECK_IN_LATE_MS) return 'late';
  return 'on_time';
}

/** The earliest moment a check-in counts as on time. */
export function checkInOpensAt(slotAtMs: number): number {
  return slotAtMs - CHECK_IN_EARLY_MS;
}

/** An appointment not checked in by then is 爽约. */
export function noShowAfter(slotAtMs: number): number {
  return slotAtMs + CHECK_IN_LATE_MS;
}

/**
 * The text both sides key-hash for a person (HMAC-SHA256 under the site's appointment key, hex): region at booking,
 * hall at check-in from the number an ID card, social-security card or 医保码 gave. The X check digit is upper case.
 */
export function appointmentHashInput(idNumber: string): string {
  return `yibao-appointment:v1:${idNumber.trim().toUpperCase()}`;
}

/** 预约码: eight digits, typed on the kiosk's keypad or scanned from the booking page's answer. */
export const AppointmentCode = z.string().regex(/^\d{8}$/, '预约码为 8 位数字');
export type AppointmentCode = z.infer<typeof AppointmentCode>;

/** A site's bookable item (the site profile at the region). */
export const SlotRule = z.strictObject({
  serviceCode: z.string().min(1).max(40),
  /** Bookings per half hour. */
  capacity: z.number().int().min(1).max(100),
  /** How many days ahead a slot may be booked (today counts as 0). */
  daysAhead: z.number().int().min(0).max(30),
  /** Booking closes this many minutes before the slot. */
  cutoffMinutes: z.number().int().min(0).max(24 * 60),
});
export type SlotRule = z.infer<typeof SlotRule>;

export const SlotRulesBody = z.strictObject({ rules: z.array(SlotRule).max(200) });
export type SlotRulesBody = z.infer<typeof SlotRulesBody>;

export const BookingSites = z.strictObject({
  sites: z.array(z.strictObject({
    id: z.string(),
    name: z.string(),
    address: z.string(),
    items: z.array(z.strictObject({ code: z.string(), name: z.string() })),
  })),
});
export type BookingSites = z.infer<typeof BookingSites>;

export const FreeSlots = z.strictObject({
  slots: z.array(z.strictObject({ start: Timestamp, free: z.number().int().nonnegative() })),
});
export type FreeSlots = z.infer<typeof FreeSlots>;

/** A mainland mobile number for the reminder (sealed at the region, never stored or logged in clear). */
export const ReminderPhone = z.string().regex(/^1[3-9]\d{9}$/, '请填写 11 位手机号码');

export const BookRequest = z.strictObject({
  siteId: z.string().min(2).max(40),
  serviceCode: z.string().min(1).max(40),
  slotStart: Timestamp,
  idNumber: IdNumber,
  phone: ReminderPhone,
});
export type BookRequest = z.infer<typeof BookRequest>;

export const Booking = z.strictObject({
  code: AppointmentCode,
  siteId: z.string(),
  siteName: z.string(),
  serviceCode: z.string(),
  serviceName: z.string(),
  slotStart: Timestamp,
});
export type Booking = z.infer<typeof Booking>;

export const CancelRequest = z.strictObject({
  code: AppointmentCode,
  idLast4: z.string().regex(/^\d{3}[\dXx]$/, '请填写身份证号码后 4 位'),
});
export type CancelRequest = z.infer<typeof CancelRequest>;

/** The booking API of the region (网办/掌办 channel); listed in the region's `GET /api/openapi.json`. */
export const BookingEndpoints = {
  sites: endpoint({ method: 'GET', path: '/api/booking/sites', roles: 'public', response: BookingSites, summary: '可预约的站点和事项' }),
  slots: endpoint({
    method: 'GET', path: '/api/booking/sites/:siteId/items/:serviceCode/slots', roles: 'public', response: FreeSlots,
    summary: '某站点某事项的空余时段（每半小时）',
  }),
  book: endpoint({ method: 'POST', path: '/api/booking/appointments', roles: 'public', body: BookRequest, response: Booking, summary: '预约，返回预约码' }),
  cancel: endpoint({
    method: 'POST', path: '/api/booking/appointments/cancel', roles: 'public', body: CancelRequest, response: z.strictObject({ ok: z.literal(true) }),
    summary: '凭预约码和身份证号后 4 位取消预约',
  }),
};

export const AppointmentStatus = z.enum(['booked', 'cancelled', 'checked_in', 'no_show']);
export type AppointmentStatus = z.infer<typeof AppointmentStatus>;

/**
 * Region → hall: the site's appointments from today on, and the site's appointment key (base64, 32 bytes) that lets the
 * hall compute the same keyed hash from a card it reads. Only this site's key: a hall can match only its own bookings.
 */
export const AppointmentFeed = z.strictObject({
  keyId: z.string().min(1).max(40),
  key: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
  appointments: z.array(z.strictObject({
    code: AppointmentCode,
    serviceCode: z.string(),
    slotStart: Timestamp,
    personHash: z.string().regex(/^[0-9a-f]{64}$/),
    status: AppointmentStatus,
  })).max(20_000),
});
export type AppointmentFeed = z.infer<typeof AppointmentFeed>;

export const APPOINTMENT_FEED_PATH = '/api/region/sites/:id/appointments';

/** Kiosk check-in: by the 预约码, or by the identity a card or 医保码 gave (identity also needed for items that require it). */
export const CheckInRequest = z.strictObject({
  idempotencyKey: IdempotencyKey,
  code: AppointmentCode.optional(),
  identity: Identity.optional(),
  senior: z.boolean().optional(),
}).refine((r) => r.code !== undefined || r.identity !== undefined, { message: '请刷卡、出示医保码或输入预约码' });
export type CheckInRequest = z.infer<typeof CheckInRequest>;

export const CheckInResponse = z.strictObject({
  timing: z.enum(['early', 'on_time', 'late']),
  appointment: z.strictObject({ code: AppointmentCode, serviceCode: z.string(), serviceName: z.string(), slotStart: Timestamp }),
  /** Early: when check-in opens. */
  comeBackFrom: Timestamp.nullable(),
  /** On time: the 预约 ticket; late: an ordinary ticket; early: none. */
  ticket: IssueTicketResponse.nullable(),
  /** What the kiosk says, in polite forms (§7.4.2). */
  message: z.string(),
});
export type CheckInResponse = z.infer<typeof CheckInResponse>;

export const AppointmentStats = z.strictObject({
  day: z.string(),
  booked: z.number().int().nonnegative(),
  checkedIn: z.number().int().nonnegative(),
  noShow: z.number().int().nonnegative(),
});
export type AppointmentStats = z.infer<typeof AppointmentStats>;

export const AppointmentEndpoints = {
  checkIn: endpoint({
    method: 'POST', path: '/api/appointments/check-in', roles: ['kiosk'], body: CheckInRequest, response: CheckInResponse,
    summary: '预约签到：按时出预约号，早到告知签到时间，迟到出普通号',
  }),
  stats: endpoint({ method: 'GET', path: '/api/admin/appointments/stats', roles: ['admin'], staff: RUNS_THE_HALL, response: AppointmentStats, summary: '今日预约、签到与爽约' }),
};

/** Hall → region, in the durable log only (`roles: []`): a check-in or a 爽约, so the region's statistics count it once. */
export const AppointmentRecordedEvent = z.strictObject({
  code: AppointmentCode,
  serviceCode: z.string(),
  slotStart: Timestamp,
  status: z.enum(['checked_in', 'no_show']),
});
export type AppointmentRecordedEvent = z.infer<typeof AppointmentRecordedEvent>;
