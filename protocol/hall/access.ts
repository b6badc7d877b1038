// Who may call an endpoint and who receives an event, read from the declarations (least privilege). A console session
// is a signed-in person whose account role narrows what the 'admin' role allows: the 大厅负责人 everything, 值班长 the
// queue, terminals and devices and 群众求助, 回访员 the 差评 cases. Pure and browser-safe: the hall's router enforces it
// and the console uses it to show only what the person may use.
import { z } from 'zod';

/** 大厅负责人 (owner: everything), 值班长 (shift lead: queue, devices, help), 回访员 (call-back: 差评 cases). */
export const StaffRole = z.enum(['owner', 'shift_lead', 'callback']);
export type StaffRole = z.infer<typeof StaffRole>;

/** Console roles for an endpoint's `staff`: the 大厅负责人 is in every list (they may call every console endpoint). */
export const OWNER_ONLY = ['owner'] as const satisfies readonly StaffRole[];
export const RUNS_THE_HALL = ['owner', 'shift_lead'] as const satisfies readonly StaffRole[];
export const FOLLOWS_UP_CASES = ['owner', 'callback'] as const satisfies readonly StaffRole[];
export const EVERY_STAFF = ['owner', 'shift_lead', 'callback'] as const satisfies readonly StaffRole[];

/** What the access check reads of a declaration (endpoint.ts `Endpoint`, the router's route). */
export interface DeclaredAccess {
  roles: readonly string[] | 'public';
  /** The console roles that may call it when `roles` has 'admin'; absent: the 大厅负责人 only. */
  staff?: readonly StaffRole[];
}

/** Whether a console account of this role may call the endpoint (the 大厅负责人 may call every console endpoint). */
export function staffMayCall(declared: DeclaredAccess, role: StaffRole): boolean {
  if (declared.roles === 'public') return true;
  if (!declared.roles.includes('admin')) return false;
  return role === 'owner' || (declared.staff ?? OWNER_ONLY).includes(role);
}

/** An endpoint's access in one line, for the API reference and the access test: "public", or the terminal roles and
 * the console roles that may call it. */
export type Access = { kind: 'public' } | { kind: 'signed-in'; terminals: string[]; staff: StaffRole[] };

export function accessOf(declared: DeclaredAccess): Access {
  if (declared.roles === 'public') return { kind: 'public' };
  const terminals = declared.roles.filter((r) => r !== 'admin');
  const staff = declared.roles.includes('admin') ? StaffRole.options.filter((r) => staffMayCall(declared, r)) : [];
  return { kind: 'signed-in', terminals, staff };
}
