// The admin console's pages. Each engineer adds one entry for their page (path relative to /admin, no leading slash).
import type { ComponentType } from 'preact';
import type { AdminPageProps } from './page.ts';
import { EVERY_STAFF, staffMayCall, type DeclaredAccess, type StaffRole } from '../../protocol/hall/access.ts';
import { AccountEndpoints } from '../../protocol/hall/accounts.ts';
import { AuditEndpoints } from '../../protocol/hall/audit.ts';
import { DeferralEndpoints } from '../../protocol/hall/deferrals.ts';
import { IdentityEndpoints } from '../../protocol/hall/identity.ts';
import { ImprovementEndpoints } from '../../protocol/hall/improvement.ts';
import { InspectionEndpoints } from '../../protocol/hall/inspection.ts';
import { PackEndpoints } from '../../protocol/hall/packs.ts';
import { QueueEndpoints } from '../../protocol/hall/queue.ts';
import { RatingEndpoints } from '../../protocol/hall/ratings.ts';
import { RegionEndpoints } from '../../protocol/hall/region.ts';
import { TerminalEndpoints } from '../../protocol/hall/terminals.ts';

export interface AdminPage {
  path: string;
  /** Chinese label shown in the navigation. */
  label: string;
  load: () => Promise<{ default: ComponentType<AdminPageProps> }>;
  /** The endpoint the page opens with: a console role sees the page when it may call it (the server checks every call
   * anyway). The 大厅总览 reads the queue (from the event stream), the 设备 panel belongs with the terminals. */
  opens: DeclaredAccess;
}

export const adminPages: AdminPage[] = [
  { path: '', label: '大厅总览', load: () => import('./overview/index.tsx'), opens: QueueEndpoints.queue },
  { path: 'terminals', label: '终端与配对', load: () => import('./terminals/index.tsx'), opens: TerminalEndpoints.list },
  { path: 'ratings', label: '好差评', load: () => import('./ratings/index.tsx'), opens: RatingEndpoints.cases },
  { path: 'packs', label: '内容包', load: () => import('./packs/index.tsx'), opens: PackEndpoints.list },
  { path: 'devices', label: '设备', load: () => import('./devices/index.tsx'), opens: TerminalEndpoints.list },
  { path: 'help', label: '群众求助', load: () => import('./help/index.tsx'), opens: IdentityEndpoints.helpList },
  { path: 'deferrals', label: '容缺补正', load: () => import('./deferrals/index.tsx'), opens: DeferralEndpoints.list },
  { path: 'improvement', label: '整改提升', load: () => import('./improvement/index.tsx'), opens: ImprovementEndpoints.list },
  { path: 'inspection', label: '示范点自查', load: () => import('./inspection/index.tsx'), opens: InspectionEndpoints.report },
  { path: 'region', label: '区域中心', load: () => import('./region/index.tsx'), opens: RegionEndpoints.status },
  { path: 'audit', label: '审计日志', load: () => import('./audit/index.tsx'), opens: AuditEndpoints.list },
  { path: 'accounts', label: '账号与会话', load: () => import('./accounts/index.tsx'), opens: AccountEndpoints.sessions },
];

/** The pages a console account of this role sees; a session without a known role sees what every role may. */
export function pagesFor(role: StaffRole | null): AdminPage[] {
  const roles = role === null ? EVERY_STAFF : [role];
  return adminPages.filter((p) => roles.every((r) => staffMayCall(p.opens, r)));
}
