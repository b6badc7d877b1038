// What each console role may call (least privilege). 大厅负责人 may call every console route; 值班长 the queue, the
// terminals and devices, and 群众求助; 回访员 the 差评 cases. Routes every signed-in person needs (who am I, logout,
// own password, own sessions) are open to all three. Pure.
import type { StaffRole } from '../../protocol/hall/accounts.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface Grant {
  methods: Method[] | 'any';
  /** The route's declared path (with `:params`), matched exactly or as a prefix ending in `/`. */
  path: string;
}

const EVERY_STAFF: Grant[] = [
  { methods: 'any', path: '/api/whoami' },
  { methods: 'any', path: '/api/admin/logout' },
  { methods: 'any', path: '/api/admin/password' },
  // The handlers show and end only the caller's own sessions unless the caller is the 大厅负责人.
  { methods: ['GET'], path: '/api/admin/sessions' },
  { methods: ['POST'], path: '/api/admin/sessions/:id/revoke' },
];

const GRANTS: Record<Exclude<StaffRole, 'owner'>, Grant[]> = {
  shift_lead: [
    { methods: 'any', path: '/api/tickets' },
    { methods: 'any', path: '/api/tickets/' },
    { methods: ['GET'], path: '/api/queue' },
    { methods: 'any', path: '/api/windows/' },
    { methods: 'any', path: '/api/admin/terminals' },
    { methods: 'any', path: '/api/admin/terminals/' },
    { methods: 'any', path: '/api/admin/pairing-codes' },
    { methods: 'any', path: '/api/admin/help' },
    { methods: 'any', path: '/api/admin/help/' },
    { methods: 'any', path: '/api/help' },
    { methods: 'any', path: '/api/help/' },
    // DB21/T 4402 §11.2: the 值班长 reads the improvement records; only the 大厅负责人 writes them.
    { methods: ['GET'], path: '/api/admin/improvement' },
  ],
  callback: [
    { methods: ['GET'], path: '/api/ratings/cases' },
    { methods: 'any', path: '/api/ratings/cases/' },
  ],
};

function matches(grant: Grant, method: Method, path: string): boolean {
  if (grant.methods !== 'any' && !grant.methods.includes(method)) return false;
  return grant.path.endsWith('/') ? path.startsWith(grant.path) : path === grant.path;
}

export function staffMayCall(role: StaffRole, method: Method, routePath: string): boolean {
  if (role === 'owner') return true;
  return [...EVERY_STAFF, ...GRANTS[role]].some((g) => matches(g, method, routePath));
}
