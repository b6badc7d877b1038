// The admin console's pages. Each engineer adds one entry for their page (path relative to /admin, no leading slash).
import type { ComponentType } from 'preact';
import type { AdminPageProps } from './page.ts';

export interface AdminPage {
  path: string;
  /** Chinese label shown in the navigation. */
  label: string;
  load: () => Promise<{ default: ComponentType<AdminPageProps> }>;
}

export const adminPages: AdminPage[] = [
  { path: '', label: '大厅总览', load: () => import('./overview/index.tsx') },
  { path: 'terminals', label: '终端与配对', load: () => import('./terminals/index.tsx') },
  { path: 'ratings', label: '好差评', load: () => import('./ratings/index.tsx') },
  { path: 'packs', label: '内容包', load: () => import('./packs/index.tsx') },
  { path: 'devices', label: '设备', load: () => import('./devices/index.tsx') },
  { path: 'help', label: '群众求助', load: () => import('./help/index.tsx') },
  { path: 'audit', label: '审计日志', load: () => import('./audit/index.tsx') },
];
