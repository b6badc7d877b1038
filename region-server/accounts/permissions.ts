// The one permission table of the region console (least privilege): what each role may do. Pure.
import type { ConsolePermission, RegionRole } from '../../protocol/region/console.ts';

export const ROLE_PERMISSIONS: Record<RegionRole, readonly ConsolePermission[]> = {
  region_admin: ['network', 'statistics', 'cases', 'site_day', 'export_personal', 'sites', 'catalogue', 'accounts'],
  statistician: ['network', 'statistics', 'cases', 'site_day'],
  case_supervisor: ['network', 'cases'],
};

export function roleMay(role: RegionRole, permission: ConsolePermission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
