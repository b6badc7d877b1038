// Named console accounts (姓名, 工号, role), first-run setup with a one-time code, login, logout and open sessions.
import { z } from 'zod';
import { OkBody, Timestamp } from './common.ts';
import { endpoint } from './endpoint.ts';
import { TokenResponse } from './terminals.ts';
import { EVERY_STAFF, OWNER_ONLY, StaffRole } from './access.ts';

export { StaffRole };

export const STAFF_ROLE_NAMES: Record<StaffRole, string> = { owner: '大厅负责人', shift_lead: '值班长', callback: '回访员' };

export const StaffNo = z.string().trim().regex(/^[A-Za-z0-9_-]{1,20}$/, '工号为 1–20 位字母、数字、- 或 _');
export const StaffName = z.string().trim().min(1, '请填写姓名').max(20, '姓名最多 20 个字');
/** Length and content are checked by the password policy (with a Chinese reason); this only bounds the size. */
export const NewPassword = z.string().max(128, '密码最多 128 位');

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

export const AccountEndpoints = {
  status: endpoint({
    method: 'GET', path: '/api/admin/status', roles: 'public', response: AdminStatusResponse,
    summary: '是否已完成首次设置（已有账号）',
  }),
  setup: endpoint({
    method: 'POST', path: '/api/admin/setup', roles: 'public', body: AdminSetupRequest, response: TokenResponse,
    summary: '首次设置：凭大厅服务控制台上（及数据目录 setup-code.txt 中）的一次性设置码创建第一个大厅负责人账号',
  }),
  login: endpoint({
    method: 'POST', path: '/api/admin/login', roles: 'public', body: AdminLoginRequest, response: TokenResponse,
    summary: '管理台登录（工号 + 密码）；猜错的来源地址逐次变慢，不影响其他地址上的本人',
  }),
  logout: endpoint({ method: 'POST', path: '/api/admin/logout', roles: ['admin'], staff: EVERY_STAFF, response: OkBody, summary: '退出登录（结束本会话）' }),
  list: endpoint({
    method: 'GET', path: '/api/admin/accounts', roles: ['admin'], staff: OWNER_ONLY, response: AccountListResponse, summary: '管理台账号列表（大厅负责人）',
  }),
  create: endpoint({
    method: 'POST', path: '/api/admin/accounts', roles: ['admin'], staff: OWNER_ONLY, body: CreateAccountRequest, response: AccountView,
    summary: '新建账号（姓名、工号、角色、初始密码；大厅负责人）',
  }),
  update: endpoint({
    method: 'PATCH', path: '/api/admin/accounts/:id', roles: ['admin'], staff: OWNER_ONLY, body: UpdateAccountRequest, response: AccountView,
    summary: '修改账号：角色、停用/启用、重设密码（大厅负责人）；账号的会话随之结束',
  }),
  changeOwnPassword: endpoint({
    method: 'POST', path: '/api/admin/password', roles: ['admin'], staff: EVERY_STAFF, body: ChangeOwnPasswordRequest, response: OkBody, summary: '修改本人密码',
  }),
  sessions: endpoint({
    method: 'GET', path: '/api/admin/sessions', roles: ['admin'], staff: EVERY_STAFF, response: SessionListResponse,
    summary: '在线会话（大厅负责人看全部，其他人看本人的）',
  }),
  revokeSession: endpoint({
    method: 'POST', path: '/api/admin/sessions/:id/revoke', roles: ['admin'], staff: EVERY_STAFF, response: OkBody, summary: '结束一个会话（其管理台立即断开）',
  }),
};
