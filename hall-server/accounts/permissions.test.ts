import { describe, expect, it } from 'vitest';
import { staffMayCall } from './permissions.ts';

describe('console roles (least privilege)', () => {
  it('大厅负责人 may call everything', () => {
    expect(staffMayCall('owner', 'POST', '/api/admin/accounts')).toBe(true);
    expect(staffMayCall('owner', 'GET', '/api/ratings/export')).toBe(true);
  });

  it('值班长: queue, terminals and devices, help — not accounts, packs, exports or the audit', () => {
    for (const [method, path] of [['POST', '/api/windows/:window/call-next'], ['GET', '/api/queue'], ['POST', '/api/tickets'],
      ['GET', '/api/admin/terminals'], ['POST', '/api/admin/pairing-codes'], ['POST', '/api/admin/help/:id/resolve']] as const) {
      expect(staffMayCall('shift_lead', method, path), path).toBe(true);
    }
    for (const [method, path] of [['POST', '/api/admin/accounts'], ['POST', '/api/admin/packs'], ['GET', '/api/ratings/export'],
      ['GET', '/api/admin/audit'], ['GET', '/api/ratings/cases']] as const) {
      expect(staffMayCall('shift_lead', method, path), path).toBe(false);
    }
  });

  it('回访员: the 差评 cases only (and their own session)', () => {
    expect(staffMayCall('callback', 'GET', '/api/ratings/cases')).toBe(true);
    expect(staffMayCall('callback', 'POST', '/api/ratings/cases/:id/actions')).toBe(true);
    expect(staffMayCall('callback', 'POST', '/api/admin/logout')).toBe(true);
    expect(staffMayCall('callback', 'GET', '/api/ratings/export')).toBe(false);
    expect(staffMayCall('callback', 'POST', '/api/windows/:window/call-next')).toBe(false);
    expect(staffMayCall('callback', 'GET', '/api/admin/accounts')).toBe(false);
  });
});
