// Named console accounts (姓名, 工号, role), first-run setup with a one-time code, login, logout and open sessions.
import { z } from 'zod';
import { Timestamp } from './common.ts';

/** 大厅负责人 (owner: everything), 值班长 (shift lead: queue, devices, help), 回访员 (call-back: 差评 cases). */
export const StaffRole = z.enum(['owner', 'shift_lead', 'callback']);
export type StaffRole = z.infer<typeof StaffRole>;

export const STAFF_ROLE_NAMES: Record<StaffRole, string> = { owner: '大厅负责人', shift_lead: '值班长', callback: '回访员' };

export const StaffNo = z.string().trim().regex(/^[A-Za-z0-9_-]{1,20}$/, '工号为 1–20 位字母、数字、- 或 _');
export const StaffName = z.string().trim().min(1, '请填写姓名').max(20, '姓名最多 20 个字');
/** Length and content are checked by the password policy (with a Chinese reason); this only bounds the size. */
export const NewPassword = z.string().max(128, '密码最多 128 位');

export const AccountPaths = {
  status: '/api/admin/status',
  setup: '/api/admin/setup',
  login: '/api/admin/login',
  logout: '/api/admin/logout',
  accounts: '/api/admin/accounts',
  account: (id: string) => `/api/admin/accounts/${encodeURIComponent(id)}`,
  sessions: '/api/admin/sessions',
  revokeSession: (id: string) => `/api/admin/sessions/${encodeURIComponent(id)}/revoke`,
  ownPassword: '/api/admin/password',
} as const;

export const AdminStatusResponse = z.strictObject({
  /** Some account exists: the console shows the login form, not first-run setup. */
  passwordSet: z.boolean(),
});
export type AdminStatusResponse = z.infer<typeof AdminStatusResponse>;

export const AdminSetupRequest = z.strictObject({
  setupCode: z.string().trim().min(1, '请填写设置码').max(40),
  name: StaffName,
  staffNo: StaffNo,
  password: NewPassword,
});
export type AdminSetupRequest = z.infer<typeof AdminSetupRequest>;

export const AdminLoginRequest = z.strictObject({
  staffNo: StaffNo,
  password: z.string().min(1, '请输入密码').max(128),
});
export type AdminLoginRequest = z.infer<typeof AdminLoginRequest>;

export const AccountView = z.strictObject({
  id: z.string(),
  name: z.string(),
  staffNo: z.string(),
  role: StaffRole,
  disabled: z.boolean(),
  createdAt: Timestamp,
  createdBy: z.string().nullable(),
});
export type AccountView = z.infer<typeof AccountView>;

export const AccountListResponse = z.strictObject({ accounts: z.array(AccountView) });
export type AccountListResponse = z.infer<typeof AccountListResponse>;

export const CreateAccountRequest = z.strictObject({ name: StaffName, staffNo: StaffNo, role: StaffRole, password: NewPassword });
export type CreateAccountRequest = z.infer<typeof CreateAccountRequest>;

export const UpdateAccountRequest = z.strictObject({ role: StaffRole.optional(), disabled: z.boolean().optional(), password: NewPassword.optional() });
export type UpdateAccountRequest = z.infer<typeof UpdateAccountRequest>;

export const ChangeOwnPasswordRequest = z.strictObject({ current: z.string().min(1).max(128), password: NewPassword });
export type ChangeOwnPasswordRequest = z.infer<typeof ChangeOwnPasswordRequest>;

export const SessionView = z.strictObject({
  id: z.string(),
  accountId: z.string(),
  name: z.string(),
  staffNo: z.string(),
  role: StaffRole,
  startedAt: Timestamp,
  expiresAt: Timestamp,
  lastSeen: Timestamp.nullable(),
  address: z.string().nullable(),
  /** The session of the caller. */
  current: z.boolean(),
});
export type SessionView = z.infer<typeof SessionView>;

export const SessionListResponse = z.strictObject({ sessions: z.array(SessionView) });
export type SessionListResponse = z.infer<typeof SessionListResponse>;
