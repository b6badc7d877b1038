import { describe, expect, it } from 'vitest';
import { CONSOLE_PERMISSIONS } from '../../protocol/region/console.ts';
import { ROLE_PERMISSIONS, roleMay } from './permissions.ts';

describe('region console permissions (least privilege)', () => {
  it('gives the 区域管理员 everything and nobody else the personal export, sites, catalogue or accounts', () => {
    expect(ROLE_PERMISSIONS.region_admin).toEqual(CONSOLE_PERMISSIONS);
    for (const permission of ['export_personal', 'sites', 'catalogue', 'accounts'] as const) {
      expect(roleMay('statistician', permission)).toBe(false);
      expect(roleMay('case_supervisor', permission)).toBe(false);
    }
    expect(ROLE_PERMISSIONS.case_supervisor).toEqual(['network', 'cases']);
  });
});
