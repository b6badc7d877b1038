// The audit page's call to the hall-server, with the shared schema.
import { AuditEndpoints } from '../../../protocol/hall/audit.ts';
import { call } from '../../shared/hall/api.ts';

export interface AuditFilter {
  /** Hall-local days; empty asks the server for today. */
  from: string;
  to: string;
  /** Action prefix; empty for every action. */
  action: string;
}

export const AUDIT_PAGE_SIZE = 50;

export function loadAudit(filter: AuditFilter, cursor: string | null) {
  const q = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) });
  if (filter.from) q.set('from', filter.from);
  if (filter.to) q.set('to', filter.to);
  if (filter.action) q.set('action', filter.action);
  if (cursor) q.set('cursor', cursor);
  return call(AuditEndpoints.list, { query: q });
}
