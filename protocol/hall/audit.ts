// HTTP shapes of the audit trail (审计日志), shared by the hall-server and the console page. Browser-safe.
import { z } from 'zod';
import { RoleSchema, Timestamp } from './common.ts';
import { endpoint } from './endpoint.ts';
import { OWNER_ONLY } from './access.ts';
import { isIsoDate, queryIssue } from './query.ts';

export const AUDIT_PAGE_DEFAULT = 50;
export const AUDIT_PAGE_MAX = 200;
/** Longest date range one query may span, in days. */
export const AUDIT_MAX_RANGE_DAYS = 400;

/** An action prefix on whole dot-separated segments: `ratings.case` matches `ratings.case.callback`, `admin.login`
 * matches `admin.login` but not `admin.login_failed`. */
export const AuditActionFilter = z.string().regex(/^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*$/, '操作类型不正确').max(60);

const JsonValue = z.json();

export const AuditEntry = z.strictObject({
  id: z.number().int(),
  at: Timestamp,
  /** Who acted; null for the hall itself (daily reset, purge) and for attempts before sign-in (a wrong password). */
  actor: z
    .strictObject({
      id: z.string(),
      role: RoleSchema.nullable(),
      /** The terminal's or manager's name at the time of the query; null when the record is gone. */
      name: z.string().nullable(),
    })
    .nullable(),
  /** Dotted code, e.g. `ratings.export`, `terminal.revoked`, `window.call-next`. */
  action: z.string(),
  /** As recorded, with any ID number or mobile number in it masked. */
  details: z.record(z.string(), JsonValue),
  /** Names of what the details refer to by id, looked up when read. */
  refs: z.strictObject({
    /** Name of the terminal in `details.terminal`. */
    terminal: z.string().nullable(),
    /** Ticket number (e.g. A003) of `details.ticket`. */
    ticket: z.string().nullable(),
  }),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditListResponse = z.strictObject({
  /** The hall-local days queried (today when not given). */
  from: z.string(),
  to: z.string(),
  /** Minutes east of UTC of the hall's clock, to show `at` in hall time. */
  utcOffsetMinutes: z.number().int(),
  /** Entries of the whole range and filter, over all pages. */
  total: z.number().int().nonnegative(),
  /** Newest first. */
  entries: z.array(AuditEntry),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  next: z.string().nullable(),
});
export type AuditListResponse = z.infer<typeof AuditListResponse>;

const BAD_DAY = queryIssue('bad_range', '请选择正确的起止日期（格式如 2026-11-01）');
const BAD_LIMIT = queryIssue('bad_limit', `每页条数应为 1 到 ${AUDIT_PAGE_MAX}`);

/** `from`/`to` hall-local days (absent or empty: today, which only the hall knows, so it fills them in and checks their
 * order and span), `action` prefix (empty: every action), `limit` (default 50), `cursor` (the previous page's `next`). */
export const AuditListQuery = z.object({
  from: z.string().refine((v) => v === '' || isIsoDate(v), BAD_DAY).optional(),
  to: z.string().refine((v) => v === '' || isIsoDate(v), BAD_DAY).optional(),
  action: z
    .string()
    .refine((v) => v === '' || AuditActionFilter.safeParse(v).success, queryIssue('bad_action', '操作类型不正确'))
    .optional(),
  limit: z
    .string()
    .refine((v) => Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= AUDIT_PAGE_MAX, BAD_LIMIT)
    .transform(Number)
    .optional(),
  cursor: z.string().optional(),
});
export type AuditListQuery = z.input<typeof AuditListQuery>;

export const AuditEndpoints = {
  list: endpoint({
    method: 'GET', path: '/api/admin/audit', roles: ['admin'], staff: OWNER_ONLY, query: AuditListQuery, response: AuditListResponse,
    summary: '审计日志：from/to 为大厅当地日期（默认今天），action 按操作前缀筛选，最新在前，limit 每页条数（最多200），cursor 翻页',
  }),
};
