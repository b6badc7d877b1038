// The audit page's call to the hall-server, with the shared schema.
import { AuditEndpoints, type AuditListQuery } from '../../../protocol/hall/audit.ts';
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
  // Empty fields are left out, as the hall reads them the same (today, every action, the first page).
  const query: AuditListQuery = { limit: String(AUDIT_PAGE_SIZE) };
  if (filter.from) query.from = filter.from;
  if (filter.to) query.to = filter.to;
  if (filter.action) query.action = filter.action;
  if (cursor) query.cursor = cursor;
  return call(AuditEndpoints.list, { query });
}
