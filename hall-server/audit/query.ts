// The audit query's parameters (pure): hall-local days to UTC bounds, the page cursor, the action filter.
import { ApiError } from '../core/module.ts';
import { AUDIT_MAX_RANGE_DAYS, AUDIT_PAGE_DEFAULT, AUDIT_PAGE_MAX, AuditActionFilter } from '../../protocol/hall/audit.ts';

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

/** The hall-local calendar day of an instant. */
export function localDay(nowMs: number, utcOffsetMinutes: number): string {
  return new Date(nowMs + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
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

/** Reads `from`, `to` (hall-local days, default today), `action`, `limit` and `cursor`; a 400 in Chinese when wrong. */
export function parseAuditQuery(query: URLSearchParams, nowMs: number, utcOffsetMinutes: number): AuditQuery {
  const today = localDay(nowMs, utcOffsetMinutes);
  const from = query.get('from') || today;
  const to = query.get('to') || today;
  const a = dayStartMs(from);
  const b = dayStartMs(to);
  if (a === null || b === null) throw new ApiError(400, 'bad_range', '请选择正确的起止日期（格式如 2026-11-01）');
  if (b < a) throw new ApiError(400, 'bad_range', '结束日期不能早于开始日期');
  if ((b - a) / DAY_MS > AUDIT_MAX_RANGE_DAYS) throw new ApiError(400, 'bad_range', '一次最多查询一年的记录');
  const offsetMs = utcOffsetMinutes * 60_000;

  const actionText = query.get('action') || null;
  if (actionText !== null && !AuditActionFilter.safeParse(actionText).success) {
    throw new ApiError(400, 'bad_action', '操作类型不正确');
  }

  const limitText = query.get('limit');
  const limit = limitText === null ? AUDIT_PAGE_DEFAULT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > AUDIT_PAGE_MAX) {
    throw new ApiError(400, 'bad_limit', `每页条数应为 1 到 ${AUDIT_PAGE_MAX}`);
  }

  const cursorText = query.get('cursor');
  const cursor = cursorText ? decodeCursor(cursorText) : null;
  if (cursorText && !cursor) throw new ApiError(400, 'bad_cursor', '翻页参数无效，请从第一页重新查询');

  return {
    from,
    to,
    start: new Date(a - offsetMs).toISOString(),
    end: new Date(b + DAY_MS - offsetMs).toISOString(),
    action: actionText,
    limit,
    cursor,
  };
}
