// Shapes shared by every part of the hall API. Imported by the hall-server and by the page.
import { z } from 'zod';
import { StaffRole } from './access.ts';
import { CalendarStatus } from '../../content/schema/calendar-status.ts';
import { IdNumberSchema } from '../person/id-number.ts';
import { RegionLinkHealth } from './region-status.ts';

/** Every 4xx/5xx body. `message` is Chinese, for the person in front of the screen. */
export const ErrorBody = z.strictObject({
  error: z.strictObject({ code: z.string(), message: z.string() }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const RoleSchema = z.enum(['admin', 'kiosk', 'pad', 'counter', 'board']);

export const PrincipalSchema = z.strictObject({
  id: z.string(),
  role: RoleSchema,
  window: z.number().int().positive().nullable(),
  name: z.string(),
  /** A console session's account role (大厅负责人, 值班长, 回访员); absent for terminals. */
  staffRole: StaffRole.optional(),
});

/** A client-chosen key that makes a command safe to retry (a retry returns the first result). */
export const IdempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'idempotency key: 8–64 letters, digits, - or _');

/** ID numbers in API bodies: the one schema of the codec (GB 11643 check character verified, x read as X). */
export const IdNumber = IdNumberSchema;
export type IdNumber = z.infer<typeof IdNumber>;

export const WindowNumber = z.number().int().min(1).max(999);

/** A content pack's version as a terminal reports it: packs start at 1 and only go up. */
export const PackVersion = z.number().int().min(1, '内容包版本号应为正整数').max(2_147_483_647, '内容包版本号过大');

/** ISO-8601 timestamp with offset, as produced by Date#toISOString. */
export const Timestamp = z.string();

export const OkBody = z.strictObject({ ok: z.literal(true) });
export type OkBody = z.infer<typeof OkBody>;
/** The body of a command that has nothing else to say. */
export const OK: OkBody = { ok: true };

/** `GET /api/health` — exactly this shape. */
export const HealthResponse = z.strictObject({
  status: z.literal('ok'),
  version: z.string(),
  pack: z.strictObject({ id: z.string(), version: z.number().int() }),
  /** Whether the active pack's holiday calendar covers this year (and, near its end, the next one). */
  calendar: CalendarStatus,
  /** The link to the region (hall-server/region-link/), once the hall is enrolled at one. */
  region: RegionLinkHealth.optional(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
