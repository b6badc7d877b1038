// The admin console's pages. Each engineer adds one entry for their page (path relative to /admin, no leading slash).
import type { ComponentType } from 'preact';
import type { AdminPageProps } from './page.ts';
import type { StaffRole } from '../../protocol/hall/accounts.ts';

export interface AdminPage {
  path: string;
  /** Chinese label shown in the navigation. */
  label: string;
  load: () => Promise<{ default: ComponentType<AdminPageProps> }>;
  /** The console roles that see the page (the server checks every call anyway: accounts/permissions.ts); absent: all. */
  roles?: StaffRole[];
}

const OWNER: StaffRole[] = ['owner'];
const RUNS_THE_HALL: StaffRole[] = ['owner', 'shift_lead'];

export const adminPages: AdminPage[] = [
  { path: '', label: '大厅总览', load: () => import('./overview/index.tsx'), roles: RUNS_THE_HALL },
  { path: 'terminals', label: '终端与配对', load: () => import('./terminals/index.tsx'), roles: RUNS_THE_HALL },
  { path: 'ratings', label: '好差评', load: () => import('./ratings/index.tsx'), roles: ['owner', 'callback'] },
  { path: 'packs', label: '内容包', load: () => import('./packs/index.tsx'), roles: OWNER },
  { path: 'devices', label: '设备', load: () => import('./devices/index.tsx'), roles: RUNS_THE_HALL },
  { path: 'help', label: '群众求助', load: () => import('./help/index.tsx'), roles: RUNS_THE_HALL },
  { path: 'deferrals', label: '容缺补正', load: () => import('./deferrals/index.tsx'), roles: OWNER },
  { path: 'improvement', label: '整改提升', load: () => import('./improvement/index.tsx'), roles: RUNS_THE_HALL },
  { path: 'inspection', label: '示范点自查', load: () => import('./inspection/index.tsx'), roles: OWNER },
  { path: 'region', label: '区域中心', load: () => import('./region/index.tsx'), roles: OWNER },
  { path: 'audit', label: '审计日志', load: () => import('./audit/index.tsx'), roles: OWNER },
  { path: 'accounts', label: '账号与会话', load: () => import('./accounts/index.tsx') },
];
