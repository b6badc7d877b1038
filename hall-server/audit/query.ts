// The audit query's parameters, as declared (protocol/hall/audit.ts) and checked by the router, resolved for the store:
// hall-local days (default today) to UTC bounds, checked for order and span; the page cursor decoded.
import type { z } from 'zod';
import { ApiError } from '../core/module.ts';
import { parseDeclaredQuery } from '../core/declared-query.ts';
import { AUDIT_MAX_RANGE_DAYS, AUDIT_PAGE_DEFAULT, AuditListQuery } from '../../protocol/hall/audit.ts';
import { hallDayStartMs, localDate } from '../../protocol/rules/hall-time.ts';

const DAY_MS = 86_400_000;

export interface AuditQuery {
  from: string;
  to: string;
  /** `at` bounds in UTC ISO form, [start, end). */
  start: string;
  end: string;
  action: string | null;
  limit: number;
  cursor: AuditCursor | null;
}

/** The last entry of the previous page: the next page holds entries strictly older in (at, id) order. */
export interface AuditCursor {
  at: string;
  id: number;
}

function dayStartMs(day: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) return null;
  return ms;
}

export function encodeCursor(c: AuditCursor): string {
  return Buffer.from(`${c.at}|${c.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(text: string): AuditCursor | null {
  const raw = Buffer.from(text, 'base64url').toString('utf8');
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|(\d{1,15})$/.exec(raw);
  return m ? { at: m[1]!, id: Number(m[2]) } : null;
}

/** The declared query's fields resolved: `from`, `to` default to the hall-local today; a 400 in Chinese when wrong. */
export function resolveAuditQuery(query: z.output<typeof AuditListQuery>, nowMs: number, utcOffsetMinutes: number): AuditQuery {
  const today = localDate(nowMs, utcOffsetMinutes);
  const from = query.from || today;
  const to = query.to || today;
  const a = dayStartMs(from);
  const b = dayStartMs(to);
  if (a === null || b === null) throw new ApiError(400, 'bad_range', '请选择正确的起止日期（格式如 2026-11-01）');
  if (b < a) throw new ApiError(400, 'bad_range', '结束日期不能早于开始日期');
  if ((b - a) / DAY_MS > AUDIT_MAX_RANGE_DAYS) throw new ApiError(400, 'bad_range', '一次最多查询一年的记录');

  const actionText = query.action || null;
  const limit = query.limit ?? AUDIT_PAGE_DEFAULT;

  const cursorText = query.cursor;
  const cursor = cursorText ? decodeCursor(cursorText) : null;
  if (cursorText && !cursor) throw new ApiError(400, 'bad_cursor', '翻页参数无效，请从第一页重新查询');

  return {
    from,
    to,
    start: new Date(hallDayStartMs(from, utcOffsetMinutes)).toISOString(),
    end: new Date(hallDayStartMs(to, utcOffsetMinutes) + DAY_MS).toISOString(),
    action: actionText,
    limit,
    cursor,
  };
}

/** Raw parameters checked by the declared schema, as the router does, then resolved (for tools and tests). */
export function parseAuditQuery(search: URLSearchParams, nowMs: number, utcOffsetMinutes: number): AuditQuery {
  return resolveAuditQuery(parseDeclaredQuery(AuditListQuery, search), nowMs, utcOffsetMinutes);
}
